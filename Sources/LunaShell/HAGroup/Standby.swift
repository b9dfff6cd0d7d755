import LunaSim

/// `hagroup addStandby -group G {-slot N | -serialNumber S}`: the member takes no work until
/// every active member has failed.
struct AddStandby: WriteCommand {
    static let spec = CommandSpec(name: "addStandby", shortNames: ["as"], summary: "Make a member a standby member",
                                  options: [HAGroupOptions.group, HAGroupOptions.member])
    let group: GroupReference
    let member: MemberReference
    init(_ options: ParsedOptions) {
        group = GroupReference(options[HAGroupOptions.group])
        member = options[HAGroupOptions.member]
    }
    func run(_ context: WriteContext) throws(LunaError) { try setStandby(true, group, member, context) }
}

/// `hagroup removeStandby -group G {-slot N | -serialNumber S}`: the member is active again.
struct RemoveStandby: WriteCommand {
    static let spec = CommandSpec(name: "removeStandby", shortNames: ["rs"], summary: "Make a standby member active again",
                                  options: [HAGroupOptions.group, HAGroupOptions.member])
    let group: GroupReference
    let member: MemberReference
    init(_ options: ParsedOptions) {
        group = GroupReference(options[HAGroupOptions.group])
        member = options[HAGroupOptions.member]
    }
    func run(_ context: WriteContext) throws(LunaError) { try setStandby(false, group, member, context) }
}

private func setStandby(_ standby: Bool, _ group: GroupReference, _ member: MemberReference,
                        _ context: WriteContext) throws(LunaError) {
    let result = try context.write { transaction throws(LunaError) in
        try HAGroupService.setStandby(group, member: member, standby: standby, transaction)
    }
    context.write(HAGroupRenderer.standbySet(result.serial, group: result.group.label, standby: standby))
}
