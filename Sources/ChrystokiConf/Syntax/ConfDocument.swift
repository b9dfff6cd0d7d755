/// A parsed `Chrystoki.conf` or `crystoki.ini` that prints back to exactly the bytes it was
/// parsed from, and that edits in place.
///
/// LunaCM rewrites the client's configuration file for HA commands; operators keep comments,
/// ordering and hand-made spacing in it, and automation diffs it. So the model is a lossless
/// syntax tree: `ConfDocument.parse(text).text == text` byte for byte, and an edit changes only
/// the bytes it is about.
///
/// Lookup rules: section names match case-insensitively (the Luna library and the Windows ini API
/// treat them so) and keep their original spelling; keys match case-sensitively, because several
/// keys are HA group labels (`HASynchronize { myGroup = 1; }`) and labels are case-sensitive.
/// With duplicate sections or keys, the first one wins for reading and editing.
public struct ConfDocument: Sendable, Equatable, CustomStringConvertible {
    public let grammar: ConfGrammar
    /// Used in error messages only.
    public var path: String
    var lines: [ConfLine]

    init(grammar: ConfGrammar, path: String, lines: [ConfLine]) {
        self.grammar = grammar
        self.path = path
        self.lines = lines
    }

    /// Parses text. The grammar is detected from `path` and the content when not given.
    public static func parse(_ text: String, grammar: ConfGrammar? = nil,
                             path: String = "Chrystoki.conf") throws(ConfError) -> ConfDocument {
        try parse(bytes: Array(text.utf8), grammar: grammar, path: path)
    }

    /// Parses raw file bytes; invalid UTF-8, NUL and other control characters (except TAB and
    /// the CR of a CRLF) are errors with the line and column of the offending byte.
    public static func parse(bytes: [UInt8], grammar: ConfGrammar? = nil,
                             path: String = "Chrystoki.conf") throws(ConfError) -> ConfDocument {
        let grammar = grammar ?? (path.lowercased().hasSuffix(".ini") ? .ini : ConfGrammar.detect(bytes: bytes))
        let lines = try ConfParser(bytes: bytes, grammar: grammar, path: path).parse()
        return ConfDocument(grammar: grammar, path: path, lines: lines)
    }

    /// An empty document, for a file that does not exist yet.
    public static func empty(grammar: ConfGrammar = .brace, path: String = "Chrystoki.conf") -> ConfDocument {
        ConfDocument(grammar: grammar, path: path, lines: [])
    }

    /// The file's text: the parsed bytes, with edits applied.
    public var text: String {
        var out = ""
        for line in lines {
            out += line.text
            out += line.ending
        }
        return out
    }

    public var bytes: [UInt8] { Array(text.utf8) }

    public var description: String { text }

    /// Equal when the texts and grammars are equal; `path` is only a label for messages.
    public static func == (a: ConfDocument, b: ConfDocument) -> Bool {
        a.grammar == b.grammar && a.lines == b.lines
    }

    // MARK: - Reading

    /// Section names in file order, original spelling, duplicates included.
    public var sectionNames: [String] {
        lines.filter { $0.role == .header }.map(\.name)
    }

    public func hasSection(_ section: String) -> Bool {
        span(of: section) != nil
    }

    /// The value of the first `key` in the first section named `section`.
    public func value(_ key: String, in section: String) -> String? {
        guard let span = span(of: section), let i = entryIndex(key, in: span) else { return nil }
        return lines[i].value
    }

    /// The entries of the first section named `section`, in file order.
    public func entries(in section: String) -> [ConfEntry] {
        guard let span = span(of: section) else { return [] }
        return lines[span.body].filter { $0.role == .entry }.map { ConfEntry(key: $0.name, value: $0.value) }
    }

    // MARK: - Structure

    /// Where a section's lines are: the header, and the body up to (not including) the closing
    /// `}` (brace) or the next header (ini).
    struct Span {
        var header: Int
        var bodyEnd: Int
        var body: Range<Int> { (header + 1)..<bodyEnd }
    }

    func spans() -> [Span] {
        var result: [Span] = []
        var current: Int?
        for (i, line) in lines.enumerated() {
            switch line.role {
            case .header:
                if let h = current { result.append(Span(header: h, bodyEnd: i)) }
                current = i
            case .close:
                if let h = current { result.append(Span(header: h, bodyEnd: i)) }
                current = nil
            case .entry, .trivia:
                break
            }
        }
        if let h = current { result.append(Span(header: h, bodyEnd: lines.count)) }
        return result
    }

    func span(of section: String) -> Span? {
        var current: Int?
        for (i, line) in lines.enumerated() {
            switch line.role {
            case .header:
                if let h = current { return Span(header: h, bodyEnd: i) }
                if Self.sameIgnoringASCIICase(line.name, section) { current = i }
            case .close:
                if let h = current { return Span(header: h, bodyEnd: i) }
            case .entry, .trivia:
                break
            }
        }
        return current.map { Span(header: $0, bodyEnd: lines.count) }
    }

    /// Section names compare case-insensitively; comparing bytes avoids allocating lower-cased
    /// copies on every lookup (lookups are the hot path of a long batch of read commands).
    static func sameIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8) { x, y in
            x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7a)
        }
    }

    func entryIndex(_ key: String, in span: Span) -> Int? {
        span.body.first { lines[$0].role == .entry && lines[$0].name == key }
    }

    func lastEntryIndex(in span: Span) -> Int? {
        span.body.last { lines[$0].role == .entry }
    }
}

/// One `key = value` pair as read from a section.
public struct ConfEntry: Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public var description: String { "\(key) = \(value)" }
}
