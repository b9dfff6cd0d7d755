/// A command in the grammar table: where it lives (family), how it may be typed (name and exact
/// short names), its options, and whether it may change the state. The parser, the dispatcher and
/// `help` all read this one description, so they cannot disagree.
public struct CommandSpec: Sendable {
    /// `family.name` (or just `name` for top-level commands): the key handlers are registered by.
    public var id: String { family.map { "\($0).\(name)" } ?? name }
    public let family: String?
    public let name: String
    public let shortNames: [String]
    public let summary: String
    public let options: [OptionSpec]
    /// Sets of options of which exactly one must be given (`-slot` or `-serialNumber`).
    public let exactlyOneOf: [[String]]
    /// Runs under the write lock; read-only commands never write anything.
    public let mutates: Bool
    /// Listed apart in `help`: simulator-only commands that a real LunaCM does not have.
    public let isSimulatorExtension: Bool
    /// The name's words and every accepted spelling, lower-cased once: lookups are per line typed.
    let nameWords: [String]
    private let spellings: [String]

    public init(family: String?, name: String, shortNames: [String] = [], summary: String,
                options: [OptionSpec] = [], exactlyOneOf: [[String]] = [], mutates: Bool = false,
                simulatorExtension: Bool = false) {
        self.family = family
        self.name = name
        self.shortNames = shortNames
        self.summary = summary
        self.options = options
        self.exactlyOneOf = exactlyOneOf
        self.mutates = mutates
        self.isSimulatorExtension = simulatorExtension
        self.nameWords = name.lowercased().split(separator: " ").map(String.init)
        self.spellings = ([name] + shortNames).map { $0.lowercased() }
    }

    public func matches(_ word: String) -> Bool { spellings.contains(word.lowercased()) }

    public func option(named word: String) -> OptionSpec? { options.first { $0.matches(word) } }

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
