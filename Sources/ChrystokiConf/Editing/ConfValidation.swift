/// Which part of a line a piece of text is meant for; each part has its own forbidden characters.
public enum ConfField: Sendable, Equatable {
    case section
    case key
    case value

    var noun: String {
        switch self {
        case .section: "section name"
        case .key: "key"
        case .value: "value"
        }
    }
}

extension ConfDocument {
    /// Refuses text that would change the structure of the file if written, so that no edit can
    /// inject a `;`, a brace or a line into Chrystoki.conf (a group label or a path typed by a
    /// user ends up in the file verbatim).
    ///
    /// Refused everywhere: `;`, `{`, `}`, `=`, line feed, carriage return, TAB and every other
    /// control character, and leading or trailing blanks (they would not survive a re-read).
    /// Section names and keys must also be non-empty and must not start like a comment (`#`,
    /// `//`); ini section names must not contain `[` or `]`, and ini keys must not start with `[`.
    /// Call it before a larger transaction to fail before anything changes; every editing method
    /// calls it too.
    /// - Parameter noun: what to call the text in the message (`group label`, `serial number`).
    public static func validate(_ text: String, as field: ConfField, grammar: ConfGrammar = .brace,
                                noun: String? = nil, path: String = "") throws(ConfError) {
        let noun = noun ?? field.noun
        func refuse(_ why: String) -> ConfError {
            ConfError(.invalidText, path: path, message: "invalid \(noun) \(text.debugDescription): \(why)")
        }
        if field != .value && text.isEmpty { throw refuse("it must not be empty") }
        for scalar in text.unicodeScalars {
            switch scalar {
            case ";", "{", "}", "=":
                throw refuse("'\(scalar)' is not allowed")
            case "\n": throw refuse("a line break is not allowed")
            case "\r": throw refuse("a carriage return is not allowed")
            case "\t": throw refuse("a TAB is not allowed")
            case "[" where grammar == .ini && field == .section, "]" where grammar == .ini && field == .section:
                throw refuse("'\(scalar)' is not allowed in an ini section name")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    throw refuse("control character U+\(hex4(scalar.value)) is not allowed")
                }
            }
        }
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           first.properties.isWhitespace || last.properties.isWhitespace {
            throw refuse("leading or trailing blanks are not allowed")
        }
        if field != .value {
            // Bytes, not Characters: the parser reads bytes, and "//" followed by a combining mark
            // is one Character for String.hasPrefix (found by Fuzz/FuzzConfEdit).
            if text.utf8.starts(with: "#".utf8) || text.utf8.starts(with: "//".utf8) { throw refuse("it must not start like a comment") }
            if grammar == .ini && field == .key && text.utf8.starts(with: "[".utf8) { throw refuse("it must not start with '['") }
        }
    }
}

private func hex4(_ v: UInt32) -> String {
    let digits = Array("0123456789ABCDEF")
    return (0..<4).reversed().map { String(digits[Int((v >> (UInt32($0) * 4)) & 0xF)]) }.joined()
}
