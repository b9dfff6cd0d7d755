/// The simulated world as one value: the HSMs and their partitions, without the objects (which
/// can be many and are read from the store only when a command needs them).
public struct Fleet: Sendable, Equatable {
    public var hsms: [HSM]
    public var partitions: [Partition]

    public init(hsms: [HSM] = [], partitions: [Partition] = []) {
        self.hsms = hsms
        self.partitions = partitions
    }

    /// Physical slots in slot order, as LunaCM lists them.
    public var partitionsBySlot: [Partition] { partitions.sorted { $0.slot < $1.slot } }

    public func partition(slot: Int) -> Partition? { partitions.first { $0.slot == slot } }
    public func partition(serial: String) -> Partition? { partitions.first { $0.serial == serial } }
    public func hsm(serial: String) -> HSM? { hsms.first { $0.serial == serial } }
    public func hsm(of partition: Partition) -> HSM? { hsm(serial: partition.hsmSerial) }

    public mutating func update(_ partition: Partition) {
        if let index = partitions.firstIndex(where: { $0.serial == partition.serial }) {
            partitions[index] = partition
        }
    }

    public mutating func update(_ hsm: HSM) {
        if let index = hsms.firstIndex(where: { $0.serial == hsm.serial }) {
            hsms[index] = hsm
        }
    }
}
