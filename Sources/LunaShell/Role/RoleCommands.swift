import LunaSim

/// The `role` commands (reference 3.2): log in and out (the login lives in the session and ends
/// with the process; the failed-login counters live in the state), initialize, change and reset
/// credentials, show roles. Each asks its questions first, then runs one RoleService operation.
enum RoleCommands {
    static let handlers: [String: CommandHandler] = [
        "role.login": login, "role.logout": logout, "role.changepw": changePassword, "role.init": initialize,
        "role.show": show, "role.list": list, "role.resetpw": resetPassword,
        "role.createchallenge": createChallenge, "role.setdomain": setDomain,
    ]

    static func role(_ context: CommandContext) -> Role {
        context.command.text("name").flatMap(Role.init(named:)) ?? .co
    }

    /// One role per slot and session; on an HA virtual slot only the CO or CU, checked against
    /// every reachable member.
    static let login: CommandHandler = { context throws(LunaError) in
        let slot = try context.currentSlotNumber()
        let key = try context.currentLoginKey()
        let role = role(context)
        if let current = context.loggedIn(key) {
            throw LunaError(.userAlreadyLoggedIn, "The \(current.displayName) is already logged in to slot \(slot); log out first ('role logout').")
        }
        let serials = try context.store.read { transaction throws(LunaError) in try ObjectService.loginSerials(slot: slot, transaction) }
        let isVirtual = serials.count != 1 || serials[0] != key
        if isVirtual, !role.isCryptoRole {
            throw LunaError(.functionNotSupported, "Slot \(slot) is an HA virtual slot; the \(role.displayName) logs in on a member's physical slot.")
        }
        let secret = try context.secret(prompt: RoleRenderer.loginPrompt)
        // Most logins change nothing in the state: try under a read transaction first, and take
        // the write lock only to record a failure or reset a counter (DESIGN "Fast").
        let quick = try context.store.read { transaction throws(LunaError) -> LoginResult? in
            let before = transaction.fleet
            let result = try RoleService.login(role, secret: secret, on: serials, transaction)
            return transaction.failureAfterCommit == nil && transaction.fleet == before ? result : nil
        }
        let result: LoginResult
        if let quick {
            result = quick
        } else {
            result = try context.store.write { transaction throws(LunaError) in
                try RoleService.login(role, secret: secret, on: serials, transaction)
            }
        }
        context.session.logins[key] = role.rawValue
        context.write(RoleRenderer.loggedIn(result))
    }

    static let logout: CommandHandler = { context throws(LunaError) in
        let key = try context.currentLoginKey()
        guard context.session.logins.removeValue(forKey: key) != nil else {
            throw LunaError(.userNotLoggedIn, "No role is logged in to the current slot.")
        }
        context.write("\n")
    }

    static let changePassword: CommandHandler = { context throws(LunaError) in
        let partition = try context.currentPartition()
        let role = role(context)
        try context.require([role], on: partition, to: "change the \(role.displayName) password")
        let old = try context.secret("oldpw", prompt: RoleRenderer.oldPasswordPrompt)
        let new = try context.newSecret("newpw", prompt: RoleRenderer.newPasswordPrompt, again: RoleRenderer.againPrompt)
        try context.transaction { transaction throws(LunaError) in
            try RoleService.changePassword(role, old: old, new: new, on: partition.serial, transaction)
        }
        context.write("\n")
    }

    /// The PO initializes the CO; the CO (its credential changed, if policy 21 says so)
    /// initializes the CU.
    static let initialize: CommandHandler = { context throws(LunaError) in
        try setCredential(context, action: "initialize the", option: "password",
                          prompts: (RoleRenderer.newPasswordPrompt, RoleRenderer.againPrompt), apply: RoleService.initialize)
    }

    static let resetPassword: CommandHandler = { context throws(LunaError) in
        try setCredential(context, action: "reset the password of the", option: "password",
                          prompts: (RoleRenderer.newPasswordPrompt, RoleRenderer.againPrompt), apply: RoleService.resetPassword)
    }

    static let createChallenge: CommandHandler = { context throws(LunaError) in
        try setCredential(context, action: "create the challenge of the", option: "challenge",
                          prompts: (RoleRenderer.challengePrompt, RoleRenderer.challengeAgainPrompt), apply: RoleService.createChallenge)
    }

    /// What init, resetpw and createchallenge share: the role's administrator is logged in, the
    /// new secret is typed twice (or given as an option), and one service call sets it.
    private static func setCredential(
        _ context: CommandContext, action: String, option: String, prompts: (String, String),
        apply: (Role, String, String, StateTransaction) throws(LunaError) -> Void
    ) throws(LunaError) {
        let partition = try context.currentPartition()
        let role = role(context)
        try requireAdministrator(of: role, on: partition, context, action: "\(action) \(role.displayName)")
        let secret = try context.newSecret(option, prompt: prompts.0, again: prompts.1)
        try context.transaction { transaction throws(LunaError) in
            try apply(role, secret, partition.serial, transaction)
        }
        context.write("\n")
    }

    static let setDomain: CommandHandler = { context throws(LunaError) in
        let partition = try context.currentPartition()
        try context.require([.po], on: partition, to: "set the cloning domain")
        let domain = try context.newSecret("domain", prompt: RoleRenderer.domainPrompt, again: RoleRenderer.domainAgainPrompt)
        try context.transaction { transaction throws(LunaError) in try RoleService.setDomain(domain, on: partition.serial, transaction) }
        context.write("\n")
    }

    static let show: CommandHandler = { context throws(LunaError) in
        let partition = try context.currentPartition()
        let roles: [Role] = context.command.has("name") ? [role(context)] : [.po, .co, .cu]
        let states = try context.store.read { transaction throws(LunaError) -> [RoleState] in
            var states: [RoleState] = []
            for role in roles { states.append(try RoleService.state(role, on: partition.serial, transaction)) }
            return states
        }
        context.write(RoleRenderer.show(states))
    }

    static let list: CommandHandler = { context throws(LunaError) in
        let partition = try context.currentPartition()
        let states = try context.store.read { transaction throws(LunaError) in try RoleService.list(on: partition.serial, transaction) }
        context.write(RoleRenderer.list(states))
    }

    /// Who administers a role: the PO for the CO, the CO for the CU (reference 3.2). A CO whose
    /// own credential is expired cannot act for the CU.
    static func requireAdministrator(of role: Role, on partition: Partition, _ context: CommandContext,
                                     action: String) throws(LunaError) {
        switch role {
        case .cu:
            try context.require([.co], on: partition, to: action)
            try context.store.read { transaction throws(LunaError) in try RoleService.checkNotExpired(.co, on: partition.serial, transaction) }
        default:
            try context.require([.po], on: partition, to: action)
        }
    }
}
