/// What this client knows about one HA member at run time. A home is one client host, so this
/// lives in the home's state: another lunacm on the same home shares it, as processes sharing a
/// Luna client share its HA view. A member with no row is alive and has never failed.
public struct MemberRuntimeState: Sendable, Equatable {
    public var serial: String
    /// This client found the member unreachable and has not recovered it since.
    public var down: Bool
    /// Simulated time the member was found down.
    public var since: Int64
    /// Failed auto-recovery attempts since it went down (`reconnAtt` bounds them).
    public var attempts: Int
    /// Simulated time of the last attempt (or of the failure, before any attempt): attempts
    /// are at least `AutoReconnectInterval` seconds apart.
    public var lastAttempt: Int64
    /// Recovered under `activeBasic`: no work reaches it until the next `role login` on the HA slot.
    public var awaitingLogin: Bool
    /// A standby member serving work because every active member is down.
    public var promoted: Bool

    public init(serial: String, down: Bool = false, since: Int64 = 0, attempts: Int = 0, lastAttempt: Int64 = 0,
                awaitingLogin: Bool = false, promoted: Bool = false) {
        self.serial = serial
        self.down = down
        self.since = since
        self.attempts = attempts
        self.lastAttempt = lastAttempt
        self.awaitingLogin = awaitingLogin
        self.promoted = promoted
    }

    /// A row that says nothing beyond "alive, never failed" need not be stored.
    var isDefault: Bool { !down && attempts == 0 && !awaitingLogin && !promoted }
}
