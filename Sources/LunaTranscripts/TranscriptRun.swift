import LunaShell
import ChrystokiConf

/// `lunacm --replay [--update] FILE...`: replays each file, prints its diff when it fails, and
/// ends with `N passed, N failed`. Exit status 0 when all pass, 1 when any fails, 2 when a file
/// cannot be replayed at all (unreadable, bad header, bad fixture). Kept out of the executable so
/// tests drive exactly what CI runs.
public struct TranscriptRun {
    public var update = false
    public var seed: UInt64?
    public var clock: Int64?

    public init(update: Bool = false, seed: UInt64? = nil, clock: Int64? = nil) {
        self.update = update
        self.seed = seed
        self.clock = clock
    }

    /// Runs every file; `out` receives the report (stdout), `err` the broken files (stderr).
    public func run(_ paths: [String], out: (String) -> Void, err: (String) -> Void) -> Int32 {
        var passed = 0, failed = 0, broken = false
        for path in paths {
            do {
                let result = try TranscriptReplayer.replay(file: path, seed: seed, clock: clock)
                if result.passed {
                    passed += 1
                    continue
                }
                out(result.diff)
                guard update, let text = result.updatedText else {
                    failed += 1
                    continue
                }
                try write(text, to: path)
                out("updated \(path)\n")
                // An update that still fails (a capture that cannot hold) is reported, not hidden.
                if try TranscriptReplayer.replay(file: path, seed: seed, clock: clock).passed {
                    passed += 1
                } else {
                    failed += 1
                    out("\(path): still fails after the update\n")
                }
            } catch {
                err("lunacm: \(error)\n")
                failed += 1
                broken = true
            }
        }
        out("\(passed) passed, \(failed) failed\n")
        if broken { return 2 }
        return failed > 0 ? 1 : 0
    }

    private func write(_ text: String, to path: String) throws(TranscriptError) {
        do { try AtomicFile.write(Array(text.utf8), to: path, defaultMode: 0o644) } catch {
            throw TranscriptError(path: path, line: nil, "cannot update the transcript: \(error)")
        }
    }
}
