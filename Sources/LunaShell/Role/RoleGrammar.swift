import LunaSim

/// The `role` family's grammar (reference 3.2). Verified: the role names, `-name`/`-n`,
/// `-password`/`-p`, `-oldpw`/`-newpw`; the command short names and the other shortcuts are [M]
/// choices in LunaCM's style, listed by `role ?`.
extension RoleCommands {
    static let family = FamilySpec(name: "role", shortName: "ro", summary: "Role commands")

    static func name(required: Bool = true) -> OptionSpec {
        OptionSpec("name", shortcuts: ["n"], .choice(Role.spellings), required: required, value: "role",
                   help: "Role: po, co, cu, so (HSM SO of the slot's HSM), au, lco, or the role's full name")
    }

    static let password = OptionSpec("password", shortcuts: ["p"], .secret, value: "password",
                                     help: "The password (prompted, masked, if absent)")

    static let commands: [CommandSpec] = [
        CommandSpec(family: "role", name: "login", shortNames: ["logi"], summary: "Log in to the current slot as a role",
                    options: [name(), password]),
        CommandSpec(family: "role", name: "logout", shortNames: ["logo"], summary: "Log out of the current slot"),
        CommandSpec(family: "role", name: "changepw", shortNames: ["cp"], summary: "Change the logged-in role's password",
                    options: [name(),
                              OptionSpec("oldpw", shortcuts: ["o"], .secret, value: "password", help: "The current password (prompted if absent)"),
                              OptionSpec("newpw", shortcuts: ["nw"], .secret, value: "password", help: "The new password (prompted twice if absent)")],
                    mutates: true),
        CommandSpec(family: "role", name: "init", shortNames: ["in"], summary: "Initialize a role (PO: the CO; CO: the CU)",
                    options: [name(), password], mutates: true),
        CommandSpec(family: "role", name: "show", shortNames: ["sh"], summary: "Show the state of a role",
                    options: [name(required: false)]),
        CommandSpec(family: "role", name: "list", shortNames: ["l"], summary: "List the roles of the current slot"),
        CommandSpec(family: "role", name: "resetpw", shortNames: ["rp"], summary: "Reset a role's password (PO: the CO, with HSM policy 15; CO: the CU)",
                    options: [name(), password], mutates: true),
        CommandSpec(family: "role", name: "createchallenge", shortNames: ["crc"], summary: "Create a challenge secret for a role (PED partitions)",
                    options: [name(), OptionSpec("challenge", shortcuts: ["c"], .secret, value: "secret", help: "The challenge secret (prompted twice if absent)")],
                    mutates: true),
        CommandSpec(family: "role", name: "setdomain", shortNames: ["sd"], summary: "Set the cloning domain of a partition initialized without one",
                    options: [OptionSpec("domain", shortcuts: ["d"], .secret, value: "domain", help: "The cloning domain (prompted twice if absent)")],
                    mutates: true),
    ]
}
