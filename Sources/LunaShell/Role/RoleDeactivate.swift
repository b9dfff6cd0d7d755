import LunaSim

/// `role deactivate -name R` (`-n`): clears the cached PED activation of the CO or CU (the
/// Thales page "role deactivate"), as that role or the Partition SO.
struct RoleDeactivate: WriteCommand {
    static let spec = CommandSpec(name: "deactivate", shortNames: ["deact"], summary: "Deactivate a role's cached PED activation",
                                  options: [RoleOptions.name])
    let role: Role
    init(_ options: ParsedOptions) { role = options[RoleOptions.name] }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.currentPartition()
        try RoleService.checkDeactivatable(role)
        try context.require([role, .po], on: partition, to: "deactivate the \(role.displayName)")
        try context.write { transaction throws(LunaError) in try RoleService.deactivate(role, on: partition.serial, transaction) }
        context.write(RoleRenderer.done)
    }
}
