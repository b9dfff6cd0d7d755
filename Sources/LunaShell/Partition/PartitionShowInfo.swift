import LunaSim

/// `partition showinfo`: the partition's label, serial, flags, storage and roles.
struct PartitionShowInfo: ReadCommand {
    static let spec = CommandSpec(name: "showinfo", shortNames: ["si"], summary: "Show information about the current partition")
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let partition = try context.currentPartition()
        let role = context.loggedIn(partition.serial)
        let info = try context.read { transaction throws(LunaError) in
            try PartitionService.info(partition.serial, loggedIn: role, transaction)
        }
        context.write(PartitionRenderer.showinfo(info))
    }
}
