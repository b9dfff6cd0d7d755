import LunaSim

/// Turns tokens into a `ParsedLine` using only the grammar table: command and option names are
/// case-insensitive and accept exactly the listed short names, values pass through verbatim.
public struct Parser: Sendable {
    public let grammar: Grammar

    public init(grammar: Grammar = .lunacm) { self.grammar = grammar }

    public func parse(_ tokens: [String]) throws(LunaError) -> ParsedLine {
        guard let first = tokens.first else { throw LunaError.badArguments("No command given.") }
        if first == "?" || first.lowercased() == "help" {
            return .help(try helpTopic(Array(tokens.dropFirst())))
        }
        if let entry = grammar.topLevel(first) {
            return try parseOptions(Array(tokens.dropFirst()), for: entry)
        }
        guard let family = grammar.family(first) else {
            throw LunaError.badArguments("Unknown command: \(Self.shown(first)).\(didYouMean(first, among: topLevelNames)) Type 'help' for the list of commands.")
        }
        guard tokens.count > 1, tokens[1] != "?", tokens[1].lowercased() != "-help" else {
            return .help(.family(family))
        }
        guard let (entry, length) = grammar.command(tokens[1...], in: family) else {
            throw LunaError.badArguments("Unknown command: \(family.name) \(Self.shown(tokens[1])).\(didYouMean(tokens[1], among: commandNames(family), prefix: family.name + " ")) Type '\(family.name) ?' for the list of \(family.name) commands.")
        }
        return try parseOptions(Array(tokens.dropFirst(1 + length)), for: entry)
    }

    private func parseOptions(_ words: [String], for entry: Grammar.Entry) throws(LunaError) -> ParsedLine {
        let command = entry.spec
        if let word = words.first, word == "?" || word.lowercased() == "-help" || word.lowercased() == "-?" {
            return .help(.command(command))
        }
        var values: [String: String] = [:]
        var index = 0
        while index < words.count {
            let word = words[index]
            guard word.count > 1, word.hasPrefix("-") else {
                throw LunaError.badArguments("Unexpected argument '\(Self.shown(word))': options start with '-'. Type '\(command.syntaxName) ?' for its syntax.")
            }
            let name = String(word.dropFirst())
            guard let option = command.option(named: name) else {
                throw LunaError.badArguments("Unknown option '\(Self.shown(word))' for '\(command.syntaxName)'.\(didYouMean(name, among: command.options.map(\.name), prefix: "-"))")
            }
            guard values[option.name] == nil else {
                throw LunaError.badArguments("Option -\(option.name) was given more than once.")
            }
            if option.kind == .flag {
                values[option.name] = ""
                index += 1
                continue
            }
            guard index + 1 < words.count else {
                throw LunaError.badArguments("Option -\(option.name) needs a value.")
            }
            if case .choice(let allowed) = option.kind, let (match, used) = Self.spannedChoice(words[(index + 1)...], allowed) {
                values[option.name] = match
                index += 1 + used
                continue
            }
            values[option.name] = try check(words[index + 1], for: option)
            index += 2
        }
        for option in command.options where option.isRequired && values[option.name] == nil {
            throw LunaError.badArguments("Missing required option -\(option.name) for '\(command.syntaxName)'.")
        }
        for rule in command.rules {
            let group = rule.names
            let given = group.filter { values[$0] != nil }
            if given.isEmpty, case .exactlyOne = rule {
                throw LunaError.badArguments("'\(command.syntaxName)' needs one of " + group.map { "-\($0)" }.joined(separator: " or ") + ".")
            }
            if given.count > 1 {
                throw LunaError.badArguments("Give only one of " + group.map { "-\($0)" }.joined(separator: " or ") + ".")
            }
        }
        return .command(ParsedCommand(entry: entry, options: ParsedOptions(words: values)))
    }

    private func check(_ value: String, for option: OptionSpec) throws(LunaError) -> String {
        switch option.kind {
        case .integer(let range):
            guard let number = Int(value) else {
                throw LunaError.badArguments("The value '\(Self.shown(value))' of -\(option.name) is not a valid number.")
            }
            if let range, !range.contains(number) {
                throw LunaError.badArguments("The value \(number) of -\(option.name) must be from \(range.lowerBound) to \(range.upperBound).")
            }
            return String(number)
        case .choice(let allowed):
            guard let match = allowed.first(where: { $0.lowercased() == value.lowercased() }) else {
                throw LunaError.badArguments("The value '\(Self.shown(value))' of -\(option.name) must be one of: " + allowed.joined(separator: ", ") + ".")
            }
            return match
        case .flag, .text, .secret:
            return value
        }
    }

    /// A choice that spans words, typed unquoted (`role show -name Crypto User`, as in the
    /// `role show` example of the LunaCM Command Reference): the longest run of the next words
    /// (none starting with `-`) that is one of `allowed` with single spaces, case-insensitively.
    /// nil when no choice of two or more words matches, so single words go through `check`.
    static func spannedChoice(_ words: ArraySlice<String>, _ allowed: [String]) -> (String, Int)? {
        let longest = allowed.map { $0.split(separator: " ").count }.max() ?? 1
        guard longest > 1 else { return nil }
        let start = words.startIndex
        var count = min(longest, words.count)
        while count > 1 {
            let run = words[start..<(start + count)]
            if !run.contains(where: { $0.hasPrefix("-") }) {
                let typed = run.joined(separator: " ").lowercased()
                if let match = allowed.first(where: { $0.lowercased() == typed }) { return (match, count) }
            }
            count -= 1
        }
        return nil
    }

    private func helpTopic(_ words: [String]) throws(LunaError) -> HelpTopic {
        guard let first = words.first else { return .all }
        if let entry = grammar.topLevel(first) { return .command(entry.spec) }
        guard let family = grammar.family(first) else {
            throw LunaError.badArguments("No help for '\(Self.shown(first))': unknown command.\(didYouMean(first, among: topLevelNames))")
        }
        guard words.count > 1 else { return .family(family) }
        guard let (entry, _) = grammar.command(words[1...], in: family) else {
            throw LunaError.badArguments("No help for '\(family.name) \(Self.shown(words[1]))': unknown command.\(didYouMean(words[1], among: commandNames(family), prefix: family.name + " "))")
        }
        return .command(entry.spec)
    }

    /// The families and the commands outside them.
    private var topLevelNames: [String] {
        grammar.families.map(\.name) + grammar.commands.filter { $0.family == nil }.map(\.name)
    }

    /// A family's command names, each by its first word (`archive` for `archive backup`).
    private func commandNames(_ family: FamilySpec) -> [String] {
        grammar.commands(in: family).compactMap { $0.name.split(separator: " ").first.map(String.init) }
    }

    /// " Did you mean 'x' or 'y'?" after an unknown name, or nothing when no name is near it.
    private func didYouMean(_ word: String, among names: [String], prefix: String = "") -> String {
        let near = NameSuggestions.nearest(word, among: names)
        guard !near.isEmpty else { return "" }
        return " Did you mean " + near.map { "'\(prefix)\($0)'" }.joined(separator: " or ") + "?"
    }

    /// A word as it may appear in an error message: bounded and with control characters escaped,
    /// so hostile input cannot flood or corrupt the output.
    static func shown(_ word: String) -> String {
        var out = ""
        for scalar in word.unicodeScalars.prefix(64) {
            if scalar.value < 0x20 || scalar.value == 0x7f {
                out += "\\x" + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return word.unicodeScalars.count > 64 ? out + "..." : out
    }
}
