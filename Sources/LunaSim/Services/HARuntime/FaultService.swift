/// Fault injection (`simulator hsmDown`, `hsmUp`, `networkDown`, `networkUp`, `advanceClock`,
/// `showFaults`): the outages an operator rehearses, kept in the state so another process on
/// the same home (or the PKCS#11 library) meets them too. Injecting a fault changes no member
/// state: this client finds a member down only when it next touches it.
public enum FaultService {
    /// Simulated seconds `advanceClock` accepts in one step: one second to one year.
    public static let clockStepRange = 1...31_536_000

    /// What a fault command did.
    public struct Change: Sendable, Equatable {
        public var kind: FaultKind
        public var hsm: String
        public var present: Bool
        /// False when the fault was already so (the command changed nothing).
        public var changed: Bool
        /// PED partitions that lost their activation with the power (policy 23 off).
        public var deactivated: [String]
    }

    /// The HSM a `-serial` names: an HSM serial, or the serial of a partition on it.
    public static func hsmSerial(_ serial: String, _ fleet: Fleet) throws(LunaError) -> String {
        if fleet.hsm(serial: serial) != nil { return serial }
        if let partition = fleet.partition(serial: serial) { return partition.hsmSerial }
        throw LunaError(.argumentsBad, "No HSM or partition has the serial number \(serial).")
    }

    /// `hsmDown` / `hsmUp` (kind `.hsm`), `networkDown` / `networkUp` (kind `.link`). A power
    /// loss deactivates the HSM's PED-authenticated partitions unless partition policy 23
    /// (auto-activation) is on: such a member cannot recover until it is activated again.
    public static func set(_ kind: FaultKind, serial: String, down: Bool,
                           _ transaction: StateTransaction) throws(LunaError) -> Change {
        let hsm = try hsmSerial(serial, transaction.fleet)
        let changed = try transaction.setFault(kind, hsm: hsm, present: down)
        var deactivated: [String] = []
        if kind == .hsm, down, changed, transaction.fleet.hsm(serial: hsm)?.auth == .ped {
            for var partition in transaction.fleet.partitions
            where partition.hsmSerial == hsm && partition.activated && !partition.policies.isOn(23) {
                partition.activated = false
                transaction.fleet.update(partition)
                deactivated.append(partition.serial)
            }
        }
        return Change(kind: kind, hsm: hsm, present: down, changed: changed, deactivated: deactivated)
    }

    /// `advanceClock -seconds N`: moves the simulated clock that paces recovery and stamps the
    /// HA log. Returns the new time.
    public static func advanceClock(seconds: Int, _ transaction: StateTransaction) throws(LunaError) -> Int64 {
        guard clockStepRange.contains(seconds) else {
            throw LunaError(.argumentsBad, "The clock moves by 1 to \(clockStepRange.upperBound) seconds at a time.")
        }
        transaction.clock.now += Int64(seconds)
        return transaction.clock.now
    }

    /// `showFaults`: the faults and the simulated clock.
    public static func show(_ transaction: StateTransaction) throws(LunaError) -> (faults: Faults, clock: Int64) {
        (try transaction.faults(), transaction.clock.now)
    }
}
