/// Simulated time in seconds since the epoch. Never the wall clock: `LUNASIM_CLOCK` (or the
/// default) fixes it, and the store advances it one second per mutating command, so timestamps
/// are ordered yet repeatable.
public struct SimClock: Sendable, Equatable {
    public var now: Int64

    public init(now: Int64) { self.now = now }

    /// 2026-01-01T00:00:00Z.
    public static let defaultStart: Int64 = 1_767_225_600
}
