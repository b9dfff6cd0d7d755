import LunaSim

/// `role login -name R [-password P]`: one role per slot and session; on an HA virtual slot only
/// the CO or CU, checked against every reachable member. A wrong password counts toward lockout
/// in the state, so it holds across processes.
struct RoleLogin: WriteCommand {
    static let spec = CommandSpec(name: "login", shortNames: ["logi"], summary: "Log in to the current slot as a role",
                                  options: [RoleOptions.name, RoleOptions.password])
    let role: Role
    let password: Secret?
    init(_ options: ParsedOptions) {
        role = options[RoleOptions.name]
        password = options[RoleOptions.password]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let slot = try context.currentSlotNumber()
        let key = try context.currentLoginKey()
        if let current = context.loggedIn(key) {
            throw LunaError(.userAlreadyLoggedIn, "The \(current.displayName) is already logged in to slot \(slot); log out first ('role logout').")
        }
        let serials = try context.read { transaction throws(LunaError) in try ObjectService.loginSerials(slot: slot, transaction) }
        let isVirtual = serials.count != 1 || serials[0] != key
        if isVirtual, !role.isCryptoRole {
            throw LunaError(.functionNotSupported, "Slot \(slot) is an HA virtual slot; the \(role.displayName) logs in on a member's physical slot.")
        }
        let secret = try context.secret(password, prompt: RoleRenderer.loginPrompt)
        // Most logins change nothing in the state: the write lock is taken only to record a
        // failure or reset a counter.
        let result = try context.writeIfNeeded { transaction throws(LunaError) in
            try RoleService.login(role, secret: secret, on: serials, transaction)
        }
        context.session.logins[key] = role.rawValue
        // Members recovered under activeBasic take work again after a login on the HA slot.
        if isVirtual { try context.writeIfNeeded { transaction throws(LunaError) in try HARuntime.loggedIn(slot: slot, transaction) } }
        context.write(RoleRenderer.loggedIn(result))
    }
}
