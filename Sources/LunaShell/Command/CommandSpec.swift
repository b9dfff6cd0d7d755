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

    /// How the command is typed, as `help <command>` shows it, on one line.
    public var syntax: String { syntaxUnits.joined(separator: " ") }

    /// The syntax in the pieces a wrapped line may break between: the command's name, then each
    /// option (or one-of group) whole. A group of which exactly one is required shows as LunaCM
    /// shows it, `{-slot <slot_id> | -serialNumber <serial_number>}`; at most one, in brackets.
    public var syntaxUnits: [String] {
        func shown(_ option: OptionSpec) -> String {
            option.kind == .flag ? "-\(option.name)" : "-\(option.name) <\(option.valueName)>"
        }
        var parts = [syntaxName]
        var grouped: Set<String> = []
        for option in options where !grouped.contains(option.name) {
            guard let rule = rules.first(where: { $0.names.contains(option.name) }) else {
                parts.append(option.isRequired ? shown(option) : "[\(shown(option))]")
                continue
            }
            grouped.formUnion(rule.names)
            let members = rule.names.compactMap { name in options.first { $0.name == name } }.map(shown)
            let inner = members.joined(separator: " | ")
            switch rule {
            case .exactlyOne: parts.append("{\(inner)}")
            case .atMostOne: parts.append("[\(inner)]")
            }
        }
        return parts
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
