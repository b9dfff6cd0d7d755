import LunaSim

/// `slot set -slot N`: makes a slot current for this session.
struct SlotSet: ReadCommand {
    static let slotOption = RequiredOption<Int>("slot", shortcuts: ["s"], value: "slot_id", help: "The slot to make current")
    static let spec = CommandSpec(name: "set", shortNames: ["s"], summary: "Set the current slot", options: [slotOption])

    let slot: Int
    init(_ options: ParsedOptions) { slot = options[Self.slotOption] }

    func run(_ context: ReadContext) throws(LunaError) {
        let found = try context.read { transaction throws(LunaError) in try SlotService.slot(slot, transaction) }
        context.session.currentSlot = found.slot
        context.write(SlotListingRenderer.slotSet(found))
    }
}
