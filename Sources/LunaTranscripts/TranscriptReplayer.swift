import LunaShell
import ChrystokiConf
import Foundation
import LunaSim

/// Replays a transcript in-process: a fresh temporary home built from its fixture (in-memory
/// state, the conf in a temporary directory removed afterwards), every command run through
/// `Shell`, every block compared with the actual output. Fast enough to run a whole corpus in a
/// unit test, and the same code `lunacm --replay` runs.
public enum TranscriptReplayer {
    /// What one replay found.
    public struct Result: Sendable {
        public let path: String
        public var passed: Bool { failedSteps.isEmpty }
        /// Indexes of the steps whose output differed.
        public let failedSteps: [Int]
        /// Unified diff between the file and the file as it would be updated; empty on a pass.
        public let diff: String
        /// The transcript's text with failing blocks rewritten (`--update`); nil on a pass.
        public let updatedText: String?
        /// Pattern problems (bad regex, capture used before it is bound).
        public let problems: [String]
    }

    public static func replay(file path: String, seed: UInt64? = nil, clock: Int64? = nil) throws(TranscriptError) -> Result {
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch {
            throw TranscriptError(path: path, line: nil, "cannot read the transcript: \(error)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw TranscriptError(path: path, line: nil, "the transcript is not valid UTF-8")
        }
        return try replay(try Transcript(text: text, path: path), seed: seed, clock: clock)
    }

    public static func replay(_ transcript: Transcript, seed: UInt64? = nil, clock: Int64? = nil) throws(TranscriptError) -> Result {
        let fixture = try TranscriptFixture(transcript, seed: seed, clock: clock)
        let home = NSTemporaryDirectory() + "lunasim-replay-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        let confDirectory = transcript.header.confDirectory.map { home + "/" + $0 } ?? home
        let confPath = confDirectory + "/" + fixture.confName
        let console = ReplayConsole(secrets: transcript.header.secrets)
        let shell: Shell
        do {
            try FileManager.default.createDirectory(atPath: confDirectory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            // A throw-away file: no need for AtomicFile's fsyncs.
            guard FileManager.default.createFile(atPath: confPath, contents: Data(fixture.confText.utf8)) else {
                throw LunaError.storage("cannot write \(confPath)")
            }
            let store = try StateStore(inMemoryWith: fixture.seeding.snapshot, confPath: confPath,
                                       seed: fixture.seeding.random.state, clock: fixture.seeding.clock)
            shell = try Shell(store: store, console: console)
        } catch {
            throw TranscriptError(path: transcript.path, line: nil, "cannot build the temporary home: \(error)")
        }

        let matcher = LineMatcher()
        var bindings: LineMatcher.Bindings = [:]
        var failed: [Int] = []
        var blocks: [Int: [String]] = [:]
        var exited = false
        for (position, step) in transcript.steps.enumerated() {
            let expectedLines = Array(transcript.lines[step.content])
            let block = BlockMatcher(expectedLines)
            console.begin(expected: expectedLines)
            if !exited {
                let outcome = run(step.command, shell: shell, console: console)
                exited = outcome == .exit
            }
            let actual = lines(of: console.takeOutput())
            if let next = block.match(actual, bindings, matcher) {
                bindings = next
                continue
            }
            failed.append(position)
            let normalized = block.normalize(actual, bindings, matcher)
            bindings = normalized.bindings
            blocks[position] = normalized.lines
        }
        guard !failed.isEmpty else {
            return Result(path: transcript.path, failedSteps: [], diff: "", updatedText: nil, problems: matcher.problems)
        }
        let updated = transcript.text(replacing: blocks)
        var updatedLines = updated.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if transcript.endsWithNewline { updatedLines.removeLast() }
        var diff = UnifiedDiff.make(transcript.lines, updatedLines, oldLabel: "\(transcript.path) (expected)",
                                    newLabel: "\(transcript.path) (actual)")
        if diff.isEmpty {
            // Only a capture or pattern problem: say so rather than print an empty diff.
            diff = failed.map { "\(transcript.path):\(transcript.steps[$0].commandIndex + 1): output differs\n" }.joined()
        }
        diff += matcher.problems.map { "note: \($0)\n" }.joined()
        return Result(path: transcript.path, failedSteps: failed, diff: diff, updatedText: updated,
                      problems: matcher.problems)
    }

    /// Runs one command; a secret option whose value is written masked (`-password ********`, as
    /// `--echo` prints it) takes the next header secret instead.
    static func run(_ command: String, shell: Shell, console: ReplayConsole) -> Shell.Outcome {
        guard command.contains(Redactor.mask), var tokens = try? Tokenizer.tokenize(command) else {
            return shell.run(line: command)
        }
        let positions = Redactor.secretPositions(tokens, grammar: shell.parser.grammar)
        var substituted = false
        for position in positions.sorted() where tokens[position] == Redactor.mask {
            if let secret = console.nextSecret() {
                tokens[position] = secret
                substituted = true
            }
        }
        return substituted ? shell.run(tokens: tokens) : shell.run(line: command)
    }

    /// Output lines; the final newline ends the last line, and trailing blank lines are not
    /// compared (see `Transcript.Step.content`).
    static func lines(of output: String) -> [String] {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
