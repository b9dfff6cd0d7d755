/// One slot as LunaCM lists it: a physical partition or an HA group's virtual slot.
public enum SlotView: Sendable, Equatable {
    case partition(Partition, HSM)
    case virtual(VirtualSlot)

    public var slot: Int {
        switch self {
        case .partition(let partition, _): partition.slot
        case .virtual(let virtual): virtual.slot
        }
    }
}

/// An HA group as a slot: what the Luna library presents to applications.
public struct VirtualSlot: Sendable, Equatable {
    public var slot: Int
    public var label: String
    public var serial: String
    /// The primary member's HSM firmware.
    public var firmware: String
    public var auth: HSM.Auth
    public var members: [String]
}
