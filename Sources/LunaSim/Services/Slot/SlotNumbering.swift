import ChrystokiConf

/// Where HA virtual slots go. LunaCM lists them after every physical slot (docs/lunacm-behaviour.md §1.1) and the
/// Thales page "Setting Up an HA Group" shows the first one at 5 with physical slots 0 and 1. The Luna client reserves
/// `[CardReader] LunaG5Slots` slots (3 unless set) for USB-attached HSMs after the network and
/// PCIe slots; the virtual slots come after those, which gives exactly 5 for that page's fleet.
/// Modelled: the reserve is a best reading of the Thales page "Setting Up an HA Group", kept here so it is easy to change.
public enum SlotNumbering {
    public static let defaultG5Slots = 3

    public static func firstVirtualSlot(fleet: Fleet, conf: ConfDocument) -> Int {
        let highest = fleet.partitions.map(\.slot).max() ?? -1
        let reserved = conf.value("LunaG5Slots", in: "CardReader").flatMap { Int($0.trimmingSpaces) }
        return highest + 1 + max(0, min(reserved ?? defaultG5Slots, 64))
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
