import LunaSim

/// The `role` family (docs/lunacm-behaviour.md, "role"): log in and out (the login lives in the
/// session and ends with the process; failed-login counters live in the state), initialize,
/// change and reset credentials, show roles. Verified: the role names, `-name`/`-n`,
/// `-password`/`-p`, `-oldpw`/`-newpw`; the command short names are modelled.
enum RoleCommands {
    static let family = FamilySpec(name: "role", shortName: "ro", summary: "Role commands")
    static let list = CommandFamily(family, [
        RoleLogin.self, RoleLogout.self, RoleChangePassword.self, RoleInit.self, RoleShow.self, RoleList.self,
        RoleResetPassword.self, RoleCreateChallenge.self, RoleSetDomain.self, RoleDeactivate.self,
    ])
}

/// Role names as an option value: the short names and the full names (`Crypto Officer`).
extension Role: OptionValue {
    public static var kind: OptionSpec.Kind { .choice(Role.spellings) }
    public init?(optionWord word: String) { self.init(named: word) }
}

/// Options the `role` commands share.
enum RoleOptions {
    static let roleHelp = "Role: po, co, cu, so (HSM SO of the slot's HSM), au, lco, or the role's full name"
    static let name = RequiredOption<Role>("name", shortcuts: ["n"], value: "role", help: roleHelp)
    static let password = Option<Secret>("password", shortcuts: ["p"], value: "password",
                                         help: "The password (prompted, masked, if absent)")
}
