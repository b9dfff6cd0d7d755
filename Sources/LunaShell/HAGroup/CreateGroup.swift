import LunaSim

/// `hagroup createGroup -label L {-slot N | -serialNumber S} [-password P]`: a new group whose
/// primary is the given partition. LunaCM restarts itself afterwards (Thales, "Setting Up an HA Group", step 1).
struct CreateGroup: WriteCommand {
    static let labelOption = RequiredOption<String>("label", shortcuts: ["l"], value: "label", help: "Label of the new group")
    static let spec = CommandSpec(name: "createGroup", shortNames: ["cg"], summary: "Create an HA group",
                                  options: [labelOption, HAGroupOptions.member, HAGroupOptions.password])

    let label: String
    let member: MemberReference
    let password: Secret?

    init(_ options: ParsedOptions) {
        label = options[Self.labelOption]
        member = options[HAGroupOptions.member]
        password = options[HAGroupOptions.password]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        context.write(HAGroupRenderer.beforeCreatePrompt)
        let secret = try context.secret(password, prompt: HAGroupRenderer.passwordPrompt)
        context.write(HAGroupRenderer.afterPasswordPrompt)
        let sessions = context.session.openSessions
        let group = try context.checkAskApply(
            check: { transaction throws(LunaError) in
                try HAGroupService.checkCreateGroup(label: label, member: member, secret: secret, openSessions: sessions, transaction)
            },
            ask: { plan throws(LunaError) in try HAGroupQuestions.objectsChoice(plan, context) },
            apply: { transaction, choice throws(LunaError) in
                try HAGroupService.createGroup(label: label, member: member, secret: secret, objects: choice,
                                               openSessions: sessions, transaction)
            })
        context.write(HAGroupRenderer.created(group))
        context.restartsAfterResult = true
    }
}
