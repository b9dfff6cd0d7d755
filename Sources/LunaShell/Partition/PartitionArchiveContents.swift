import LunaSim

/// `partition archive contents -partition NAME`: what one backup on the Backup HSM holds.
struct PartitionArchiveContents: ReadCommand {
    static let nameOption = RequiredOption<String>("partition", shortcuts: ["par"], value: "backup_name", help: "Name of the backup on the simulated Backup HSM")
    static let spec = CommandSpec(name: "archive contents", summary: "List the objects of a backup on the simulated Backup HSM",
                                  options: [nameOption])
    let name: String
    init(_ options: ParsedOptions) { name = options[Self.nameOption] }

    func run(_ context: ReadContext) throws(LunaError) {
        let backup = try context.read { transaction throws(LunaError) in try BackupHSMService.backup(named: name, transaction) }
        context.write(PartitionRenderer.archiveContents(backup))
    }
}
