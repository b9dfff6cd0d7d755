import LunaSim

/// Keeps credentials out of everything the simulator writes besides the state: echoed commands,
/// the history file and recorded transcripts (docs/contracts.md "Secrets").
public enum Redactor {
    public static let mask = "********"

    /// The line with every secret option's value replaced by the mask. A line that does not
    /// parse is masked conservatively: the word after anything that could name a secret option.
    public static func redact(_ line: String, grammar: Grammar = .lunacm) -> String {
        guard let tokens = try? Tokenizer.tokenize(line) else { return mask }
        let secretOptions = secretPositions(tokens, grammar: grammar)
        guard !secretOptions.isEmpty else { return line }
        return tokens.enumerated().map { index, token in
            secretOptions.contains(index) ? mask : quoted(token)
        }.joined(separator: " ")
    }

    /// True when the line carries a secret, so it must never reach the history file.
    public static func carriesSecret(_ line: String, grammar: Grammar = .lunacm) -> Bool {
        guard let tokens = try? Tokenizer.tokenize(line) else { return true }
        return !secretPositions(tokens, grammar: grammar).isEmpty
    }

    /// Indexes of tokens that are secret values.
    public static func secretPositions(_ tokens: [String], grammar: Grammar) -> Set<Int> {
        var positions: Set<Int> = []
        if case .command(let command)? = try? Parser(grammar: grammar).parse(tokens) {
            for (index, token) in tokens.enumerated() where token.hasPrefix("-") && index + 1 < tokens.count {
                if let option = command.spec.option(named: String(token.dropFirst())), option.kind == .secret {
                    positions.insert(index + 1)
                }
            }
            return positions
        }
        let secretNames = Set(grammar.commands.flatMap(\.options).filter { $0.kind == .secret }
            .flatMap { [$0.name] + $0.shortcuts }.map { $0.lowercased() })
        for (index, token) in tokens.enumerated() where token.hasPrefix("-") && index + 1 < tokens.count {
            let name = String(token.dropFirst()).lowercased()
            if secretNames.contains(name) || looksSecret(name) { positions.insert(index + 1) }
        }
        return positions
    }

    /// Option names that carry credentials in LunaCM whatever the command (`-password`, `-p`,
    /// `-oldpw`, `-newpw`, `-challenge`), for lines the grammar cannot place.
    static func looksSecret(_ name: String) -> Bool {
        name == "p" || ["pass", "pw", "secret", "challenge", "pin"].contains { name.contains($0) }
    }

    public static func quoted(_ token: String) -> String {
        token.isEmpty || token.contains(" ") || token.contains("\t") ? "\"\(token)\"" : token
    }
}
