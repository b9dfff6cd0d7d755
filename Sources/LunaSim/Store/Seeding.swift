/// What a new or reset home is seeded with: a validated fleet and the random source and clock that
/// continue from it. Building it first means a bad fleet file is refused before any file exists.
public struct Seeding: Sendable {
    public var snapshot: FleetSnapshot
    public var random: RandomSource
    public var clock: Int64

    /// Reads `fleet` (nil: the built-in default fleet) with the given seed and clock.
    public static func make(fleet: [UInt8]?, seed: UInt64 = RandomSource.defaultSeed,
                            clock: Int64 = SimClock.defaultStart) throws(FleetFileError) -> Seeding {
        var random = RandomSource(seed: seed)
        let snapshot = try FleetFileReader.read(fleet ?? Array(EmbeddedDefaults.fleetJSON.utf8), random: &random)
        return Seeding(snapshot: snapshot, random: random, clock: clock)
    }
}
