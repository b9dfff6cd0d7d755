import LunaSim

/// A command line checked against its spec: the command's entry and its checked options. The
/// dispatcher builds the command type from it.
public struct ParsedCommand: Sendable {
    public let entry: Grammar.Entry
    public let options: ParsedOptions

    public var spec: CommandSpec { entry.spec }

    /// The typed command.
    public func make() throws(LunaError) -> any LunaCommand { try entry.type.init(options) }

    /// The values given for the command's secret options: what must never reach an echo, the
    /// history or a transcript (the redactor's fuzz harness checks exactly that).
    public var secretValues: [String] {
        spec.options.filter { $0.kind == .secret }.compactMap { options.words[$0.name] }
    }
}

/// What a line asks for: a command to run, or help about part of the grammar.
public enum ParsedLine: Sendable {
    case command(ParsedCommand)
    case help(HelpTopic)
}

public enum HelpTopic: Sendable {
    case all
    case family(FamilySpec)
    case command(CommandSpec)
}
