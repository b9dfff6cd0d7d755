import LunaShell

/// A transcript that cannot be replayed at all (unreadable file, bad header, bad fixture): not a
/// mismatch but a broken test, reported with the file and line so it can be fixed without
/// guessing (`lunacm --replay` exits 2).
public struct TranscriptError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    /// 1-based line in the transcript, or nil when the whole file is concerned.
    public let line: Int?
    public let message: String

    public init(path: String, line: Int?, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)"
    }
}
