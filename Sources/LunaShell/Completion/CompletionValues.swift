import LunaSim

/// The live words Tab may offer as option values, read from the state when Tab is pressed so a
/// group created a moment ago is offered at once. A plain value: the completer stays pure and
/// its tests need no store.
public struct CompletionValues: Sendable, Equatable {
    /// Every slot `slot list` shows, virtual HA slots included (`slot set -slot`).
    public var slots: [Int]
    /// The slots of physical partitions only: what a member option (`hagroup addMember -slot`) names.
    public var partitionSlots: [Int]
    public var partitionSerials: [String]
    public var groupLabels: [String]
    public var groupNumbers: [String]

    public init(slots: [Int] = [], partitionSlots: [Int] = [], partitionSerials: [String] = [],
                groupLabels: [String] = [], groupNumbers: [String] = []) {
        self.slots = slots
        self.partitionSlots = partitionSlots
        self.partitionSerials = partitionSerials
        self.groupLabels = groupLabels
        self.groupNumbers = groupNumbers
    }

    /// The values as the state holds them now.
    public static func read(_ transaction: StateTransaction) throws(LunaError) -> CompletionValues {
        let slots = try SlotService.list(transaction)
        var values = CompletionValues(slots: slots.map(\.slot))
        for view in slots {
            if case .partition(let partition, _) = view {
                values.partitionSlots.append(partition.slot)
                values.partitionSerials.append(partition.serial)
            }
        }
        for group in try HAGroupService.groups(transaction) {
            values.groupLabels.append(group.label)
            values.groupNumbers.append(group.number)
        }
        return values
    }
}
