import LunaSim

/// What Tab offers for a line: LunaCM itself has no completion, but an operator at a keyboard
/// expects the shell's names and the live state's values. Everything is derived from
/// the grammar (families, commands, short names, typed options), so a new command completes
/// without a line here. Pure: the line and a snapshot of the state in, words out.
public struct Completer: Sendable {
    public let grammar: Grammar

    public init(grammar: Grammar = .lunacm) { self.grammar = grammar }

    /// The candidates for the word that ends at the end of `line` (the text before the cursor).
    public func complete(_ line: String, values: CompletionValues) -> Completion {
        guard let (done, word) = Self.split(line) else { return Completion(word: "", candidates: []) }
        return Completion(word: word, candidates: candidates(after: done, word: word, values: values))
    }

    /// The finished words and the partial one; nil inside an open quote or for a line the
    /// tokenizer refuses (completion never guesses at those).
    static func split(_ line: String) -> ([String], String)? {
        let scalars = Array(line.unicodeScalars)
        var start = scalars.count
        while start > 0, scalars[start - 1] != " ", scalars[start - 1] != "\t" { start -= 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[start...])
        var head = String.UnicodeScalarView()
        head.append(contentsOf: scalars[..<start])
        guard !word.contains("\""), let done = try? Tokenizer.tokenize(String(head)) else { return nil }
        return (done, String(word))
    }

    private func candidates(after done: [String], word: String, values: CompletionValues) -> [String] {
        guard let first = done.first else {
            let names = grammar.commands.filter { $0.family == nil }.map { ($0.name, $0.shortNames) }
                + grammar.families.map { ($0.name, [$0.shortName]) }
            return Self.matching(word, names: names)
        }
        if first == "?" || first.lowercased() == "help" {
            // `help <topic>`: the topic words complete as a command line would, without options.
            guard done.count < 3 else { return [] }
            return done.count == 1 ? candidates(after: [], word: word, values: values)
                : commandWords(Array(done.dropFirst()), word: word).words
        }
        if let entry = grammar.topLevel(first) {
            return optionCandidates(entry.spec, words: Array(done.dropFirst()), word: word, values: values)
        }
        let found = commandWords(done, word: word)
        guard let entry = found.entry else { return found.words }
        return optionCandidates(entry.spec, words: Array(done.dropFirst(1 + found.length)), word: word, values: values)
    }

    /// After a family name: the command (possibly two words long) the words select, or the names
    /// that can follow them.
    private func commandWords(_ done: [String], word: String) -> (entry: Grammar.Entry?, length: Int, words: [String]) {
        guard let family = grammar.family(done[0]) else { return (nil, 0, []) }
        let rest = done.dropFirst()
        if let (entry, length) = grammar.command(rest, in: family) { return (entry, length, []) }
        var names: [(String, [String])] = []
        for spec in grammar.commands(in: family) {
            let nameWords = spec.name.split(separator: " ").map(String.init)
            guard nameWords.count > rest.count,
                  zip(nameWords, rest).allSatisfy({ $0.lowercased() == $1.lowercased() }) else { continue }
            names.append((nameWords[rest.count], nameWords.count == 1 ? spec.shortNames : []))
        }
        return (nil, 0, Self.matching(word, names: names))
    }

    /// Inside a command's options: a value for the option just named, else the options not yet
    /// given (a one-of group counts as given once one of it is).
    private func optionCandidates(_ spec: CommandSpec, words: [String], word: String, values: CompletionValues) -> [String] {
        var given: Set<String> = []
        var index = 0
        while index < words.count {
            guard words[index].hasPrefix("-"), let option = spec.option(named: String(words[index].dropFirst())) else {
                index += 1
                continue
            }
            given.insert(option.name)
            if option.kind != .flag {
                if index + 1 == words.count { return valueCandidates(option, of: spec, word: word, values: values) }
                index += 1
            }
            index += 1
        }
        guard word.isEmpty || word.hasPrefix("-") else { return [] }
        for rule in spec.rules where rule.names.contains(where: given.contains) { given.formUnion(rule.names) }
        let open = spec.options.filter { !given.contains($0.name) }
        return Self.matching(String(word.dropFirst()), names: open.map { ($0.name, $0.shortcuts) }).map { "-" + $0 }
    }

    /// Values where they can be listed. Never a secret's. Free-text and number options are known
    /// by their LunaCM names, which mean the same thing in every family (`-slot`, `-serialNumber`,
    /// `-group`, `-policy`), so a new command's options complete without a change here.
    private func valueCandidates(_ option: OptionSpec, of spec: CommandSpec, word: String, values: CompletionValues) -> [String] {
        let offered: [String]
        switch option.kind {
        case .secret, .flag:
            return []
        case .choice(let words):
            // A choice with a space ("Crypto Officer") would need quotes; its short form is offered.
            offered = words.filter { !$0.contains(" ") }
        case .integer, .text:
            switch option.name.lowercased() {
            case "slot":
                // An HA member is a partition; elsewhere any slot, virtual ones included.
                offered = (spec.family == HAGroupCommands.family.name ? values.partitionSlots : values.slots).map(String.init)
            case "serialnumber":
                offered = values.partitionSerials
            case "group":
                offered = values.groupLabels + values.groupNumbers
            case "policy":
                let catalog = spec.family == HSMCommands.family.name ? PolicyCatalog.hsm : PolicyCatalog.partition
                offered = catalog.map { String($0.number) }
            default:
                offered = []
            }
        }
        // A value with a blank (a group label may have one) is offered in the quotes it needs.
        return Self.unique(offered.filter { $0.lowercased().hasPrefix(word.lowercased()) }
            .map { $0.contains(" ") || $0.contains("\t") ? "\"\($0)\"" : $0 })
    }

    /// Full names that start with `word` (case-insensitively); when none does, the short names
    /// that do, so `hagroup lg<Tab>` still completes.
    static func matching(_ word: String, names: [(String, [String])]) -> [String] {
        let prefix = word.lowercased()
        let full = names.map(\.0).filter { $0.lowercased().hasPrefix(prefix) }
        if !full.isEmpty { return unique(full) }
        return unique(names.flatMap(\.1).filter { $0.lowercased().hasPrefix(prefix) })
    }

    private static func unique(_ words: [String]) -> [String] {
        var seen: Set<String> = []
        return words.filter { seen.insert($0).inserted }
    }
}

/// Tab's answer: the partial word as typed and what may replace it.
public struct Completion: Sendable, Equatable {
    public let word: String
    public let candidates: [String]

    public init(word: String, candidates: [String]) {
        self.word = word
        self.candidates = candidates
    }

    /// What replaces the typed word now: the one candidate and a space, or the longest start the
    /// candidates share when it says more than the word; nil when only a listing can help.
    public var replacement: String? {
        if candidates.count == 1 { return candidates[0] + " " }
        guard let first = candidates.first else { return nil }
        var shared = first.count
        for candidate in candidates.dropFirst() {
            shared = min(shared, zip(first.lowercased(), candidate.lowercased()).prefix { $0 == $1 }.count)
        }
        let common = String(first.prefix(shared))
        return common.count > word.count ? common : nil
    }
}
