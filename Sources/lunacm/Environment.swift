import ChrystokiConf
import LunaSim

/// The variables that change the simulator's behaviour, read once.
struct Environment {
    let variables: [String: String]

    init(_ variables: [String: String] = ConfLocation.processEnvironment) { self.variables = variables }

    func home(explicit: String?) -> String { ConfLocation.home(explicit: explicit, environment: variables) }

    func confPath(home: String) -> String { ConfLocation.confPath(home: home, environment: variables) }

    /// `LUNASIM_SEED`: decimal or 0x-hex.
    var seed: UInt64? { variables["LUNASIM_SEED"].flatMap(Self.parseNumber) }

    /// `LUNASIM_CLOCK`: seconds since the epoch.
    var clock: Int64? { variables["LUNASIM_CLOCK"].flatMap { Int64($0) } }

    private static func parseNumber(_ text: String) -> UInt64? {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }
}
