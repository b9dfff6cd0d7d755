import LunaSim

/// `slot list` and `slot set` (reference 3.1).
enum SlotCommands {
    static let family = FamilySpec(name: "slot", shortName: "sl", summary: "Slot commands")

    static let commands: [CommandSpec] = [
        CommandSpec(family: "slot", name: "list", shortNames: ["l"], summary: "List the available slots"),
        CommandSpec(
            family: "slot", name: "set", shortNames: ["s"], summary: "Set the current slot",
            options: [OptionSpec("slot", shortcuts: ["s"], .integer, required: true, value: "slot_id",
                                 help: "The slot to make current")]),
    ]

    static let handlers: [String: CommandHandler] = [
        "slot.list": { context throws(LunaError) in
            let slots = try context.transaction { transaction throws(LunaError) in try SlotService.list(transaction) }
            context.write(SlotListingRenderer.list(slots))
        },
        "slot.set": { context throws(LunaError) in
            let number = context.command.integer("slot") ?? -1
            let slot = try context.transaction { transaction throws(LunaError) in try SlotService.slot(number, transaction) }
            context.session.currentSlot = slot.slot
            context.write(SlotListingRenderer.slotSet(slot))
        },
    ]
}
