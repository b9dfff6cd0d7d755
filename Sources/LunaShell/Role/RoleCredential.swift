import LunaSim

/// `role init`, `role resetpw` and `role createchallenge` set a credential the same way: the
/// role's administrator is logged in (the PO for the CO, the CO for the CU), the new secret is
/// typed twice or given as an option, one service call sets it.
struct CredentialSetting: Sendable {
    let action: String
    let prompts: (first: String, again: String)
    let apply: @Sendable (Role, String, String, StateTransaction) throws(LunaError) -> Void

    func run(role: Role, given: Secret?, _ context: WriteContext) throws(LunaError) {
        let partition = try context.currentPartition()
        try Self.requireAdministrator(of: role, on: partition, context, action: "\(action) \(role.displayName)")
        let secret = try context.newSecret(given, prompt: prompts.first, again: prompts.again)
        try context.write { transaction throws(LunaError) in try apply(role, secret, partition.serial, transaction) }
        context.write(RoleRenderer.done)
    }

    /// Who administers a role: the PO for the CO, the CO for the CU. A CO whose own credential
    /// is expired cannot act for the CU.
    static func requireAdministrator(of role: Role, on partition: Partition, _ context: CommandContext,
                                     action: String) throws(LunaError) {
        switch role {
        case .cu:
            try context.require([.co], on: partition, to: action)
            try context.read { transaction throws(LunaError) in try RoleService.checkNotExpired(.co, on: partition.serial, transaction) }
        default:
            try context.require([.po], on: partition, to: action)
        }
    }
}

/// A command that sets a credential as `CredentialSetting` describes: the role, and the secret
/// given as an option (else asked twice). Each adopter is one LunaCM command.
protocol CredentialCommand: WriteCommand {
    static var secretOption: Option<Secret> { get }
    static var setting: CredentialSetting { get }
    var role: Role { get }
    var given: Secret? { get }
    init(role: Role, given: Secret?)
}

extension CredentialCommand {
    init(_ options: ParsedOptions) { self.init(role: options[RoleOptions.name], given: options[Self.secretOption]) }
    func run(_ context: WriteContext) throws(LunaError) { try Self.setting.run(role: role, given: given, context) }
}

/// `role init -name R [-password P]`: the PO initializes the CO; the CO initializes the CU.
struct RoleInit: CredentialCommand {
    static let secretOption = RoleOptions.password
    static let spec = CommandSpec(name: "init", shortNames: ["in"], summary: "Initialize a role (PO: the CO; CO: the CU)",
                                  options: [RoleOptions.name, secretOption])
    static let setting = CredentialSetting(action: "initialize the", prompts: (RoleRenderer.newPasswordPrompt, RoleRenderer.againPrompt),
                                           apply: RoleService.initialize)
    let role: Role
    let given: Secret?
}

/// `role resetpw -name R [-password P]`: the PO resets the CO (HSM policy 15), the CO the CU.
struct RoleResetPassword: CredentialCommand {
    static let secretOption = RoleOptions.password
    static let spec = CommandSpec(name: "resetpw", shortNames: ["rp"], summary: "Reset a role's password (PO: the CO, with HSM policy 15; CO: the CU)",
                                  options: [RoleOptions.name, secretOption])
    static let setting = CredentialSetting(action: "reset the password of the", prompts: (RoleRenderer.newPasswordPrompt, RoleRenderer.againPrompt),
                                           apply: RoleService.resetPassword)
    let role: Role
    let given: Secret?
}

/// `role createchallenge -name R [-challenge S]`: the challenge secret a PED partition's HA
/// members share.
struct RoleCreateChallenge: CredentialCommand {
    static let secretOption = Option<Secret>("challenge", shortcuts: ["c"], value: "secret", help: "The challenge secret (prompted twice if absent)")
    static let spec = CommandSpec(name: "createchallenge", shortNames: ["crc"], summary: "Create a challenge secret for a role (PED partitions)",
                                  options: [RoleOptions.name, secretOption])
    static let setting = CredentialSetting(action: "create the challenge of the", prompts: (RoleRenderer.challengePrompt, RoleRenderer.challengeAgainPrompt),
                                           apply: RoleService.createChallenge)
    let role: Role
    let given: Secret?
}
