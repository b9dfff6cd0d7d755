import LunaShell

/// The REPL at a terminal: banner, slot listing, then `lunacm:>` until exit or Ctrl-D.
struct InteractiveDriver {
    let shell: Shell
    let output: StandardOutput
    let editor: LineEditor

    func run() -> Int32 {
        do {
            output.write(try shell.startupText())
        } catch {
            output.write(ResultRenderer.failure(error))
        }
        output.flush()
        while true {
            switch editor.read() {
            case .endOfInput:
                output.write("\n")
                output.flush()
                return 0
            case .interrupted:
                output.write("\n")
                output.flush()
            case .line(let line):
                editor.remember(line, carriesSecret: Redactor.carriesSecret(line))
                let outcome = shell.run(line: line)
                output.write("\n")
                output.flush()
                if outcome == .exit { return 0 }
            }
        }
    }
}
