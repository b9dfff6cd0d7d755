import ChrystokiConf
import LunaSim

/// Opens the state home exactly as lunacm does (docs/contracts.md "State home"), so vtl and lunacm read and
/// write the same state and the same Chrystoki.conf: `--home`, else `$LUNASIM_HOME`, else
/// `~/.lunasim`; the conf from `$ChrystokiConfigurationPath` when set; a new home is seeded
/// from the built-in fleet with `LUNASIM_SEED` and `LUNASIM_CLOCK`.
public enum VTLHome {
    public struct Opened {
        public var store: StateStore
        public var home: String
    }

    public static func open(explicit: String?, environment: [String: String]) throws(LunaError) -> Opened {
        let home = ConfLocation.home(explicit: explicit, environment: environment)
        let confPath = ConfLocation.confPath(home: home, environment: environment)
        let seed = environment["LUNASIM_SEED"].flatMap(parseNumber) ?? RandomSource.defaultSeed
        let clock = environment["LUNASIM_CLOCK"].flatMap { Int64($0) } ?? SimClock.defaultStart
        let store = try StateStore(home: home, confPath: confPath, seeding: { () throws(FleetFileError) -> Seeding in
            try Seeding.make(fleet: nil, seed: seed, clock: clock)
        })
        try store.installConf()
        return Opened(store: store, home: home)
    }

    /// Splits `--home DIR` (anywhere on the line) from the command's own words.
    public static func splitHome(_ arguments: [String]) throws(LunaError) -> (home: String?, words: [String]) {
        var words: [String] = []
        var home: String?
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--home" {
                guard index + 1 < arguments.count else { throw LunaError(.argumentsBad, "Option --home needs a directory.") }
                home = arguments[index + 1]
                index += 2
            } else if word.hasPrefix("--home=") {
                home = String(word.dropFirst("--home=".count))
                index += 1
            } else {
                words.append(word)
                index += 1
            }
        }
        return (home, words)
    }

    private static func parseNumber(_ text: String) -> UInt64? {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }
}
