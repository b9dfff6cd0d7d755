import LunaShell
import LunaSim

/// The REPL at a terminal: banner, slot listing, then `lunacm:>` until exit or Ctrl-D.
struct InteractiveDriver {
    let runner: LineRunner
    let editor: LineEditor
    /// A recorded session (`--record`) reports failed commands in its exit status, as a batch
    /// does, for the script that recorded it; a plain terminal session ends with 0.
    var countsFailures = false

    func run() -> Int32 {
        let output = runner.output
        do {
            output.write(try runner.shell.startupText())
        } catch {
            output.write(ResultRenderer.failure(error))
        }
        if let recorder = runner.recorder { output.write("Recording to \(recorder.path)\n\n") }
        output.flush()
        let shell = runner.shell
        let completer = Completer(grammar: shell.parser.grammar)
        editor.completion = { line in
            // The state as it is now (another lunacm may have changed it); none when unreadable.
            let values = (try? shell.store.read { transaction throws(LunaError) in try CompletionValues.read(transaction) })
            return completer.complete(line, values: values ?? CompletionValues())
        }
        var failed = false
        while true {
            switch editor.read() {
            case .endOfInput:
                output.write("\n")
                output.flush()
                return countsFailures && failed ? 1 : 0
            case .interrupted:
                output.write("\n")
                output.flush()
            case .line(let line):
                editor.remember(line, carriesSecret: Redactor.carriesSecret(line))
                let outcome = runner.run(line)
                output.write("\n")
                output.flush()
                guard let outcome else { return 2 }
                if case .failure = outcome { failed = true }
                if outcome == .exit { return countsFailures && failed ? 1 : 0 }
            }
        }
    }
}
