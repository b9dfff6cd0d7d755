import LunaSim

/// `hagroup addMember -group G {-slot N | -serialNumber S} [-password P]` (docs/lunacm-behaviour.md,
/// "hagroup addmember"): every prerequisite is checked before the copy/remove/quit question.
struct AddMember: WriteCommand {
    static let spec = CommandSpec(name: "addMember", shortNames: ["am"], summary: "Add a member to an HA group",
                                  options: [HAGroupOptions.group, HAGroupOptions.member, HAGroupOptions.password])

    let group: GroupReference
    let member: MemberReference
    let password: Secret?

    init(_ options: ParsedOptions) {
        group = GroupReference(options[HAGroupOptions.group])
        member = options[HAGroupOptions.member]
        password = options[HAGroupOptions.password]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        context.write(HAGroupRenderer.beforeAddPrompt)
        let secret = try context.secret(password, prompt: HAGroupRenderer.passwordPrompt)
        context.write(HAGroupRenderer.afterPasswordPrompt)
        let sessions = context.session.openSessions
        let result = try context.withProgress(ProgressRenderer.cloning) { progress throws(LunaError) in
            try context.checkAskApply(
                check: { transaction throws(LunaError) in
                    try HAGroupService.checkAddMember(group, member: member, secret: secret, openSessions: sessions, transaction)
                },
                ask: { plan throws(LunaError) in try HAGroupQuestions.objectsChoice(plan, context) },
                apply: { transaction, choice throws(LunaError) in
                    try HAGroupService.addMember(group, member: member, secret: secret, objects: choice,
                                                 openSessions: sessions, transaction, progress: progress)
                })
        }
        context.write(HAGroupRenderer.memberAdded(result))
    }
}
