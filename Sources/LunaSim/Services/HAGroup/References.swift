import ChrystokiConf

/// How a command names a partition: `-slot N` or `-serialNumber S`.
public enum MemberReference: Sendable, Equatable {
    case slot(Int)
    case serial(String)
}

/// How a command names a group: `-group` takes the label or, as deployment scripts pass it, the
/// HA group number.
public struct GroupReference: Sendable, Equatable {
    public var text: String
    public init(_ text: String) { self.text = text }
}

extension StateTransaction {
    /// The partition a member reference names. Only physical partitions assigned to this client
    /// can be members (a prerequisite of the Thales page "Setting Up an HA Group": "visible in LunaCM").
    func partition(_ reference: MemberReference) throws(LunaError) -> Partition {
        switch reference {
        case .slot(let number):
            if let partition = fleet.partition(slot: number) {
                if let problem = try visibilityProblem(partition) { throw LunaError(.slotIDInvalid, problem) }
                return partition
            }
            if try SlotService.virtualSlots(self).contains(where: { $0.slot == number }) {
                throw LunaError(.argumentsBad, "Slot \(number) is an HA virtual slot; name a physical member partition.")
            }
            throw LunaError.slotInvalid(number)
        case .serial(let serial):
            guard let partition = fleet.partition(serial: serial) else {
                throw LunaError(.slotIDInvalid, "No partition with serial number \(serial) is visible to this client.")
            }
            if let problem = try visibilityProblem(partition) { throw LunaError(.slotIDInvalid, problem) }
            return partition
        }
    }

    /// The serial a member reference names. A serial is taken as given, even when no partition
    /// has it any more: a member that is down can still be removed from its group.
    func memberSerial(_ reference: MemberReference) throws(LunaError) -> String {
        switch reference {
        case .serial(let serial): serial
        case .slot: try partition(reference).serial
        }
    }

    /// The group a `-group` value names: its label (exactly, then ignoring case), else its number.
    func groupDefinition(_ reference: GroupReference) throws(LunaError) -> HAGroupConfig {
        let groups = try groupDefinitions()
        if let group = groups.first(where: { $0.label == reference.text })
            ?? groups.first(where: { $0.label.lowercased() == reference.text.lowercased() })
            ?? groups.first(where: { $0.serial == reference.text }) {
            return group
        }
        throw LunaError(.argumentsBad, "There is no HA group with the label or group number \(reference.text).")
    }

    func hsmOf(_ partition: Partition) throws(LunaError) -> HSM {
        guard let hsm = fleet.hsm(of: partition) else {
            throw LunaError.storage("Partition \(partition.serial) names HSM \(partition.hsmSerial), which is not in the fleet.")
        }
        return hsm
    }
}
