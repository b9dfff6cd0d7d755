import LunaShell

/// One expected line: literal text, or text with `[..]` (any text on the line), `[[NAME:REGEX]]`
/// (binds what REGEX matched) and `[[NAME]]` (the text bound earlier). Trailing spaces are part
/// of the line: LunaCM's output has meaningful ones.
struct LinePattern: Sendable, Equatable {
    enum Piece: Sendable, Equatable {
        case literal(String)
        case wildcard
        case define(name: String, regex: String)
        case use(name: String)
    }

    let text: String
    let pieces: [Piece]

    var isLiteral: Bool { pieces.allSatisfy { if case .literal = $0 { true } else { false } } }

    /// Names this line binds, in order.
    var definitions: [String] {
        pieces.compactMap { if case .define(let name, _) = $0 { name } else { nil } }
    }

    init(_ text: String) {
        self.text = text
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("[..]") {
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(.wildcard)
                rest = rest.dropFirst(4)
                continue
            }
            if rest.hasPrefix("[["), let capture = Self.capture(rest) {
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(capture.piece)
                rest = capture.rest
                continue
            }
            literal.append(rest.removeFirst())
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// `[[NAME]]` or `[[NAME:REGEX]]` at the start of `text`; the regex ends at the first `]]`
    /// after which the capture closes. NAME is letters, digits and `_`.
    private static func capture(_ text: Substring) -> (piece: Piece, rest: Substring)? {
        let inner = text.dropFirst(2)
        let name = inner.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard !name.isEmpty, let first = name.first, !first.isNumber else { return nil }
        let after = inner.dropFirst(name.count)
        if after.hasPrefix("]]") {
            return (.use(name: String(name)), after.dropFirst(2))
        }
        guard after.hasPrefix(":"), let close = after.range(of: "]]") else { return nil }
        let regex = after[after.index(after: after.startIndex)..<close.lowerBound]
        guard !regex.isEmpty else { return nil }
        return (.define(name: String(name), regex: String(regex)), after[close.upperBound...])
    }
}
