/// The two spellings of the same key/value model that Luna clients read.
///
/// Linux and UNIX clients read `Chrystoki.conf` in the brace grammar (`Section = {` ...
/// `Key = value;` ... `}`); Windows clients read `crystoki.ini` in the ini grammar (`[Section]`,
/// `Key=value`). Both are modelled by one document type so the HA view works on either.
public enum ConfGrammar: String, Sendable, Equatable, CaseIterable {
    case brace
    case ini

    /// Picks the grammar of a file: a name ending in `.ini` is ini; otherwise the first line that
    /// is neither blank nor a comment decides (`[...]` means ini); an empty file is brace.
    public static func detect(path: String, text: String) -> ConfGrammar {
        if path.lowercased().hasSuffix(".ini") { return .ini }
        return detect(bytes: Array(text.utf8))
    }

    static func detect(bytes: [UInt8]) -> ConfGrammar {
        var i = 0
        while i < bytes.count {
            var j = i
            while j < bytes.count, bytes[j] == .space || bytes[j] == .tab { j += 1 }
            if j < bytes.count {
                let b = bytes[j]
                let isComment = b == .hash || b == .semicolon
                    || (b == .slash && j + 1 < bytes.count && bytes[j + 1] == .slash)
                if b == .openBracket { return .ini }
                if b != .newline && b != .cr && !isComment { return .brace }
            }
            while j < bytes.count, bytes[j] != .newline { j += 1 }
            i = j + 1
        }
        return .brace
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
    static let tab = UInt8(ascii: "\t")
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let slash = UInt8(ascii: "/")
    static let semicolon = UInt8(ascii: ";")
    static let equals = UInt8(ascii: "=")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let comma = UInt8(ascii: ",")

    var isBlank: Bool { self == .space || self == .tab }
}
