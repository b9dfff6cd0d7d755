/// One option of a command, as LunaCM's syntax help lists it: its full name, the exact shortcuts
/// it accepts (no general prefix matching: docs/lunacm-behaviour.md, "Typing commands"), what
/// value it takes. Built by the typed declarations (`Option`, `RequiredOption`, `Flag`, ...).
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Present or absent, no value (`-force`, `-enable`).
        case flag
        /// Free text, verbatim (labels, serials, paths).
        case text
        /// A decimal integer, possibly negative (`-count -1`), within the range when one is given.
        case integer(ClosedRange<Int>?)
        /// A credential: never echoed, never written to history or transcripts.
        case secret
        /// One of a fixed set of words, matched case-insensitively.
        case choice([String])
    }

    public let name: String
    public let shortcuts: [String]
    public let kind: Kind
    public let isRequired: Bool
    public let valueName: String
    public let help: String
    private let spellings: [String]

    public init(_ name: String, shortcuts: [String] = [], _ kind: Kind = .text, required: Bool = false,
                value: String? = nil, help: String) {
        self.name = name
        self.shortcuts = shortcuts
        self.kind = kind
        self.isRequired = required
        self.valueName = value ?? name.lowercased()
        self.help = help
        self.spellings = ([name] + shortcuts).map { $0.lowercased() }
    }

    /// Whether `word` (without its dash) names this option: the full name or an exact shortcut,
    /// case-insensitively.
    public func matches(_ word: String) -> Bool { spellings.contains(word.lowercased()) }

    /// Every spelling, lower-cased: what completion and "did you mean" offer.
    public var spellingsLowercased: [String] { spellings }
}
