import LunaSim

/// `partition archive backup|restore -smkonly [-partition NAME]`: the SMK to and from the
/// simulated Backup HSM (the simulator archives SMKs only). The two differ only in direction.
protocol ArchiveCommand: WriteCommand {
    var smkOnly: Bool { get }
    var name: String? { get }
    init(smkOnly: Bool, name: String?)
    /// Moves the SMK and returns the reply.
    static func apply(_ partition: Partition, _ name: String, _ transaction: StateTransaction) throws(LunaError) -> String
}

extension ArchiveCommand {
    static var smkOnlyFlag: Flag { Flag("smkOnly", shortcuts: ["smk"], help: "Back up or restore only the SMK (required by the simulator)") }
    static var nameOption: Option<String> {
        Option<String>("partition", shortcuts: ["par"], value: "backup_name", help: "Name of the backup on the simulated Backup HSM (default: <label>-smk)")
    }
    static var options: [any OptionDeclaration] { [smkOnlyFlag, nameOption] }

    init(_ options: ParsedOptions) { self.init(smkOnly: options[Self.smkOnlyFlag], name: options[Self.nameOption]) }

    func run(_ context: WriteContext) throws(LunaError) {
        guard smkOnly else {
            throw LunaError(.functionNotSupported, "The simulator backs up and restores SMKs only: add -smkonly.")
        }
        let partition = try context.partitionWithCryptoOfficer()
        let backup = name ?? "\(partition.label)-smk"
        let reply = try context.write { transaction throws(LunaError) in try Self.apply(partition, backup, transaction) }
        context.write(reply)
    }
}

struct PartitionArchiveBackup: ArchiveCommand {
    static let spec = CommandSpec(name: "archive backup", summary: "Back up the current partition's SMK to the simulated Backup HSM",
                                  options: options)
    let smkOnly: Bool
    let name: String?
    static func apply(_ partition: Partition, _ name: String, _ transaction: StateTransaction) throws(LunaError) -> String {
        try SKSService.backupSMK(of: partition.serial, as: name, transaction)
        return PartitionRenderer.smkBackedUp(partition, as: name)
    }
}

struct PartitionArchiveRestore: ArchiveCommand {
    static let spec = CommandSpec(name: "archive restore", summary: "Restore an SMK from the simulated Backup HSM to the current partition",
                                  options: options)
    let smkOnly: Bool
    let name: String?
    static func apply(_ partition: Partition, _ name: String, _ transaction: StateTransaction) throws(LunaError) -> String {
        try SKSService.restoreSMK(to: partition.serial, from: name, transaction)
        return PartitionRenderer.smkRestored(partition, from: name)
    }
}
