import LunaSim

/// A command line checked against its `CommandSpec`: option values by canonical option name.
public struct ParsedCommand: Sendable {
    public let spec: CommandSpec
    public let values: [String: String]

    public init(spec: CommandSpec, values: [String: String]) {
        self.spec = spec
        self.values = values
    }

    public func has(_ option: String) -> Bool { values[option] != nil }
    public func text(_ option: String) -> String? { values[option] }
    /// Integer options were validated by the parser, so this only fails for an absent option.
    public func integer(_ option: String) -> Int? { values[option].flatMap { Int($0) } }
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
