import LunaSim

/// `partition archive backup|restore -smkonly [-partition NAME]`: the SMK to and from the
/// simulated Backup HSM (the simulator archives SMKs only).
enum ArchiveOptions {
    static let smkOnly = Flag("smkOnly", shortcuts: ["smk"], help: "Back up or restore only the SMK (required by the simulator)")
    static let name = Option<String>("partition", shortcuts: ["par"], value: "backup_name", help: "Name of the backup on the simulated Backup HSM (default: <label>-smk)")
    static let all: [any OptionDeclaration] = [smkOnly, name]

    /// The current partition (CO logged in) and the backup's name.
    static func target(smkOnly: Bool, name: String?, _ context: CommandContext) throws(LunaError) -> (Partition, String) {
        guard smkOnly else {
            throw LunaError(.functionNotSupported, "The simulator backs up and restores SMKs only: add -smkonly.")
        }
        let partition = try context.partitionWithCryptoOfficer()
        return (partition, name ?? "\(partition.label)-smk")
    }
}

struct PartitionArchiveBackup: WriteCommand {
    static let spec = CommandSpec(name: "archive backup", summary: "Back up the current partition's SMK to the simulated Backup HSM",
                                  options: ArchiveOptions.all)
    let smkOnly: Bool
    let name: String?
    init(_ options: ParsedOptions) {
        smkOnly = options[ArchiveOptions.smkOnly]
        name = options[ArchiveOptions.name]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let (partition, name) = try ArchiveOptions.target(smkOnly: smkOnly, name: name, context)
        try context.write { transaction throws(LunaError) in try SKSService.backupSMK(of: partition.serial, as: name, transaction) }
        context.write(PartitionRenderer.smkBackedUp(partition, as: name))
    }
}

struct PartitionArchiveRestore: WriteCommand {
    static let spec = CommandSpec(name: "archive restore", summary: "Restore an SMK from the simulated Backup HSM to the current partition",
                                  options: ArchiveOptions.all)
    let smkOnly: Bool
    let name: String?
    init(_ options: ParsedOptions) {
        smkOnly = options[ArchiveOptions.smkOnly]
        name = options[ArchiveOptions.name]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let (partition, name) = try ArchiveOptions.target(smkOnly: smkOnly, name: name, context)
        try context.write { transaction throws(LunaError) in try SKSService.restoreSMK(to: partition.serial, from: name, transaction) }
        context.write(PartitionRenderer.smkRestored(partition, from: name))
    }
}
