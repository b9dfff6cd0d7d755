/// What `partition showinfo` reports (docs/lunacm-behaviour.md §3.3), as values; the renderer lays them out.
public struct PartitionInfo: Sendable, Equatable {
    public var partition: Partition
    public var hsm: HSM
    public var loggedIn: Role?
    public var objectCount: Int
    public var usedStorage: Int

    /// The partition's storage as the syscheck capture shows it (documented); objects use `usedStorage`.
    public static let totalStorage = 324_096
    public static let overhead = 9_648
    public static let partNumber = "808-000048-002"

    public var freeStorage: Int { max(0, Self.totalStorage - usedStorage) }

    /// PKCS#11 token flags: login required always; the others follow the partition's state.
    public var tokenFlags: [String] {
        var flags = ["CKF_LOGIN_REQUIRED"]
        if partition.coPassword != nil { flags.append("CKF_USER_PIN_INITIALIZED") }
        if partition.userLockedOut { flags.append("CKF_USER_PIN_LOCKED") }
        if partition.coPassword != nil, RoleService.mustChange(.co, partition, hsm) { flags.append("CKF_USER_PIN_TO_BE_CHANGED") }
        flags.append("CKF_RESTORE_KEY_NOT_NEEDED")
        if partition.isInitialized { flags.append("CKF_TOKEN_INITIALIZED") }
        return flags
    }

    /// `CKS_RW_PUBLIC_SESSION`, `CKS_RW_SO_FUNCTIONS` or `CKS_RW_USER_FUNCTIONS` (docs/lunacm-behaviour.md §3.3).
    public var sessionState: String {
        switch loggedIn {
        case nil: "CKS_RW_PUBLIC_SESSION"
        case .so?, .po?: "CKS_RW_SO_FUNCTIONS"
        default: "CKS_RW_USER_FUNCTIONS"
        }
    }

    /// `none logged in`, `SO logged in` (documented); the other roles' wording is (modelled).
    public var roleStatus: String {
        switch loggedIn {
        case nil: "none logged in"
        case .so?: "SO logged in"
        case let role?: "\(role.displayName) logged in"
        }
    }

    /// A stable 24-hex-digit object unique ID for the partition, derived from its serial.
    public var ouid: String { ObjectIdentifiers.ouid(serial: partition.serial, salt: 0) }
}

/// Deterministic 12-byte IDs (partition OUID, object UID) derived from serials and handles with
/// FNV-1a, so listings are the same bytes on every run.
public enum ObjectIdentifiers {
    public static func ouid(serial: String, salt: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(serial.utf8) + Array(String(salt).utf8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let low = String(hash, radix: 16)
        let high = String(UInt32(truncatingIfNeeded: hash >> 17) ^ UInt32(truncatingIfNeeded: salt), radix: 16)
        return String(repeating: "0", count: 8 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low
    }
}
