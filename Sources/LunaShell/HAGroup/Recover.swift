import LunaSim

/// `hagroup recover -group G`: brings failed members back into the group.
struct Recover: ReadCommand {
    static let spec = CommandSpec(name: "recover", shortNames: ["rcv"], summary: "Recover the failed members of a group",
                                  options: [HAGroupOptions.group])
    let group: GroupReference
    init(_ options: ParsedOptions) { group = GroupReference(options[HAGroupOptions.group]) }

    func run(_ context: ReadContext) throws(LunaError) {
        let result = try context.read { transaction throws(LunaError) in try HASettingsService.recover(group, transaction) }
        context.write(HASettingsRenderer.recovered(result.group))
    }
}
