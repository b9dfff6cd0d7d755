import LunaSim

/// `exit` (or `x`): leaves LunaCM.
struct Exit: ReadCommand {
    static let spec = CommandSpec(name: "exit", shortNames: ["x"], summary: "Exit this application")
    init(_ options: ParsedOptions) {}
    func run(_ context: ReadContext) throws(LunaError) { context.exitRequested = true }
}

/// `quit`: the same as `exit`.
struct Quit: ReadCommand {
    static let spec = CommandSpec(name: "quit", summary: "Exit this application")
    init(_ options: ParsedOptions) {}
    func run(_ context: ReadContext) throws(LunaError) { context.exitRequested = true }
}
