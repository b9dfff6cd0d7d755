import LunaSim

/// Simulator-only object commands (a real LunaCM makes no keys): create an AES key or an RSA or
/// EC key pair, list and destroy objects on the current slot, HA virtual slot included, so that
/// `copy`, `partition clone` and `Needs sync` can be rehearsed. The Crypto Officer or Crypto User
/// must be logged in to the slot, with a credential that is not expired (HSM policy 21).
enum ObjectCommands {
    static let commands: [CommandSpec] = [
        CommandSpec(family: "simulator", name: "createObject", shortNames: ["co"],
                    summary: "Create an AES key or an RSA or EC key pair on the current slot (HA slot: on the primary, replicated if sync is on)",
                    options: [OptionSpec("keyType", shortcuts: ["kt"], .choice(["AES", "RSA", "EC"]), required: true, value: "AES|RSA|EC", help: "Key type"),
                              OptionSpec("size", shortcuts: ["s"], .integer, value: "bits", help: "AES 128/192/256 (256), RSA 1024-4096 (2048), EC 256/384 (256)"),
                              OptionSpec("label", shortcuts: ["l"], required: true, value: "label", help: "Object label")],
                    mutates: true, simulatorExtension: true),
        CommandSpec(family: "simulator", name: "listObjects", shortNames: ["lo"],
                    summary: "List the objects on the current slot (HA slot: the primary's)", simulatorExtension: true),
        CommandSpec(family: "simulator", name: "destroyObject", shortNames: ["do"],
                    summary: "Destroy an object on the current slot (HA slot: on every synchronized member)",
                    options: [OptionSpec("handle", shortcuts: ["h"], .integer, required: true, value: "handle", help: "Object handle")],
                    mutates: true, simulatorExtension: true),
    ]

    static let handlers: [String: CommandHandler] = [
        "simulator.createObject": { context throws(LunaError) in
            let slot = try requireCryptoLogin(context)
            let kind = try kind(context)
            let label = context.command.text("label") ?? ""
            let created = try context.transaction { transaction throws(LunaError) in
                try ObjectService.create(kind, label: label, slot: slot, transaction)
            }
            context.write(ObjectRenderer.created(created))
        },
        "simulator.listObjects": { context throws(LunaError) in
            let slot = try requireCryptoLogin(context)
            let (objects, target) = try context.store.read { transaction throws(LunaError) in
                (try ObjectService.list(slot: slot, transaction), try ObjectService.target(slot: slot, transaction))
            }
            context.write(ObjectRenderer.list(objects, target: target))
        },
        "simulator.destroyObject": { context throws(LunaError) in
            let slot = try requireCryptoLogin(context)
            let handle = context.command.integer("handle") ?? 0
            let object = try context.transaction { transaction throws(LunaError) in
                try ObjectService.destroy(handle: handle, slot: slot, transaction)
            }
            context.write("\n        Object \(object.handle) (\(object.label)) destroyed.\n\n")
        },
    ]

    /// The slot, once a CO or CU with a current credential is logged in to it.
    static func requireCryptoLogin(_ context: CommandContext) throws(LunaError) -> Int {
        let slot = try context.currentSlotNumber()
        let key = try context.currentLoginKey()
        guard let role = context.loggedIn(key), role.isCryptoRole else {
            throw LunaError(.userNotLoggedIn, "The Crypto Officer or Crypto User must be logged in to slot \(slot) ('role login -name co').")
        }
        try context.store.read { transaction throws(LunaError) in
            for serial in try ObjectService.loginSerials(slot: slot, transaction) {
                try RoleService.checkNotExpired(role, on: serial, transaction)
            }
        }
        return slot
    }

    static func kind(_ context: CommandContext) throws(LunaError) -> KeyMaterial.Kind {
        let size = context.command.integer("size")
        switch context.command.text("keyType") {
        case "AES": return .aes(bits: size ?? 256)
        case "RSA": return .rsa(bits: size ?? 2048)
        default:
            switch size ?? 256 {
            case 256: return .ec(curve: .p256)
            case 384: return .ec(curve: .p384)
            default: throw LunaError(.keySizeRange, "EC keys are on P-256 (-size 256) or P-384 (-size 384).")
            }
        }
    }
}

/// The simulator object commands' text [M].
enum ObjectRenderer {
    static func created(_ created: ObjectService.Created) -> String {
        var out = "\n"
        for object in created.objects {
            out += "        Created \(PartitionRenderer.objectType(object).lowercased()) \(object.keyType) \(object.size) \"\(object.label)\" as object \(object.handle).\n"
        }
        if let group = created.target.group {
            out += created.target.replicas.isEmpty
                ? "        HA group \(group): created on the primary \(created.target.primary) only (synchronization is disabled).\n"
                : "        HA group \(group): created on \(created.target.primary) and replicated to \(created.target.replicas.joined(separator: ", ")).\n"
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

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
