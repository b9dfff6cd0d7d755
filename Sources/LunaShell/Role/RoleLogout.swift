import LunaSim

/// `role logout`: ends this session's login on the current slot.
struct RoleLogout: ReadCommand {
    static let spec = CommandSpec(name: "logout", shortNames: ["logo"], summary: "Log out of the current slot")
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let key = try context.currentLoginKey()
        guard context.session.logins.removeValue(forKey: key) != nil else {
            throw LunaError(.userNotLoggedIn, "No role is logged in to the current slot.")
        }
        context.write(RoleRenderer.done)
    }
}
