import LunaSim

/// LunaCM's text for `partition showinfo` (docs/lunacm-behaviour.md §3.3: documented labels and order), `partition
/// contents` (a modelled layout in the style of LunaCM 7), `init`, `clear` and `clone` (modelled).
enum PartitionRenderer {
    static let poPasswordPrompt = "\n        Enter password for Partition SO: "
    static let poPasswordAgainPrompt = "\n        Re-enter password for Partition SO: "
    static let domainPrompt = "\n        Enter domain for Partition SO: "
    static let domainAgainPrompt = "\n        Re-enter domain for Partition SO: "
    static let targetPasswordPrompt = "\n        Enter the Crypto Officer password of the target slot: "

    static let initWarning = "\n        You are about to initialize the partition.\n        All contents of the partition will be destroyed.\n\n        Are you sure you wish to continue?\n\n"

    static let clearWarning = "\n        You are about to delete all objects on the partition.\n\n        Are you sure you wish to continue?\n\n"

    /// `Label -> value` lines with values in one column (the showinfo labels are longer than
    /// the slot listing's, so the column is wider).
    static func line(_ label: String, _ value: String) -> String {
        let head = label + " ->"
        if value.isEmpty { return "        " + head + "\n" }
        return "        " + head + String(repeating: " ", count: max(1, 32 - head.count)) + value + "\n"
    }

    static func showinfo(_ info: PartitionInfo) -> String {
        var out = "\n"
        out += line("Partition Label", info.partition.label)
        out += line("Partition Manufacturer", "Safenet, Inc.")
        out += line("Partition Model", info.hsm.model)
        out += line("Partition Serial Number", info.partition.serial)
        out += line("Partition Status", "L3 Device")
        out += line("HSM Part Number", PartitionInfo.partNumber)
        out += line("Token Flags", "")
        for flag in info.tokenFlags { out += "                " + flag + "\n" }
        out += line("RPV Initialized", "Not Supported")
        out += line("Slot Id", String(info.partition.slot))
        out += line("Session State", info.sessionState)
        out += line("Role Status", info.roleStatus)
        out += line("Token Flags", "")
        out += "                TOKEN_KCV_CREATED\n"
        out += "        Partition OUID: \(info.ouid)\n"
        out += "        Partition Storage:\n"
        out += "                Total Storage Space:  \(PartitionInfo.totalStorage)\n"
        out += "                Used Storage Space:   \(info.usedStorage)\n"
        out += "                Free Storage Space:   \(info.freeStorage)\n"
        out += "                Object Count:         \(info.objectCount)\n"
        out += "                Overhead:             \(PartitionInfo.overhead)\n"
        out += info.hsm.fips
            ? "        *** The partition is in FIPS 140-2 approved operation mode. ***\n"
            : "        *** The partition is NOT in FIPS 140-2 approved operation mode. ***\n"
        return out + "\n"
    }

    static func objectType(_ object: StoredObject) -> String {
        switch object.objectClass {
        case .secretKey: "Symmetric Key"
        case .privateKey: "Private Key"
        case .publicKey: "Public Key"
        case .data: "Data"
        case .certificate: "Certificate"
        }
    }

    static func objectUID(_ object: StoredObject, on serial: String) -> String {
        ObjectIdentifiers.ouid(serial: serial, salt: object.handle)
    }

    /// `partition contents`: who is looking, then one block per object and the count.
    static func contents(_ objects: [StoredObject], serial: String, loggedIn: Role?) -> String {
        var out = "\n"
        if let role = loggedIn, role.isCryptoRole {
            out += "        The '\(role.displayName)' is currently logged in. Looking for objects\n"
            out += "        accessible to the '\(role.displayName)'.\n\n"
        } else {
            out += "        No Crypto Officer or Crypto User is logged in. Looking for public\n"
            out += "        objects only.\n\n"
        }
        out += "        Object list:\n"
        for object in objects {
            out += objectBlock(object, serial: serial) + "\n"
        }
        if objects.isEmpty { out += "\n" }
        out += "        Number of objects:  \(objects.count)\n\n"
        return out
    }

    static func objectBlock(_ object: StoredObject, serial: String) -> String {
        "        Label:          \(object.label)\n"
            + "        Handle:         \(object.handle)\n"
            + "        Object Type:    \(objectType(object))\n"
            + "        Key Type:       \(object.keyType) \(object.size)\n"
            + "        Object UID:     \(objectUID(object, on: serial))\n"
    }

    /// After `partition init`: nothing but the blank line before the trailer.
    static let initialized = "\n"

    static func smkBackedUp(_ partition: Partition, as name: String) -> String {
        "\n        The SMK of partition \(partition.label) (\(partition.serial)) was backed up to the\n        simulated Backup HSM as \(name).\n\n"
    }

    static func smkRestored(_ partition: Partition, from name: String) -> String {
        "\n        The SMK backup \(name) was restored to partition \(partition.label) (\(partition.serial)).\n\n"
    }

    static func cleared(_ count: Int, label: String) -> String {
        "\n        \(count) object(s) deleted from partition \(label).\n\n"
    }

    static func cloned(_ cloned: [PartitionService.Cloned], target: String) -> String {
        var out = "\n"
        for item in cloned {
            out += "        Object \(item.source.handle) (\(item.source.label)) cloned to \(target) as object \(item.newHandle).\n"
        }
        out += "        \(cloned.count) object(s) cloned.\n\n"
        return out
    }
}
