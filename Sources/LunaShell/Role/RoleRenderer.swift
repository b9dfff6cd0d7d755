import LunaSim

/// LunaCM's text for the `role` family (docs/lunacm-behaviour.md §3.2). `role show`'s lines are documented; the
/// password authentication names, `Locked out.` placement, `role list` table and the notes are modelled.
enum RoleRenderer {
    /// What a command that only changes a credential or a session prints before its trailer.
    static let done = "\n"
    static let loginPrompt = "\n        enter password: "
    static let oldPasswordPrompt = "\n        enter existing password: "
    static let newPasswordPrompt = "\n        enter new password: "
    static let againPrompt = "\n        re-enter new password: "
    static let challengePrompt = "\n        enter new challenge secret: "
    static let challengeAgainPrompt = "\n        re-enter new challenge secret: "
    static let domainPrompt = "\n        Enter domain: "
    static let domainAgainPrompt = "\n        Re-enter domain: "

    /// What follows a successful login.
    static func loggedIn(_ result: LoginResult) -> String {
        var out = "\n"
        if result.attendPED { out += "        Please attend to the PED.\n\n" }
        if result.activated { out += "        User is activated, PED is not required.\n\n" }
        if result.mustChangePassword {
            out += "        The password was set or reset by another role and must be changed before\n"
            out += "        cryptographic use ('role changepw -name \(result.role.rawValue)'): HSM policy 21 is on.\n\n"
        }
        return out
    }

    static func show(_ states: [RoleState]) -> String {
        "\n" + states.map(block).joined(separator: "\n") + "\n"
    }

    static func block(_ state: RoleState) -> String {
        var out = "        State of role '\(state.role.displayName)':\n"
        guard state.initialized else { return out + "        Not initialized.\n" }
        if state.lockedOut { out += "        Locked out.\n" }
        switch state.auth {
        case .password:
            out += "        Primary authentication type: Password\n"
            out += "        Secondary authentication type: None\n"
        case .ped:
            out += "        Primary authentication type: PED\n"
            out += "        Secondary authentication type: \(state.hasChallenge ? "PIN" : "None")\n"
        }
        out += "        Failed login attempts before lockout: \(state.failedLoginLimit)\n"
        out += "        Failed change password attempts before lockout: \(LockoutRules.changePasswordLimit)\n"
        if state.mustChangePassword { out += "        Password must be changed (HSM policy 21).\n" }
        return out
    }

    static func list(_ states: [RoleState]) -> String {
        var out = "\n        " + pad("Role", 24) + pad("Short", 8) + "State\n"
        out += "        " + pad("----", 24) + pad("-----", 8) + "-----\n"
        for state in states {
            let text = !state.initialized ? "not initialized" : state.lockedOut ? "locked out" : "initialized"
            out += "        " + pad(state.role.displayName, 24) + pad(state.role.rawValue, 8) + text + "\n"
        }
        return out + "\n"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
