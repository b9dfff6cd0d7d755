import LunaSim

/// `role login` and `role logout` on the current slot: enough for the STC/appID rule of HA
/// commands (a member with an open session cannot be logged into again).
enum RoleCommands {
    static let family = FamilySpec(name: "role", shortName: "ro", summary: "Role commands")

    static let commands: [CommandSpec] = [
        CommandSpec(family: "role", name: "login", shortNames: ["logi"], summary: "Log in to the current slot as a role",
                    options: [OptionSpec("name", shortcuts: ["n"], .choice(["co", "Crypto Officer"]), required: true, value: "role", help: "Role to log in as"),
                              OptionSpec("password", shortcuts: ["p"], .secret, value: "password", help: "The role's password (prompted if absent)")]),
        CommandSpec(family: "role", name: "logout", shortNames: ["logo"], summary: "Log out of the current slot"),
    ]

    static let handlers: [String: CommandHandler] = [
        "role.login": { context throws(LunaError) in
            guard let slot = context.session.currentSlot else { throw LunaError(.slotIDInvalid, "No slot is selected.") }
            let partition = try context.store.read { transaction throws(LunaError) -> Partition in
                guard let partition = transaction.fleet.partition(slot: slot) else {
                    throw LunaError(.functionNotSupported, "Roles cannot be logged in on the HA virtual slot \(slot); use a member's physical slot.")
                }
                return partition
            }
            if context.session.logins[partition.serial] != nil {
                throw LunaError(.userAlreadyLoggedIn, "A role is already logged in to slot \(slot); log out first.")
            }
            let secret = try context.secret(prompt: "\n        enter password: ")
            guard let credential = partition.coPassword else {
                throw LunaError(.userPinNotInitialized, "The Crypto Officer role of slot \(slot) is not initialized.")
            }
            guard credential.matches(secret) else {
                throw LunaError(.pinIncorrect, "The password is incorrect for the Crypto Officer of slot \(slot).")
            }
            context.session.logins[partition.serial] = "co"
            context.write("\n")
        },
        "role.logout": { context throws(LunaError) in
            guard let slot = context.session.currentSlot,
                  let serial = try context.store.read({ transaction throws(LunaError) in transaction.fleet.partition(slot: slot)?.serial }),
                  context.session.logins.removeValue(forKey: serial) != nil
            else { throw LunaError(.userNotLoggedIn, "No role is logged in to the current slot.") }
            context.write("\n")
        },
    ]
}
