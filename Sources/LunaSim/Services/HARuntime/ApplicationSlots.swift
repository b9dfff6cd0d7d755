import ChrystokiConf

/// One slot as an application sees it through the Luna PKCS#11 library, which numbers slots
/// itself, unlike LunaCM's listing.
public struct ApplicationSlot: Sendable, Equatable {
    public enum Kind: String, Sendable { case physical, haVirtual = "HA virtual" }
    public var slot: Int
    public var label: String
    public var serial: String
    public var kind: Kind
}

extension HARuntime {
    /// The slots an application would see (Thales, "HA Only"): without HA Only, the reachable
    /// physical partitions (members this client sees down left out), then the HA virtual slots,
    /// numbered from 0, so the numbers move when a member fails or recovers; with HA Only, only
    /// the HA virtual slots, numbered from 0 and stable across failures.
    public static func applicationSlots(_ transaction: StateTransaction) throws(LunaError) -> [ApplicationSlot] {
        let ha = HAConfig(try transaction.conf())
        let faults = try transaction.faults()
        let down = try transaction.downMembers()
        var slots: [ApplicationSlot] = []
        if !ha.haOnly {
            for partition in transaction.fleet.partitionsBySlot
            where !down.contains(partition.serial) && unreachableReason(partition.serial, faults: faults, transaction.fleet) == nil {
                slots.append(ApplicationSlot(slot: slots.count, label: partition.label, serial: partition.serial, kind: .physical))
            }
        }
        for group in try transaction.groupDefinitions() {
            slots.append(ApplicationSlot(slot: slots.count, label: group.label, serial: group.serial, kind: .haVirtual))
        }
        return slots
    }
}
