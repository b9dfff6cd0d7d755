/// The top-level commands that belong to no family.
enum GeneralCommands {
    static let list = CommandFamily(nil, [Help.self, Exit.self, Quit.self, Clear.self])
}
