/// What `lunacm --version` reports. Scripts that pin a LunaCM version read the second figure; the
/// banner (SlotListingRenderer) shows the same LunaCM version, and a test keeps the two equal.
enum Version {
    /// This simulator's own version.
    static let simulator = "0.13.0"
    /// The LunaCM release whose commands and texts it follows.
    static let lunacm = "7.3.0"

    static var text: String { "lunacm-sim \(simulator) (simulates LunaCM v\(lunacm))" }
}
