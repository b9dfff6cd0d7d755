/// The `slot` family (docs/lunacm-behaviour.md, "slot").
enum SlotCommands {
    static let family = FamilySpec(name: "slot", shortName: "sl", summary: "Slot commands")
    static let list = CommandFamily(family, [SlotList.self, SlotSet.self])
}
