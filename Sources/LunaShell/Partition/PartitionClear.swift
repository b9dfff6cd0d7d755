import LunaSim

/// `partition clear [-force]`, as the Crypto Officer: deletes every object after `proceed`.
struct PartitionClear: WriteCommand {
    static let spec = CommandSpec(name: "clear", shortNames: ["cl"], summary: "Delete every object on the partition (as the Crypto Officer)",
                                  options: [PartitionCommands.force])
    let force: Bool
    init(_ options: ParsedOptions) { force = options[PartitionCommands.force] }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.partitionWithCryptoOfficer()
        try context.confirmProceed(PartitionRenderer.clearWarning, force: force)
        let count = try context.write { transaction throws(LunaError) in try PartitionService.clear(partition.serial, transaction) }
        context.write(PartitionRenderer.cleared(count, label: partition.label))
    }
}
