import LunaShell

/// The terminal console's side of `Console`'s terminal features, kept out of its prompt code.
extension TerminalConsole {
    var columns: Int { TerminalSize.columns }

    func write(_ text: StyledText) { write(TerminalStyle.render(text)) }

    /// Overwrites one line in place; only when stdout is a terminal, never into a pipe.
    func progress(_ line: String?) {
        guard TTY.stdoutIsTerminal else { return }
        write(TerminalStyle.eraseLine + (line ?? ""))
        output.flush()
    }
}
