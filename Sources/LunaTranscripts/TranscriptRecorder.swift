import LunaShell
import ChrystokiConf
import Glibc
import LunaSim

/// `lunacm --record FILE`: writes the session to FILE as a replayable transcript, rewritten after
/// every command. At the start the home's state and conf are copied into the fixtures
/// `X.fleet.json` and `X.conf` beside `X.lunacm`, named from the header with the home's seed and
/// clock. Every secret typed (masked answers, secret option values) is written as its placeholder
/// `recorded-secret-N`: option values in the command line, masked answers as `# lunasim: secret`
/// lines; the fixture's credentials that a typed secret opens are re-hashed from the placeholder.
/// So the file replays as it stands and no secret is ever written.
public final class TranscriptRecorder {
    public let path: String
    public let fleetPath: String
    public let confPath: String
    private let initial: FleetSnapshot
    private let seed: UInt64
    private let clock: Int64
    private var placeholders = SecretPlaceholders()
    private var answered: [String] = []
    private var body = ""
    private var command: String?
    private var output = ""
    private var fixtureSecrets = -1

    /// Copies the fixtures and writes the (empty) transcript; the console then feeds it.
    public init(path: String, store: StateStore, console: RecordingConsole) throws(TranscriptError) {
        self.path = path
        let base = path.hasSuffix(".lunacm") ? String(path.dropLast(".lunacm".count)) : path
        fleetPath = base + ".fleet.json"
        confPath = base + ".conf"
        do {
            initial = try store.snapshot()
            (seed, clock) = try store.read { transaction throws(LunaError) in
                (transaction.random.state, transaction.clock.now)
            }
        } catch {
            throw TranscriptError(path: path, line: nil, "cannot read the state to record from: \(error.reason)")
        }
        let conf = (try? AtomicFile.read(store.confPath)) ?? Array(EmbeddedDefaults.chrystokiConf.utf8)
        try write(conf, to: confPath, mode: 0o644)
        try flush()
        console.recorder = self
    }

    /// A command is about to run; `line` is what was typed (secret option values are replaced
    /// by their placeholders before anything is kept).
    public func begin(_ line: String) {
        output = ""
        guard let tokens = try? Tokenizer.tokenize(line) else {
            command = Redactor.redact(line)
            return
        }
        let positions = Redactor.secretPositions(tokens, grammar: .lunacm)
        guard !positions.isEmpty else {
            command = line
            return
        }
        command = tokens.enumerated().map { index, token in
            Redactor.quoted(positions.contains(index) ? placeholders.placeholder(for: token) : token)
        }.joined(separator: " ")
    }

    /// The command ended: it is appended (unless it was a blank line, a comment or `exit`) and
    /// the files are rewritten.
    public func end(_ outcome: Shell.Outcome) throws(TranscriptError) {
        defer { command = nil; output = "" }
        guard let command, outcome != .nothing, outcome != .exit else { return }
        // A blank line before each command reads like the terminal; trailing blank lines of a
        // block are not compared, so it changes nothing on replay.
        body += (body.isEmpty ? "" : "\n") + Transcript.prompt + " " + command + "\n" + output
        if !output.isEmpty, !output.hasSuffix("\n") { body += "\n" }
        try flush()
    }

    func capture(_ text: String) {
        if command != nil { output += text }
    }

    /// A masked answer: its placeholder, which is also the next header secret.
    func consumeSecret(_ answer: String) -> String {
        let placeholder = placeholders.placeholder(for: answer)
        answered.append(placeholder)
        return placeholder
    }

    /// Rewrites the transcript, and the fleet fixture when a new secret was typed.
    private func flush() throws(TranscriptError) {
        if placeholders.secrets.count != fixtureSecrets {
            try write(FleetFileWriter.write(placeholders.rehash(initial)), to: fleetPath, mode: 0o600)
            fixtureSecrets = placeholders.secrets.count
        }
        var header = """
            # Recorded by lunacm --record. Replay: lunacm --replay \(Self.name(path))
            # Secrets typed in the session are written as placeholders (recorded-secret-N); the fixture's
            # credentials were re-hashed to match them.
            # lunasim: fleet = \(Self.name(fleetPath))
            # lunasim: conf = \(Self.name(confPath))
            # lunasim: seed = \(seed)
            # lunasim: clock = \(clock)

            """
        for secret in answered { header += "# lunasim: secret = \(secret)\n" }
        try write(Array((header + "\n" + body).utf8), to: path, mode: 0o644)
    }

    private func write(_ bytes: [UInt8], to file: String, mode: mode_t) throws(TranscriptError) {
        do { try AtomicFile.write(bytes, to: file, defaultMode: mode) } catch {
            throw TranscriptError(path: file, line: nil, "cannot write: \(error)")
        }
    }

    static func name(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
