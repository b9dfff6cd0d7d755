import LunaSim

/// `slot list`: the same blocks as the start-up listing.
struct SlotList: ReadCommand {
    static let spec = CommandSpec(name: "list", shortNames: ["l"], summary: "List the available slots")
    init(_ options: ParsedOptions) {}
    func run(_ context: ReadContext) throws(LunaError) {
        let slots = try context.read { transaction throws(LunaError) in try SlotService.list(transaction) }
        context.write(SlotListingRenderer.list(slots))
    }
}
