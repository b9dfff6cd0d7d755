import LunaSim

/// `role show [-name R]`: the state of one role, or of the PO, CO and CU.
struct RoleShow: ReadCommand {
    static let nameOption = Option<Role>("name", shortcuts: ["n"], value: "role", help: RoleOptions.roleHelp)
    static let spec = CommandSpec(name: "show", shortNames: ["sh"], summary: "Show the state of a role", options: [nameOption])
    let role: Role?
    init(_ options: ParsedOptions) { role = options[Self.nameOption] }

    func run(_ context: ReadContext) throws(LunaError) {
        let partition = try context.currentPartition()
        let roles: [Role] = role.map { [$0] } ?? [.po, .co, .cu]
        let states = try context.read { transaction throws(LunaError) -> [RoleState] in
            var states: [RoleState] = []
            for role in roles { states.append(try RoleService.state(role, on: partition.serial, transaction)) }
            return states
        }
        context.write(RoleRenderer.show(states))
    }
}

/// `role list`: the roles of the current slot and their state.
struct RoleList: ReadCommand {
    static let spec = CommandSpec(name: "list", shortNames: ["l"], summary: "List the roles of the current slot")
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let partition = try context.currentPartition()
        let states = try context.read { transaction throws(LunaError) in try RoleService.list(on: partition.serial, transaction) }
        context.write(RoleRenderer.list(states))
    }
}
