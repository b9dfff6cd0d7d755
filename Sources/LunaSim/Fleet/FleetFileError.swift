/// A fleet file the simulator refuses, with the JSON path of the offending field
/// (`hsms[0].partitions[1].colour`), so a user can fix it without guessing.
public struct FleetFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
