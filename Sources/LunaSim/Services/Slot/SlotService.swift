import ChrystokiConf

/// Answers "which slots are there" for `slot list`, `slot set` and the start-up listing.
public enum SlotService {
    /// Physical slots this client reaches (ClientVisibility) in slot order, then one virtual slot
    /// per HA group in Chrystoki.conf order.
    public static func list(_ transaction: StateTransaction) throws(LunaError) -> [SlotView] {
        let fleet = transaction.fleet
        var slots: [SlotView] = try transaction.visiblePartitions().compactMap { partition in
            fleet.hsm(of: partition).map { .partition(partition, $0) }
        }
        slots += try virtualSlots(transaction).map(SlotView.virtual)
        return slots
    }

    public static func virtualSlots(_ transaction: StateTransaction) throws(LunaError) -> [VirtualSlot] {
        let conf = try transaction.conf()
        let fleet = transaction.fleet
        let first = SlotNumbering.firstVirtualSlot(fleet: fleet, conf: conf)
        return try transaction.groupDefinitions().enumerated().map { offset, group in
            let primaryHSM = group.members.first.flatMap(fleet.partition(serial:)).flatMap(fleet.hsm(of:))
            return VirtualSlot(slot: first + offset, label: group.label, serial: group.serial,
                               firmware: primaryHSM?.firmware ?? "7.3.0", auth: primaryHSM?.auth ?? .password,
                               members: group.members)
        }
    }

    /// The slot with this number, or CKR_SLOT_ID_INVALID.
    public static func slot(_ number: Int, _ transaction: StateTransaction) throws(LunaError) -> SlotView {
        guard let view = try list(transaction).first(where: { $0.slot == number }) else {
            throw LunaError.slotInvalid(number)
        }
        return view
    }

    /// LunaCM starts on the lowest slot (docs/lunacm-behaviour.md §1.2); nil when there is none.
    public static func lowestSlot(_ transaction: StateTransaction) throws(LunaError) -> Int? {
        if let physical = try transaction.visiblePartitions().first?.slot { return physical }
        return try virtualSlots(transaction).first?.slot
    }
}
