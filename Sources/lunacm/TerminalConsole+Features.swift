import LunaShell

/// The terminal console's side of `Console`'s terminal features, kept out of its prompt code.
extension TerminalConsole {
    var columns: Int { TerminalSize.columns }
}
