import LunaSim

/// What a command lists in its spec's options: one option, or a group of them with a rule.
public protocol OptionDeclaration: Sendable {
    /// The options, as `help` lists them.
    var specs: [OptionSpec] { get }
    /// The rule over these options, if this declaration is a group of them.
    var rule: OptionRule? { get }
}

/// A rule over a group of options, checked by the parser before the command is built.
public enum OptionRule: Sendable, Equatable {
    /// Exactly one of the named options must be given (`-slot` or `-serialNumber`).
    case exactlyOne([String])
    /// At most one of them may be given (`-enable` or `-disable`, or neither).
    case atMostOne([String])

    public var names: [String] {
        switch self {
        case .exactlyOne(let names), .atMostOne(let names): names
        }
    }
}

/// An option that may be absent: the command reads it as `T?`.
public struct Option<Value: OptionValue>: OptionDeclaration {
    public let spec: OptionSpec
    public init(_ name: String, shortcuts: [String] = [], value: String? = nil, help: String) {
        spec = OptionSpec(name, shortcuts: shortcuts, Value.kind, value: value, help: help)
    }
    public var specs: [OptionSpec] { [spec] }
    public var rule: OptionRule? { nil }
}

/// An integer option limited to a range, checked by the parser with a message naming it.
public struct RangedOption: OptionDeclaration {
    public let spec: OptionSpec
    public init(_ name: String, shortcuts: [String] = [], range: ClosedRange<Int>, required: Bool = false,
                value: String? = nil, help: String) {
        spec = OptionSpec(name, shortcuts: shortcuts, .integer(range), required: required, value: value, help: help)
    }
    public var specs: [OptionSpec] { [spec] }
    public var rule: OptionRule? { nil }
}

/// An option that must be given: the parser refuses the line without it, so the command reads
/// it as `T`, with no fallback.
public struct RequiredOption<Value: OptionValue>: OptionDeclaration {
    public let spec: OptionSpec
    public init(_ name: String, shortcuts: [String] = [], value: String? = nil, help: String) {
        spec = OptionSpec(name, shortcuts: shortcuts, Value.kind, required: true, value: value, help: help)
    }
    public var specs: [OptionSpec] { [spec] }
    public var rule: OptionRule? { nil }
}

/// A word with no value (`-force`, `-enable`): the command reads it as `Bool`.
public struct Flag: OptionDeclaration {
    public let spec: OptionSpec
    public init(_ name: String, shortcuts: [String] = [], help: String) {
        spec = OptionSpec(name, shortcuts: shortcuts, .flag, help: help)
    }
    public var specs: [OptionSpec] { [spec] }
    public var rule: OptionRule? { nil }
}

/// Options of which exactly one must be given (`-slot` or `-serialNumber`), read by the command
/// as one value: which was given decides it.
public struct OneOf<Value: Sendable>: OptionDeclaration {
    public let specs: [OptionSpec]
    let make: @Sendable (_ index: Int, _ word: String) -> Value?
    public var rule: OptionRule? { .exactlyOne(specs.map(\.name)) }

    /// Two options, each with its own value type, that name the same thing two ways.
    public init<A: OptionValue, B: OptionValue>(_ first: Option<A>, _ second: Option<B>,
                                                as make: @escaping @Sendable (Either<A, B>) -> Value) {
        specs = [first.spec, second.spec]
        self.make = { index, word in
            if index == 0 { return A(optionWord: word).map { make(.first($0)) } }
            return B(optionWord: word).map { make(.second($0)) }
        }
    }

    /// Flags of which exactly one must be given (`-enable | -disable | -show`).
    public init(flags: [(Flag, Value)]) {
        specs = flags.map(\.0.spec)
        let values = flags.map(\.1)
        self.make = { index, _ in values[index] }
    }
}

/// One of two typed values (what a two-option `OneOf` was given).
public enum Either<A: Sendable, B: Sendable>: Sendable {
    case first(A)
    case second(B)
}

/// Flags of which at most one may be given (`-enable | -disable`, or neither): read as the value
/// of the one given, or nil.
public struct AtMostOneOf<Value: Sendable>: OptionDeclaration {
    public let specs: [OptionSpec]
    let values: [Value]
    public var rule: OptionRule? { .atMostOne(specs.map(\.name)) }

    public init(flags: [(Flag, Value)]) {
        specs = flags.map(\.0.spec)
        values = flags.map(\.1)
    }
}
