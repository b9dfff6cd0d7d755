import LunaShell

/// Matches one command's actual output against its expected block: pattern lines, `...` lines
/// (any number of lines, possibly none) and `#!` comments (ignored). When the block does not
/// match, it also builds the "normalized actual" block: the actual output with every line that a
/// pattern still matches written as that pattern, and runs swallowed by a `...` written as `...`.
/// That block is both the right-hand side of the diff (so only real differences show) and what
/// `--update` writes (so wildcards and captures that still match survive).
struct BlockMatcher {
    enum Item: Equatable {
        case pattern(LinePattern)
        case elision
        case comment(String)

        var text: String {
            switch self {
            case .pattern(let pattern): pattern.text
            case .elision: BlockMatcher.elision
            case .comment(let text): text
            }
        }
    }

    static let elision = "..."
    static let commentPrefix = "#!"

    /// The block's items up to its last line that is neither blank nor a comment.
    let items: [Item]
    /// Blank lines and comments after that: kept on update, never compared (a blank line before
    /// the next prompt is how a terminal session reads).
    let tail: [String]
    /// The non-comment items, which are what is matched.
    let expected: [Item]

    init(_ lines: some Sequence<String>) {
        var items: [Item] = lines.map { line in
            if line == Self.elision { return .elision }
            if line.hasPrefix(Self.commentPrefix) { return .comment(line) }
            return .pattern(LinePattern(line))
        }
        let end = (items.lastIndex { item in
            switch item {
            case .comment: false
            case .pattern(let pattern): !pattern.text.isEmpty
            case .elision: true
            }
        } ?? -1) + 1
        tail = items[end...].map(\.text)
        items.removeSubrange(end...)
        self.items = items
        expected = items.filter { if case .comment = $0 { false } else { true } }
    }

    /// The bindings after a full match, or nil. `...` takes as few lines as it can.
    func match(_ actual: [String], _ bindings: LineMatcher.Bindings, _ matcher: LineMatcher) -> LineMatcher.Bindings? {
        var budget = 100_000
        return match(0, 0, actual, bindings, matcher, &budget)
    }

    private func match(_ i: Int, _ j: Int, _ actual: [String], _ bindings: LineMatcher.Bindings,
                       _ matcher: LineMatcher, _ budget: inout Int) -> LineMatcher.Bindings? {
        budget -= 1
        guard budget > 0 else { return nil }
        if i == expected.count { return j == actual.count ? bindings : nil }
        switch expected[i] {
        case .elision:
            if i + 1 == expected.count { return bindings }
            for k in j...actual.count {
                if let found = match(i + 1, k, actual, bindings, matcher, &budget) { return found }
            }
            return nil
        case .pattern(let pattern):
            guard j < actual.count, let next = matcher.match(pattern, actual[j], bindings) else { return nil }
            return match(i + 1, j + 1, actual, next, matcher, &budget)
        case .comment:
            return match(i + 1, j, actual, bindings, matcher, &budget)
        }
    }

    /// The actual output written in the expected block's terms (see the type's comment).
    /// Also returns the bindings made along the way, for the blocks after this one.
    func normalize(_ actual: [String], _ bindings: LineMatcher.Bindings,
                   _ matcher: LineMatcher) -> (lines: [String], bindings: LineMatcher.Bindings) {
        // Longest common subsequence of pattern items and actual lines, patterns matched loosely.
        let patterns = items.indices.filter { if case .pattern = items[$0] { true } else { false } }
        let n = patterns.count, m = actual.count
        var table = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        var matches = [[Bool]](repeating: [Bool](repeating: false, count: m), count: n)
        for a in 0..<n {
            guard case .pattern(let pattern) = items[patterns[a]] else { continue }
            for b in 0..<m { matches[a][b] = matcher.match(pattern, actual[b], bindings, free: true) != nil }
        }
        if n > 0, m > 0 {
            for a in stride(from: n - 1, through: 0, by: -1) {
                for b in stride(from: m - 1, through: 0, by: -1) {
                    table[a][b] = matches[a][b] ? table[a + 1][b + 1] + 1 : max(table[a + 1][b], table[a][b + 1])
                }
            }
        }
        var pairs: [(item: Int, line: Int)] = []
        var a = 0, b = 0
        while a < n, b < m {
            if matches[a][b], table[a][b] == table[a + 1][b + 1] + 1 {
                pairs.append((patterns[a], b)); a += 1; b += 1
            } else if table[a + 1][b] >= table[a][b + 1] {
                a += 1
            } else {
                b += 1
            }
        }
        // Walk the gaps between aligned pairs.
        var out: [String] = []
        var running = bindings
        var item = 0, line = 0
        for anchor in pairs + [(items.count, actual.count)] {
            let gapItems = items[item..<anchor.item]
            let gapLines = actual[line..<anchor.line]
            for case .comment(let text) in gapItems { out.append(text) }
            if gapItems.contains(.elision) {
                out.append(Self.elision)
            } else {
                out += gapLines
            }
            if anchor.item < items.count, case .pattern(let pattern) = items[anchor.item] {
                // Loosely aligned is not matched: a capture used with another value shows as is.
                if let next = matcher.match(pattern, actual[anchor.line], running) {
                    running = next
                    out.append(pattern.text)
                } else {
                    out.append(actual[anchor.line])
                }
            }
            item = anchor.item + 1
            line = anchor.line + 1
        }
        return (out + tail, running)
    }
}
