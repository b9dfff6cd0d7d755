import LunaSim

/// `role changepw -name R [-oldpw P -newpw P]`: the logged-in role changes its own credential.
struct RoleChangePassword: WriteCommand {
    static let oldOption = Option<Secret>("oldpw", shortcuts: ["o"], value: "password", help: "The current password (prompted if absent)")
    static let newOption = Option<Secret>("newpw", shortcuts: ["nw"], value: "password", help: "The new password (prompted twice if absent)")
    static let spec = CommandSpec(name: "changepw", shortNames: ["cp"], summary: "Change the logged-in role's password",
                                  options: [RoleOptions.name, oldOption, newOption])
    let role: Role
    let old: Secret?
    let new: Secret?
    init(_ options: ParsedOptions) {
        role = options[RoleOptions.name]
        old = options[Self.oldOption]
        new = options[Self.newOption]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.currentPartition()
        try context.require([role], on: partition, to: "change the \(role.displayName) password")
        let oldSecret = try context.secret(old, prompt: RoleRenderer.oldPasswordPrompt)
        let newSecret = try context.newSecret(new, prompt: RoleRenderer.newPasswordPrompt, again: RoleRenderer.againPrompt)
        try context.write { transaction throws(LunaError) in
            try RoleService.changePassword(role, old: oldSecret, new: newSecret, on: partition.serial, transaction)
        }
        context.write(RoleRenderer.done)
    }
}
