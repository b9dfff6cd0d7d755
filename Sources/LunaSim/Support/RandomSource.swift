/// The only source of randomness in the simulator: SplitMix64 from a seed. Salts, SMKs, key
/// material and appIDs all come from it, so a fixed `LUNASIM_SEED` makes every run repeatable.
public struct RandomSource: Sendable, RandomNumberGenerator {
    public private(set) var state: UInt64

    public init(seed: UInt64) { self.state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func bytes(_ count: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            var word = next()
            for _ in 0..<8 where out.count < count {
                out.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return out
    }

    /// The seed used when `LUNASIM_SEED` is not set: fixed, so that even an unconfigured run is
    /// deterministic.
    public static let defaultSeed: UInt64 = 0x4C55_4E41_5349_4D00
}
