import LunaSim

/// `hagroup removeMember -group G {-slot N | -serialNumber S}`. Removing the primary gives the
/// group a new number (docs/lunacm-behaviour.md, "hagroup removemember").
struct RemoveMember: WriteCommand {
    static let spec = CommandSpec(name: "removeMember", shortNames: ["rmm"], summary: "Remove a member from an HA group",
                                  options: [HAGroupOptions.group, HAGroupOptions.member])

    let group: GroupReference
    let member: MemberReference

    init(_ options: ParsedOptions) {
        group = GroupReference(options[HAGroupOptions.group])
        member = options[HAGroupOptions.member]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let result = try context.write { transaction throws(LunaError) in
            try HAGroupService.removeMember(group, member: member, transaction)
        }
        context.write(HAGroupRenderer.memberRemoved(result))
    }
}
