/// The simulated Backup HSM's catalogue (`partition archive list|contents|delete`): it holds the
/// SMK backups `partition archive backup -smkonly` made, one per name. Listing and reading need
/// no login (the simulator has no Backup HSM SO); deleting is a write the shell confirms first.
public enum BackupHSMService {
    /// One backup on the Backup HSM: its name, the partition it came from, and what it holds.
    public struct Backup: Sendable, Equatable {
        public var name: String
        /// Serial of the partition the SMK was backed up from.
        public var source: String
        /// The source partition's label, when it is still visible to this client.
        public var sourceLabel: String?
        /// The backup's one object, the SMK, identified like a partition object.
        public var smkOUID: String
    }

    public static func list(_ transaction: StateTransaction) throws(LunaError) -> [Backup] {
        try transaction.smkBackups().map { describe(name: $0.name, source: $0.partition, transaction) }
    }

    /// The backup `name`, or CKR_ARGUMENTS_BAD naming what the Backup HSM holds.
    public static func backup(named name: String, _ transaction: StateTransaction) throws(LunaError) -> Backup {
        guard let found = try transaction.smkBackup(named: name) else {
            throw LunaError(.argumentsBad, "The Backup HSM holds no backup named \(name) ('partition archive list' shows the backups).")
        }
        return describe(name: name, source: found.partition, transaction)
    }

    /// Deletes the backup `name`; refused, changing nothing, when there is none.
    public static func delete(named name: String, _ transaction: StateTransaction) throws(LunaError) {
        _ = try backup(named: name, transaction)
        guard try transaction.deleteSMKBackup(named: name) else {
            throw LunaError(.argumentsBad, "The Backup HSM holds no backup named \(name).")
        }
    }

    private static func describe(name: String, source: String, _ transaction: StateTransaction) -> Backup {
        Backup(name: name, source: source, sourceLabel: transaction.fleet.partition(serial: source)?.label,
               smkOUID: ObjectIdentifiers.ouid(serial: source + "/" + name, salt: 0))
    }
}
