import LunaShell
import LunaTranscripts
import LunaSim

/// Runs one line for a driver, under the transcript recorder when there is one (`--record`), so
/// the terminal and batch loops serve recorded sessions too.
struct LineRunner {
    let shell: Shell
    let output: StandardOutput
    var recorder: TranscriptRecorder?

    static let unreadableLine = LunaError.badArguments("The line is not valid UTF-8 (or is longer than 4 MiB); it was not run.")

    /// The command's outcome; nil when the transcript could not be written (the driver stops
    /// with status 2).
    func run(_ line: String) -> Shell.Outcome? {
        guard let recorder else { return shell.run(line: line) }
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
