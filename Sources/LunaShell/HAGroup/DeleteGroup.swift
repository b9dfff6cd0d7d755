import LunaSim

/// `hagroup deleteGroup -label L`: removes the client-side definition; the members keep their
/// objects.
struct DeleteGroup: WriteCommand {
    static let labelOption = RequiredOption<String>("label", shortcuts: ["l"], value: "label",
                                                    help: "Label or HA group number of the group")
    static let spec = CommandSpec(name: "deleteGroup", shortNames: ["dg"], summary: "Delete an HA group", options: [labelOption])

    let group: GroupReference
    init(_ options: ParsedOptions) { group = GroupReference(options[Self.labelOption]) }

    func run(_ context: WriteContext) throws(LunaError) {
        let label = try context.write { transaction throws(LunaError) in try HAGroupService.deleteGroup(group, transaction) }
        context.write(HAGroupRenderer.deleted(label))
    }
}
