import LunaSim

/// `partition contents` (`par con`): the objects the logged-in role can see.
struct PartitionContents: ReadCommand {
    static let spec = CommandSpec(name: "contents", shortNames: ["con"], summary: "List the objects visible to the logged-in role")
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let partition = try context.currentPartition()
        let role = context.loggedIn(partition.serial)
        let objects = try context.read { transaction throws(LunaError) in
            if let role, role.isCryptoRole { try RoleService.checkNotExpired(role, on: partition.serial, transaction) }
            return try PartitionService.contents(partition.serial, loggedIn: role, transaction)
        }
        context.write(PartitionRenderer.contents(objects, serial: partition.serial, loggedIn: role))
    }
}
