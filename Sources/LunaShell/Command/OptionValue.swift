import LunaSim

/// A value an option can take, and how the parser turns the typed word into it. Conforming types
/// say what kind of word they accept (`OptionSpec.Kind`), so `help` and completion can describe
/// it and the parser can refuse a bad one before the command runs.
public protocol OptionValue: Sendable {
    /// The kind of word the option takes.
    static var kind: OptionSpec.Kind { get }
    /// The value of a word the parser has already checked against `kind`.
    init?(optionWord word: String)
}

extension String: OptionValue {
    public static var kind: OptionSpec.Kind { .text }
    public init?(optionWord word: String) { self = word }
}

extension Int: OptionValue {
    public static var kind: OptionSpec.Kind { .integer(nil) }
    public init?(optionWord word: String) { self.init(word) }
}

/// A credential typed as an option (`-password`): never echoed, never written to history or
/// transcripts (`Redactor`), and not shown by `description`.
public struct Secret: OptionValue, Equatable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public static var kind: OptionSpec.Kind { .secret }
    public init?(optionWord word: String) { self.value = word }
    public var description: String { "********" }
}

/// An option value that is one of a fixed set of words, matched case-insensitively and given to
/// the command in its canonical spelling (`-mode activeenhanced` is `activeEnhanced`).
public protocol ChoiceValue: OptionValue, CaseIterable, RawRepresentable where RawValue == String {}

extension ChoiceValue {
    public static var kind: OptionSpec.Kind { .choice(allCases.map(\.rawValue)) }
    public init?(optionWord word: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == word.lowercased() }) else { return nil }
        self = match
    }
}
