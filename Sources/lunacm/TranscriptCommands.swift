import Glibc
import LunaShell
import LunaTranscripts
import LunaSim

/// `--replay [--update] FILE...` and `--record FILE`: the executable's side of transcripts. The
/// work is in LunaShell (TranscriptRun, TranscriptRecorder); here are only flags and drivers.
enum TranscriptCommands {
    /// A usage error's exit status (2), or nil when the transcript flags are consistent.
    static func checkUsage(_ options: Invocation) -> Int32? {
        func refuse(_ message: String) -> Int32 {
            StandardOutput.error("lunacm: \(message)\n")
            return 2
        }
        if options.replay {
            if options.transcripts.isEmpty { return refuse("--replay needs at least one transcript file") }
            if options.record != nil || options.file != nil || options.singleCommand != nil || options.export != nil {
                return refuse("--replay runs transcripts only; it does not combine with --record, -f, -c, -q or --export")
            }
            return nil
        }
        if options.update { return refuse("--update goes with --replay") }
        if !options.transcripts.isEmpty {
            return refuse("unexpected argument '\(options.transcripts[0])' (transcripts are replayed with --replay)")
        }
        if options.record != nil, options.file != nil || options.singleCommand != nil || options.export != nil {
            return refuse("--record records a terminal or stdin session; it does not combine with -f, -c, -q or --export")
        }
        return nil
    }

    static func replay(_ options: Invocation, environment: Environment) -> Int32 {
        let output = StandardOutput()
        let run = TranscriptRun(update: options.update, seed: environment.seed, clock: environment.clock)
        let status = run.run(options.transcripts, out: { output.write($0) }, err: { text in
            output.flush()
            StandardOutput.error(text)
        })
        output.flush()
        return status
    }

    static func record(to path: String, store: StateStore, output: StandardOutput, historyPath: String) -> Int32 {
        let terminal = TTY.stdinIsTerminal
        let lines = terminal ? nil : LineSource(descriptor: STDIN_FILENO)
        let inner: Console = lines.map { BatchConsole(output: output, lines: $0) } ?? TerminalConsole(output: output)
        let console = RecordingConsole(wrapping: inner)
        let recorder: TranscriptRecorder
        let shell: Shell
        do {
            recorder = try TranscriptRecorder(path: path, store: store, console: console)
            shell = try Shell(store: store, console: console, files: RealClientFiles())
        } catch {
            StandardOutput.error("lunacm: \(error)\n")
            return 2
        }
        let runner = LineRunner(shell: shell, output: output, recorder: recorder)
        if let lines {
            return BatchDriver(runner: runner, echo: false, bail: false).run(lines)
        }
        return InteractiveDriver(runner: runner, editor: LineEditor(historyPath: historyPath), countsFailures: true).run()
    }
}
