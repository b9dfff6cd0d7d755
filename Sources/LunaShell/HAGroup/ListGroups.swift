import LunaSim

/// `hagroup listGroups [-group G] [-password P]`: the global settings, then each group. The
/// password (asked per group when not given) only unlocks the sync data; an empty answer or end
/// of input skips it (docs/lunacm-behaviour.md, "hagroup listgroups").
struct ListGroups: ReadCommand {
    static let groupOption = Option<String>("group", shortcuts: ["g"], value: "group", help: "Show only this group (label or number)")
    static let spec = CommandSpec(name: "listGroups", shortNames: ["lg"], summary: "List the HA groups",
                                  options: [groupOption, HAGroupOptions.password])

    let group: GroupReference?
    let password: Secret?

    init(_ options: ParsedOptions) {
        group = options[Self.groupOption].map(GroupReference.init)
        password = options[HAGroupOptions.password]
    }

    func run(_ context: ReadContext) throws(LunaError) {
        var (groups, settings) = try context.read { transaction throws(LunaError) -> ([HAGroup], HASettings) in
            let all = try HAGroupService.groups(transaction)
            let settings = try HASettingsService.settings(transaction)
            guard let group else { return (all, settings) }
            return ([try HAGroupService.group(group, transaction)], settings)
        }
        var secrets: [String?] = []
        for group in groups {
            if let password {
                secrets.append(password.value)
                continue
            }
            context.write(HAGroupRenderer.listGroupsInvitation(group.label))
            secrets.append(try context.optionalSecret(prompt: HAGroupRenderer.passwordPrompt))
            context.write(HAGroupRenderer.afterPasswordPrompt)
        }
        let sessions = context.session.openSessions
        for (index, secret) in secrets.enumerated() {
            guard let secret, !secret.isEmpty else { continue }
            groups[index].needsSync = try context.read { transaction throws(LunaError) in
                try HAGroupService.needsSync(groups[index], secret: secret, openSessions: sessions, transaction)
            }
        }
        context.write(HAGroupRenderer.listGroups(groups, settings: settings))
    }
}
