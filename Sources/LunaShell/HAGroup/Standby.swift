import LunaSim

/// `addStandby` and `removeStandby` differ only in which way they move the member.
protocol StandbyCommand: WriteCommand {
    /// True: the member becomes a standby; false: active again.
    static var makesStandby: Bool { get }
    var group: GroupReference { get }
    var member: MemberReference { get }
    init(group: GroupReference, member: MemberReference)
}

extension StandbyCommand {
    static var options: [any OptionDeclaration] { [HAGroupOptions.group, HAGroupOptions.member] }

    init(_ options: ParsedOptions) {
        self.init(group: GroupReference(options[HAGroupOptions.group]), member: options[HAGroupOptions.member])
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let result = try context.write { transaction throws(LunaError) in
            try HAGroupService.setStandby(group, member: member, standby: Self.makesStandby, transaction)
        }
        context.write(HAGroupRenderer.standbySet(result.serial, group: result.group.label, standby: Self.makesStandby))
    }
}

/// `hagroup addStandby -group G {-slot N | -serialNumber S}`: the member takes no work until
/// every active member has failed.
struct AddStandby: StandbyCommand {
    static let spec = CommandSpec(name: "addStandby", shortNames: ["as"], summary: "Make a member a standby member", options: options)
    static let makesStandby = true
    let group: GroupReference
    let member: MemberReference
}

/// `hagroup removeStandby -group G {-slot N | -serialNumber S}`: the member is active again.
struct RemoveStandby: StandbyCommand {
    static let spec = CommandSpec(name: "removeStandby", shortNames: ["rs"], summary: "Make a standby member active again", options: options)
    static let makesStandby = false
    let group: GroupReference
    let member: MemberReference
}
