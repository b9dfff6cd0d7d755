import LunaSim

/// The `hagroup` commands: each asks what it must (password, copy/remove/quit) before it takes
/// the write lock, then runs one HAGroupService operation and renders the result.
enum HAGroupCommands {
    static let handlers: [String: CommandHandler] = [
        "hagroup.createGroup": createGroup,
        "hagroup.addMember": addMember,
        "hagroup.removeMember": removeMember,
        "hagroup.deleteGroup": deleteGroup,
        "hagroup.listGroups": listGroups,
        "hagroup.synchronize": synchronize,
        "hagroup.addStandby": addStandby,
        "hagroup.removeStandby": removeStandby,
    ].merging(HAGroupSettingsCommands.handlers) { first, _ in first }

    static let passwordPrompt = "        Enter the password: "

    static func member(_ context: CommandContext) -> MemberReference {
        if let slot = context.command.integer("slot") { return .slot(slot) }
        return .serial(context.command.text("serialNumber") ?? "")
    }

    static func group(_ context: CommandContext) -> GroupReference {
        GroupReference(context.command.text("group") ?? context.command.text("label") ?? "")
    }

    /// Asks copy/remove/quit, once every check has passed (a refused command asks nothing).
    /// `quit`, anything else, or end of input stops the command with nothing changed.
    static func objectsChoice(_ plan: HAGroupService.JoinPlan, _ context: CommandContext) throws(LunaError) -> HAGroupService.ObjectsChoice? {
        guard plan.objectCount > 0 else { return nil }
        context.write(HAGroupRenderer.objectsWarning)
        let answer = context.console.ask(HAGroupRenderer.objectsPrompt, secret: false)
        context.write("\n")
        guard let answer else {
            throw LunaError(.cancel, "No answer was given to copy, remove or quit (end of input); nothing was changed.")
        }
        switch answer.split(separator: " ").first?.lowercased() {
        case "copy": return .copy
        case "remove": return .remove
        default: throw LunaError(.cancel, "Stopped at your request; nothing was changed.")
        }
    }

    static let createGroup: CommandHandler = { context throws(LunaError) in
        context.write("\n")
        let secret = try context.secret(prompt: passwordPrompt)
        context.write("\n")
        let label = context.command.text("label") ?? ""
        let sessions = context.session.openSessions
        let plan = try context.store.read { transaction throws(LunaError) in
            try HAGroupService.checkCreateGroup(label: label, member: member(context), secret: secret,
                                                openSessions: sessions, transaction)
        }
        let choice = try objectsChoice(plan, context)
        let group = try context.transaction { transaction throws(LunaError) in
            try HAGroupService.createGroup(label: label, member: member(context), secret: secret, objects: choice,
                                           openSessions: sessions, transaction)
        }
        context.write(HAGroupRenderer.created(group))
        context.restartsAfterResult = true
    }

    static let addMember: CommandHandler = { context throws(LunaError) in
        context.write("\n\n")
        let secret = try context.secret(prompt: passwordPrompt)
        context.write("\n")
        let sessions = context.session.openSessions
        let plan = try context.store.read { transaction throws(LunaError) in
            try HAGroupService.checkAddMember(group(context), member: member(context), secret: secret,
                                              openSessions: sessions, transaction)
        }
        let choice = try objectsChoice(plan, context)
        let result = try context.transaction { transaction throws(LunaError) in
            try HAGroupService.addMember(group(context), member: member(context), secret: secret, objects: choice,
                                         openSessions: sessions, transaction)
        }
        if result.smkOverwritten { context.write(HAGroupRenderer.smkWarning(serial: result.serial)) }
        context.write(HAGroupRenderer.memberAdded(result))
    }

    static let removeMember: CommandHandler = { context throws(LunaError) in
        let result = try context.transaction { transaction throws(LunaError) in
            try HAGroupService.removeMember(group(context), member: member(context), transaction)
        }
        var out = "\n        Member \(result.serial) successfully removed from group \(result.group.label).\n"
        if let previous = result.previousNumber {
            out += "        The primary member was removed: the HA group number changed from \(previous)\n"
            out += "        to \(result.group.number). Applications using the old number must use the new one.\n"
        }
        context.write(out + "\n")
    }

    static let deleteGroup: CommandHandler = { context throws(LunaError) in
        let label = try context.transaction { transaction throws(LunaError) in
            try HAGroupService.deleteGroup(group(context), transaction)
        }
        context.write("\n        The HA group \(label) was successfully deleted.\n\n")
    }

    static let listGroups: CommandHandler = { context throws(LunaError) in
        var (groups, settings) = try context.store.read { transaction throws(LunaError) in
            (try HAGroupService.groups(transaction), try HASettingsService.settings(transaction))
        }
        if let wanted = context.command.text("group") {
            let found = try context.store.read { transaction throws(LunaError) in
                try HAGroupService.group(GroupReference(wanted), transaction)
            }
            groups = [found]
        }
        var secrets: [String?] = []
        for group in groups {
            if let given = context.command.text("password") {
                secrets.append(given)
                continue
            }
            context.write(HAGroupRenderer.listGroupsInvitation(group.label))
            // An empty answer, or end of input, skips the sync data (reference 2.6).
            secrets.append(context.console.ask(passwordPrompt, secret: true))
            context.write("\n")
        }
        let sessions = context.session.openSessions
        for (index, secret) in secrets.enumerated() {
            guard let secret, !secret.isEmpty else { continue }
            groups[index].needsSync = try context.store.read { transaction throws(LunaError) in
                try HAGroupService.needsSync(groups[index], secret: secret, openSessions: sessions, transaction)
            }
        }
        var out = "\n" + HAGroupRenderer.settingsBlock(settings) + "\n"
        if groups.isEmpty { out += "\n        There are no HA groups configured.\n" }
        for group in groups {
            out += "\n" + HAGroupRenderer.groupBlock(group, style: .listGroups) + "\n\n"
            out += HAGroupRenderer.memberTable(group, style: .listGroups, haOnly: settings.haOnly)
        }
        context.write(out + "\n")
    }

    static let synchronize: CommandHandler = { context throws(LunaError) in
        let enable = context.command.has("enable"), disable = context.command.has("disable")
        if enable && disable { throw LunaError.badArguments("Give only one of -enable or -disable.") }
        if enable || disable {
            let label = try context.transaction { transaction throws(LunaError) in
                try HAGroupService.setSynchronization(group(context), enabled: enable, transaction)
            }
            context.write("\n        Automatic synchronization of group \(label) is now \(enable ? "enabled" : "disabled").\n\n")
            return
        }
        context.write("\n")
        let secret = try context.secret(prompt: passwordPrompt)
        context.write("\n")
        let sessions = context.session.openSessions
        let result = try context.transaction { transaction throws(LunaError) in
            try HAGroupService.synchronize(group(context), secret: secret, openSessions: sessions, transaction)
        }
        context.write("        Synchronization of group \(result.group.label) completed: \(result.objects) object(s) cloned to \(result.members) member(s).\n\n")
    }

    static let addStandby: CommandHandler = { context throws(LunaError) in try standby(context, true) }
    static let removeStandby: CommandHandler = { context throws(LunaError) in try standby(context, false) }

    static func standby(_ context: CommandContext, _ standby: Bool) throws(LunaError) {
        let group = try context.transaction { transaction throws(LunaError) in
            try HAGroupService.setStandby(self.group(context), member: member(context), standby: standby, transaction)
        }
        let serial = group.members.first { member -> Bool in
            switch self.member(context) {
            case .serial(let serial): return member.serial == serial
            case .slot(let slot): return member.slot == slot
            }
        }?.serial ?? ""
        context.write("\n        Member \(serial) is now \(standby ? "a standby" : "an active") member of group \(group.label).\n\n")
    }
}
