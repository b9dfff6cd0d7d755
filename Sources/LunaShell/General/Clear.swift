import LunaSim

/// `clear` (or `cls`): clears a terminal's screen; in a batch it does nothing.
struct Clear: ReadCommand {
    static let spec = CommandSpec(name: "clear", shortNames: ["cls"], summary: "Clear the screen")
    init(_ options: ParsedOptions) {}
    func run(_ context: ReadContext) throws(LunaError) {
        if context.console.isTerminal { context.write(TerminalText.clearScreen) }
    }
}
