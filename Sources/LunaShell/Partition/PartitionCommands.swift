import LunaSim

/// The `partition` family. So far: SMK backup and restore through the simulated Backup HSM
/// (`partition archive backup|restore -smkonly`), the commands an operator looks for before an
/// SMK is overwritten by joining an HA group (seed).
enum PartitionCommands {
    static let family = FamilySpec(name: "partition", shortName: "par", summary: "Partition commands")

    static let archiveOptions = [
        OptionSpec("smkOnly", shortcuts: ["smk"], .flag, help: "Back up or restore only the SMK (required by the simulator)"),
        OptionSpec("partition", shortcuts: ["par"], value: "backup_name", help: "Name of the backup on the simulated Backup HSM (default: <label>-smk)"),
    ]

    static let commands: [CommandSpec] = [
        CommandSpec(family: "partition", name: "archive backup", summary: "Back up the current partition's SMK to the simulated Backup HSM",
                    options: archiveOptions, mutates: true),
        CommandSpec(family: "partition", name: "archive restore", summary: "Restore an SMK from the simulated Backup HSM to the current partition",
                    options: archiveOptions, mutates: true),
    ]

    static let handlers: [String: CommandHandler] = [
        "partition.archive backup": { context throws(LunaError) in
            let (partition, name) = try archiveTarget(context)
            try context.transaction { transaction throws(LunaError) in try SKSService.backupSMK(of: partition.serial, as: name, transaction) }
            context.write("\n        The SMK of partition \(partition.label) (\(partition.serial)) was backed up to the\n        simulated Backup HSM as \(name).\n\n")
        },
        "partition.archive restore": { context throws(LunaError) in
            let (partition, name) = try archiveTarget(context)
            try context.transaction { transaction throws(LunaError) in try SKSService.restoreSMK(to: partition.serial, from: name, transaction) }
            context.write("\n        The SMK backup \(name) was restored to partition \(partition.label) (\(partition.serial)).\n\n")
        },
    ]

    private static func archiveTarget(_ context: CommandContext) throws(LunaError) -> (Partition, String) {
        guard context.command.has("smkOnly") else {
            throw LunaError(.functionNotSupported, "The simulator backs up and restores SMKs only: add -smkonly.")
        }
        let partition = try context.partitionWithCryptoOfficer()
        return (partition, context.command.text("partition") ?? "\(partition.label)-smk")
    }
}
