import LunaSim

/// What `vtl listSlots` lists: the partitions this client reaches, the empty slots the client
/// reserves for USB-attached HSMs (`CardReader { LunaG5Slots }`, shown `Not present` as in the
/// Luna capture), then one `HA Virtual Card Slot` per group. With HA Only on, only the groups.
/// Slot numbers are LunaCM's (a Luna 7 client numbers slots the same way in every tool).
enum VTLSlots {
    static func rows(_ transaction: StateTransaction) throws(LunaError) -> [VTLRenderer.SlotRow] {
        let haOnly = try HASettingsService.settings(transaction).haOnly
        var rows: [VTLRenderer.SlotRow] = []
        let slots = try SlotService.list(transaction)
        if !haOnly {
            for case .partition(let partition, let hsm) in slots {
                rows.append(.init(slot: partition.slot, description: description(hsm.kind), label: partition.label,
                                  serial: partition.serial, present: true))
            }
            let fleet = transaction.fleet
            let first = SlotNumbering.firstVirtualSlot(fleet: fleet, conf: try transaction.conf())
            let highest = fleet.partitions.map(\.slot).max() ?? -1
            for slot in (highest + 1)..<max(highest + 1, first) {
                rows.append(.init(slot: slot, description: "-", label: "-", serial: "-", present: false))
            }
        }
        for case .virtual(let group) in slots {
            rows.append(.init(slot: group.slot, description: "HA Virtual Card Slot", label: group.label,
                              serial: group.serial, present: true))
        }
        return rows
    }

    /// `LunaNet Slot` is the capture's; the PCIe and cloud names are this simulator's choice.
    static func description(_ kind: HSM.Kind) -> String {
        switch kind {
        case .network: "LunaNet Slot"
        case .pcie: "Luna PCIe Slot"
        case .cloud: "Luna Cloud HSM Slot"
        }
    }
}
