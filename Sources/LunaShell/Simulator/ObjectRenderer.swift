import LunaSim

/// The simulator object commands' text (modelled; docs/lunacm-behaviour.md, "Simulator commands").
enum ObjectRenderer {
    static func created(_ created: ObjectService.Created) -> String {
        var out = "\n"
        for object in created.objects {
            out += "        Created \(PartitionRenderer.objectType(object).lowercased()) \(object.keyType) \(object.size) \"\(object.label)\" as object \(object.handle).\n"
        }
        if let group = created.target.group {
            let target = created.target
            // The first alive member takes the object; it is "the primary" only when it is the
            // group's first member (docs/ha-runtime.md: the survivor of a down primary is not the primary).
            let member = target.primaryIsDown ? "member \(target.primary)" : "the primary \(target.primary)"
            if !target.replicas.isEmpty {
                out += "        HA group \(group): created on \(target.primary) and replicated to \(target.replicas.joined(separator: ", ")).\n"
            } else if !target.synchronization {
                out += "        HA group \(group): created on \(member) only (synchronization is disabled).\n"
            } else {
                out += "        HA group \(group): created on \(member) only.\n"
            }
            if target.synchronization, !target.unavailable.isEmpty {
                out += "        Not on \(target.unavailable.joined(separator: ", ")) (down): the group needs a sync until it recovers.\n"
            }
        }
        return out + "\n"
    }

    static func list(_ objects: [StoredObject], target: ObjectService.Target) -> String {
        var out = "\n"
        if let group = target.group { out += "        HA group \(group), objects of the primary \(target.primary):\n\n" }
        out += "        " + pad("Handle", 8) + pad("Class", 14) + pad("Type", 6) + pad("Size", 6) + "Label\n"
        out += "        " + pad("------", 8) + pad("-----", 14) + pad("----", 6) + pad("----", 6) + "-----\n"
        for object in objects {
            out += "        " + pad(String(object.handle), 8) + pad(object.objectClass.rawValue, 14) + pad(object.keyType, 6)
                + pad(String(object.size), 6) + object.label + "\n"
        }
        return out + "\n        Number of objects:  \(objects.count)\n\n"
    }

    static func destroyed(_ object: StoredObject) -> String {
        "\n        Object \(object.handle) (\(object.label)) destroyed.\n\n"
    }

    static func extracted(handle: Int, blob: String) -> String {
        "\n        SKS blob of object \(handle):\n        \(blob)\n\n"
    }

    static func inserted(handle: Int) -> String {
        "\n        The SKS blob was inserted as object \(handle).\n\n"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
