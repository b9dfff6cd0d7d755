import LunaSim

/// The options of one command line, checked by the parser against the command's spec. Commands
/// read them only through their declarations (`options[Self.slot]`), so a value is always read
/// with the type its option declares and a required one is never missing.
public struct ParsedOptions: Sendable {
    /// Checked words by canonical option name (flags map to an empty word). Private to parsing:
    /// commands go through the typed subscripts.
    let words: [String: String]

    init(words: [String: String]) { self.words = words }

    public subscript<Value>(_ option: Option<Value>) -> Value? {
        words[option.spec.name].flatMap(Value.init(optionWord:))
    }

    public subscript<Value>(_ option: RequiredOption<Value>) -> Value {
        guard let word = words[option.spec.name], let value = Value(optionWord: word) else {
            preconditionFailure("The parser admitted a line without the required option -\(option.spec.name).")
        }
        return value
    }

    public subscript(_ option: RangedOption) -> Int? {
        words[option.spec.name].flatMap { Int($0) }
    }

    public subscript(_ flag: Flag) -> Bool { words[flag.spec.name] != nil }

    /// The one option of the group that was given, as its value; nil only if the group is
    /// optional and none was given (the parser refuses a line with none where one is required).
    public subscript<Value>(_ group: OneOf<Value>) -> Value {
        for (index, spec) in group.specs.enumerated() {
            if let word = words[spec.name], let value = group.make(index, word) { return value }
        }
        preconditionFailure("The parser admitted a line without one of " + group.specs.map { "-\($0.name)" }.joined(separator: ", ") + ".")
    }

    public subscript<Value>(_ group: AtMostOneOf<Value>) -> Value? {
        for (index, spec) in group.specs.enumerated() where words[spec.name] != nil { return group.values[index] }
        return nil
    }
}
