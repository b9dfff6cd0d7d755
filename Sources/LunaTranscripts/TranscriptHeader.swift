import LunaShell

/// The `# lunasim: KEY = VALUE` lines before the first command: the world a transcript starts
/// from (fleet, conf, seed, clock) and the answers to masked prompts, so the file alone says
/// everything a replay needs.
public struct TranscriptHeader: Sendable, Equatable {
    /// Fleet file, as written (relative to the transcript's directory); nil: sibling or default.
    public var fleet: String?
    public var fleetLine: Int?
    /// Initial Chrystoki.conf, as written; nil: sibling or the built-in default.
    public var conf: String?
    public var confLine: Int?
    public var seed: UInt64?
    public var clock: Int64?
    /// Answers to masked prompts, consumed in order; the last one repeats.
    public var secrets: [String] = []
    /// `env ChrystokiConfigurationPath = DIR`: the conf lives in DIR inside the temporary home.
    public var confDirectory: String?

    public init() {}

    static let prefix = "# lunasim:"

    /// Reads one header line (`line` is 1-based, for errors).
    mutating func read(_ text: String, line: Int, path: String) throws(TranscriptError) {
        let body = text.dropFirst(Self.prefix.count)
        guard let equals = body.firstIndex(of: "=") else {
            throw TranscriptError(path: path, line: line, "expected '# lunasim: KEY = VALUE'")
        }
        let key = body[..<equals].trimmingSpaces
        let value = body[body.index(after: equals)...].trimmingSpaces
        func fail(_ message: String) -> TranscriptError { TranscriptError(path: path, line: line, message) }
        switch key {
        case "fleet":
            guard !value.isEmpty else { throw fail("fleet needs a file name") }
            fleet = value
            fleetLine = line
        case "conf":
            guard !value.isEmpty else { throw fail("conf needs a file name") }
            conf = value
            confLine = line
        case "seed", "env LUNASIM_SEED":
            guard let number = Self.number(value) else { throw fail("seed must be a decimal or 0x-hex number, not '\(value)'") }
            seed = number
        case "clock", "env LUNASIM_CLOCK":
            guard let number = Int64(value) else { throw fail("clock must be seconds since the epoch, not '\(value)'") }
            clock = number
        case "secret":
            secrets.append(value)
        case "env ChrystokiConfigurationPath":
            guard !value.isEmpty, !value.hasPrefix("/"), !value.split(separator: "/").contains("..") else {
                throw fail("ChrystokiConfigurationPath must be a relative directory inside the temporary home")
            }
            confDirectory = value
        default:
            throw fail("unknown header key '\(key)' (known: fleet, conf, seed, clock, secret, env ChrystokiConfigurationPath, env LUNASIM_SEED, env LUNASIM_CLOCK)")
        }
    }

    static func number(_ text: String) -> UInt64? {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
