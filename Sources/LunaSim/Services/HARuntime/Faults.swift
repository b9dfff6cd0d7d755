/// The faults injected into the simulated fleet (`simulator hsmDown`, `networkDown`): facts of
/// the fleet, kept in the state so every lunacm process (and, later, the PKCS#11 library) on
/// this home sees the same outage. Whether a member is *seen* down is this client's business
/// (`MemberRuntimeState`), because a real client only learns of a failure when it talks to the HSM.
public struct Faults: Sendable, Equatable {
    /// HSMs without power, by HSM serial.
    public var hsmsDown: Set<String>
    /// HSMs this client cannot reach over the network, by HSM serial.
    public var linksDown: Set<String>

    public init(hsmsDown: Set<String> = [], linksDown: Set<String> = []) {
        self.hsmsDown = hsmsDown
        self.linksDown = linksDown
    }

    /// Why this client cannot reach the HSM now, or nil when it can.
    public func unreachableReason(hsm serial: String) -> String? {
        if hsmsDown.contains(serial) { return "HSM \(serial) is down" }
        if linksDown.contains(serial) { return "the link to HSM \(serial) is down" }
        return nil
    }

    public func isReachable(hsm serial: String) -> Bool { !hsmsDown.contains(serial) && !linksDown.contains(serial) }

    public var isEmpty: Bool { hsmsDown.isEmpty && linksDown.isEmpty }
}

/// The two kinds of fault, as the `haFault` table stores them.
public enum FaultKind: String, Sendable, CaseIterable {
    case hsm
    case link
}
