import LunaSim

/// `partition contents` (`par con`): the objects the logged-in role can see. It only reads
/// objects, so it also runs on an HA virtual slot, where it lists the group's objects as the HA
/// library presents them: the primary (first reachable) member's, as `simulator listObjects`
/// shows (README, "HSM lifecycle, policy templates, Backup HSM catalogue, the HA slot"). Commands
/// that administer a partition stay refused on the virtual slot (`currentPartition`).
struct PartitionContents: ReadCommand {
    static let spec = CommandSpec(name: "contents", shortNames: ["con"], summary: "List the objects visible to the logged-in role (also on an HA virtual slot)")
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let slot = try context.currentSlotNumber()
        let role = context.loggedIn(try context.currentLoginKey())
        let (objects, primary) = try context.read { transaction throws(LunaError) -> ([StoredObject], String) in
            let target = try ObjectService.target(slot: slot, transaction)
            if let role, role.isCryptoRole { try RoleService.checkNotExpired(role, on: target.primary, transaction) }
            return (try PartitionService.contents(target.primary, loggedIn: role, transaction), target.primary)
        }
        context.write(PartitionRenderer.contents(objects, serial: primary, loggedIn: role))
    }
}
