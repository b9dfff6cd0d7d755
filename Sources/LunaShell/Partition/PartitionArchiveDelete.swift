import LunaSim

/// `partition archive delete -partition NAME [-force]`: removes a backup from the Backup HSM
/// after `proceed`.
struct PartitionArchiveDelete: WriteCommand {
    static let nameOption = RequiredOption<String>("partition", shortcuts: ["par"], value: "backup_name", help: "Name of the backup to delete")
    static let spec = CommandSpec(name: "archive delete", summary: "Delete a backup from the simulated Backup HSM",
                                  options: [nameOption, PartitionCommands.force])
    let name: String
    let force: Bool
    init(_ options: ParsedOptions) {
        name = options[Self.nameOption]
        force = options[PartitionCommands.force]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        try context.checkAskApply(
            check: { transaction throws(LunaError) in try BackupHSMService.backup(named: name, transaction) },
            ask: { backup throws(LunaError) in try context.confirmProceed(PartitionRenderer.archiveDeleteWarning(backup), force: force) },
            apply: { transaction, _ throws(LunaError) in try BackupHSMService.delete(named: name, transaction) })
        context.write(PartitionRenderer.archiveDeleted(name))
    }
}
