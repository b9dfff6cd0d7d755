import LunaSim

/// The top-level commands that belong to no family: `help`, `exit`, `quit`, `clear`.
enum GeneralCommands {
    static let commands: [CommandSpec] = [
        CommandSpec(family: nil, name: "help", shortNames: ["?"], summary: "Get help"),
        CommandSpec(family: nil, name: "exit", shortNames: ["x"], summary: "Exit this application"),
        CommandSpec(family: nil, name: "quit", summary: "Exit this application"),
        CommandSpec(family: nil, name: "clear", shortNames: ["cls"], summary: "Clear the screen"),
    ]

    static let handlers: [String: CommandHandler] = [
        "clear": { context throws(LunaError) in
            if context.console.isTerminal { context.write("\u{1B}[H\u{1B}[2J") }
        },
    ]
}
