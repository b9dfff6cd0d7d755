import LunaShell

/// Matches actual lines against `LinePattern`s, keeping the captures bound so far (they hold for
/// the rest of the transcript, as in FileCheck). Regexes are compiled once per distinct pattern.
final class LineMatcher {
    typealias Bindings = [String: String]

    private var cache: [String: Regex<AnyRegexOutput>] = [:]
    /// Patterns whose regex does not compile, or that use a name never bound: reported in the diff.
    private(set) var problems: [String] = []

    /// The bindings after matching `line`, or nil when it does not match. With `free` set,
    /// `[[NAME]]` of an unbound or differently bound name matches anything (used to align a
    /// failing block, never to pass one).
    func match(_ pattern: LinePattern, _ line: String, _ bindings: Bindings, free: Bool = false) -> Bindings? {
        if pattern.isLiteral { return pattern.text == line ? bindings : nil }
        var source = ""
        var groups: [(group: String, name: String)] = []
        var local: [String: String] = [:]
        for piece in pattern.pieces {
            switch piece {
            case .literal(let text): source += Self.escape(text)
            case .wildcard: source += ".*"
            case .define(let name, let regex):
                let group = "c\(groups.count)"
                groups.append((group, name))
                local[name] = group
                source += "(?<\(group)>\(regex))"
            case .use(let name):
                if let group = local[name] {
                    source += "\\k<\(group)>"
                } else if !free, let value = bindings[name] {
                    source += Self.escape(value)
                } else if free {
                    source += ".*"
                } else {
                    note("[[\(name)]] is used before it is bound: \(pattern.text)")
                    return nil
                }
            }
        }
        guard let regex = compiled(source, pattern: pattern) else { return nil }
        guard let found = try? regex.wholeMatch(in: line) else { return nil }
        var result = bindings
        for (group, name) in groups {
            if let value = found.output[group]?.substring { result[name] = String(value) }
        }
        return result
    }

    private func compiled(_ source: String, pattern: LinePattern) -> Regex<AnyRegexOutput>? {
        if let regex = cache[source] { return regex }
        do {
            let regex = try Regex(source)
            cache[source] = regex
            return regex
        } catch {
            note("bad regular expression in: \(pattern.text)")
            return nil
        }
    }

    private func note(_ problem: String) {
        if !problems.contains(problem) { problems.append(problem) }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
