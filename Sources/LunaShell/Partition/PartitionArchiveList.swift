import LunaSim

/// `partition archive list`: the backups on the simulated Backup HSM.
struct PartitionArchiveList: ReadCommand {
    static let spec = CommandSpec(name: "archive list", summary: "List the backups on the simulated Backup HSM")
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let backups = try context.read { transaction throws(LunaError) in try BackupHSMService.list(transaction) }
        context.write(PartitionRenderer.archiveList(backups))
    }
}
