/// How a command is typed: its name and exact short names, its options and the rules over them,
/// its one-line summary. Each command type declares one (`LunaCommand.spec`); the family that
/// lists the type fills in `family`. The parser, the dispatcher and `help` all read this one
/// description, so they cannot disagree.
public struct CommandSpec: Sendable {
    /// `family name` (or just `name` for top-level commands): how tests and messages name it.
    public var id: String { family.map { "\($0).\(name)" } ?? name }
    public private(set) var family: String?
    public let name: String
    public let shortNames: [String]
    public let summary: String
    public let options: [OptionSpec]
    /// Rules over groups of options (exactly one of `-slot`/`-serialNumber`, at most one of
    /// `-enable`/`-disable`).
    public let rules: [OptionRule]
    /// Listed apart in `help`: simulator-only commands that a real LunaCM does not have.
    public let isSimulatorExtension: Bool
    /// Read or write: filled in from the command type's protocol by the family list.
    public private(set) var access: CommandAccess = .read
    /// The name's words and every accepted spelling, lower-cased once: lookups are per line typed.
    let nameWords: [String]
    private let spellings: [String]

    public init(name: String, shortNames: [String] = [], summary: String,
                options: [any OptionDeclaration] = [], simulatorExtension: Bool = false) {
        self.family = nil
        self.name = name
        self.shortNames = shortNames
        self.summary = summary
        self.options = options.flatMap(\.specs)
        self.rules = options.compactMap(\.rule)
        self.isSimulatorExtension = simulatorExtension
        self.nameWords = name.lowercased().split(separator: " ").map(String.init)
        self.spellings = ([name] + shortNames).map { $0.lowercased() }
    }

    /// The spec as registered in a family, with the access its type declares.
    func registered(in family: String?, access: CommandAccess) -> CommandSpec {
        var spec = self
        spec.family = family
        spec.access = access
        return spec
    }

    public func matches(_ word: String) -> Bool { spellings.contains(word.lowercased()) }

    public func option(named word: String) -> OptionSpec? { options.first { $0.matches(word) } }

    /// Groups of which exactly one option must be given.
    public var exactlyOneOf: [[String]] {
        rules.compactMap { if case .exactlyOne(let names) = $0 { names } else { nil } }
    }

    /// `family name`, as typed.
    public var syntaxName: String { [family, name].compactMap { $0 }.joined(separator: " ") }

    /// How the command is typed, as `help <command>` shows it.
    public var syntax: String {
        var parts = [family, name].compactMap { $0 }
        for option in options {
            let value = option.kind == .flag ? "-\(option.name)" : "-\(option.name) <\(option.valueName)>"
            parts.append(option.isRequired ? value : "[\(value)]")
        }
        return parts.joined(separator: " ")
    }
}

/// A command family (`slot`, `hagroup`, ...): a name, its one short name, a summary.
public struct FamilySpec: Sendable {
    public let name: String
    public let shortName: String
    public let summary: String
    /// A family a real LunaCM does not have; `help` lists it apart.
    public let isSimulatorExtension: Bool

    private let spellings: [String]

    public init(name: String, shortName: String, summary: String, simulatorExtension: Bool = false) {
        self.name = name
        self.shortName = shortName
        self.summary = summary
        self.isSimulatorExtension = simulatorExtension
        self.spellings = [name.lowercased(), shortName.lowercased()]
    }

    public func matches(_ word: String) -> Bool { spellings.contains(word.lowercased()) }
}

/// A family and its commands, in the order `help` lists them: the one list a family keeps.
public struct CommandFamily: Sendable {
    public let spec: FamilySpec?
    public let commands: [any LunaCommand.Type]

    public init(_ spec: FamilySpec?, _ commands: [any LunaCommand.Type]) {
        self.spec = spec
        self.commands = commands
    }
}
