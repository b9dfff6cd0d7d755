import LunaShell
import LunaSim

/// The terminal and batch loops of `--record`: the same as InteractiveDriver and BatchDriver,
/// with the recorder told where each command begins and ends, so the transcript is rewritten
/// after every command (a session cut short still leaves a replayable file).
struct TranscriptRecordDriver {
    let shell: Shell
    let recorder: TranscriptRecorder
    let output: StandardOutput

    func run(_ editor: LineEditor) -> Int32 {
        do { output.write(try shell.startupText()) } catch { output.write(ResultRenderer.failure(error)) }
        output.write("Recording to \(recorder.path)\n\n")
        output.flush()
        var failed = false
        while true {
            switch editor.read() {
            case .endOfInput:
                output.write("\n")
                output.flush()
                return failed ? 1 : 0
            case .interrupted:
                output.write("\n")
                output.flush()
            case .line(let line):
                editor.remember(line, carriesSecret: Redactor.carriesSecret(line))
                let outcome = runRecorded(line)
                output.write("\n")
                output.flush()
                if case .failure = outcome { failed = true }
                if outcome == .exit || outcome == nil { return outcome == nil ? 2 : (failed ? 1 : 0) }
            }
        }
    }

    func run(_ lines: LineSource) -> Int32 {
        var failed = false
        while let line = lines.next() {
            let outcome: Shell.Outcome?
            switch line {
            case .invalidUTF8:
                outcome = shell.fail(LunaError.badArguments("The line is not valid UTF-8 (or is longer than 4 MiB); it was not run."))
            case .text(let text):
                outcome = runRecorded(text)
            }
            output.flush()
            guard let outcome else { return 2 }
            if case .failure = outcome { failed = true }
            if outcome == .exit { break }
        }
        output.flush()
        return failed ? 1 : 0
    }

    /// Runs one line under the recorder; nil when the transcript could not be written.
    private func runRecorded(_ line: String) -> Shell.Outcome? {
        recorder.begin(line)
        let outcome = shell.run(line: line)
        do { try recorder.end(outcome) } catch {
            output.flush()
            StandardOutput.error("lunacm: \(error)\n")
            return nil
        }
        return outcome
    }
}
