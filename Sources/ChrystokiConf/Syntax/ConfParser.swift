/// Turns bytes into lines, or reports the first place where the file leaves the grammar.
///
/// Works on UTF-8 bytes with one pass per line, so cost is linear in the file size even for a
/// single 1 MB line. Accepted per line (leading blanks allowed everywhere):
/// - brace: blank; `//...` or `#...`; `Name = {` (+ blanks/comment); `Key = value;`
///   (+ blanks/comment); `}` (+ blanks/comment).
/// - ini: blank; `;...` or `#...`; `[Name]` (+ blanks); `Key=value`.
struct ConfParser {
    let bytes: [UInt8]
    let grammar: ConfGrammar
    let path: String

    func parse() throws(ConfError) -> [ConfLine] {
        try checkEncoding()
        var lines: [ConfLine] = []
        // Brace grammar: the open section's name and the position of its `{`.
        var open: (name: String, line: Int, column: Int)?
        var inIniSection = false
        var start = 0
        var number = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != .newline { end += 1 }
            let hasNewline = end < bytes.count
            var contentEnd = end
            if hasNewline, contentEnd > start, bytes[contentEnd - 1] == .cr { contentEnd -= 1 }
            var line: ConfLine
            switch grammar {
            case .brace:
                line = try braceLine(start, contentEnd, number, &open)
            case .ini:
                line = try iniLine(start, contentEnd, number, &inIniSection)
            }
            line.ending = hasNewline ? (contentEnd < end ? "\r\n" : "\n") : ""
            lines.append(line)
            start = end + 1
            number += 1
        }
        if let open {
            throw ConfError(.syntax, path: path, line: open.line, column: open.column,
                            message: "unclosed '{' of section '\(open.name)' (missing '}')")
        }
        return lines
    }

    // MARK: - Encoding

    private func checkEncoding() throws(ConfError) {
        let bad = firstInvalidUTF8Offset(bytes)
        // Control characters are checked only before the first invalid byte, so the error is
        // always the first problem in the file.
        let limit = bad ?? bytes.count
        var i = 0
        while i < limit {
            let b = bytes[i]
            if b < 0x20 || b == 0x7F {
                let allowed = b == .tab || b == .newline
                    || (b == .cr && i + 1 < bytes.count && bytes[i + 1] == .newline)
                if !allowed {
                    let (line, column) = position(of: i)
                    let what = b == 0 ? "NUL byte" : "control character \(hex(b))"
                    throw ConfError(.syntax, path: path, line: line, column: column,
                                    message: "\(what) is not allowed")
                }
            }
            i += 1
        }
        if let bad {
            let (line, column) = position(of: bad)
            throw ConfError(.syntax, path: path, line: line, column: column,
                            message: "invalid UTF-8 byte \(hex(bytes[bad], prefix: "0x"))")
        }
    }

    private func hex(_ b: UInt8, prefix: String = "U+00") -> String {
        let digits = Array("0123456789ABCDEF")
        return prefix + String(digits[Int(b >> 4)]) + String(digits[Int(b & 0xF)])
    }

    private func position(of offset: Int) -> (Int, Int) {
        var line = 1, lineStart = 0
        for i in 0..<offset where bytes[i] == .newline {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }

    // MARK: - Helpers

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[from..<to], as: UTF8.self)
    }

    private func skipBlanks(_ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, bytes[i].isBlank { i += 1 }
        return i
    }

    private func trimBack(_ from: Int, _ to: Int) -> Int {
        var to = to
        while to > from, bytes[to - 1].isBlank { to -= 1 }
        return to
    }

    private func isBraceComment(_ i: Int, _ end: Int) -> Bool {
        i < end && (bytes[i] == .hash || (bytes[i] == .slash && i + 1 < end && bytes[i + 1] == .slash))
    }

    private func fail(_ line: Int, _ offsetInFile: Int, _ lineStart: Int, _ message: String) -> ConfError {
        ConfError(.syntax, path: path, line: line, column: offsetInFile - lineStart + 1, message: message)
    }

    /// Requires the rest of the line to be blanks or a comment.
    private func expectEndOfLine(_ i: Int, _ end: Int, _ start: Int, _ number: Int, after what: String) throws(ConfError) {
        let j = skipBlanks(i, end)
        if j < end && !isBraceComment(j, end) {
            throw fail(number, j, start, "unexpected text after '\(what)'")
        }
    }

    // MARK: - Brace grammar

    private func braceLine(_ start: Int, _ end: Int, _ number: Int,
                           _ open: inout (name: String, line: Int, column: Int)?) throws(ConfError) -> ConfLine {
        let i = skipBlanks(start, end)
        if i == end || isBraceComment(i, end) {
            return ConfLine(role: .trivia, suffix: text(start, end))
        }
        if bytes[i] == .closeBrace {
            guard open != nil else { throw fail(number, i, start, "'}' without an open section") }
            try expectEndOfLine(i + 1, end, start, number, after: "}")
            open = nil
            return ConfLine(role: .close, prefix: text(start, i), suffix: text(i, end))
        }
        var k = i
        while k < end {
            let b = bytes[k]
            if b == .equals || b == .semicolon || b == .openBrace || b == .closeBrace { break }
            k += 1
        }
        guard k < end, bytes[k] == .equals else {
            let found = k < end ? "before '\(Character(Unicode.Scalar(bytes[k])))'" : "after '\(text(i, end))'"
            throw fail(number, k, start, "missing '=' \(found)")
        }
        let nameEnd = trimBack(i, k)
        if nameEnd == i { throw fail(number, k, start, "missing name before '='") }
        let name = text(i, nameEnd)
        let j = skipBlanks(k + 1, end)
        if j < end, bytes[j] == .openBrace {
            if let outer = open {
                throw ConfError(.syntax, path: path, line: outer.line, column: outer.column,
                                message: "unclosed '{' of section '\(outer.name)' (missing '}' before line \(number))")
            }
            try expectEndOfLine(j + 1, end, start, number, after: "{")
            open = (name, number, j - start + 1)
            return ConfLine(role: .header, prefix: text(start, i), name: name, middle: text(nameEnd, end))
        }
        guard open != nil else {
            throw fail(number, i, start, "key '\(name)' outside any section")
        }
        var semi = j
        while semi < end, bytes[semi] != .semicolon { semi += 1 }
        let valueEnd = trimBack(j, semi)
        guard semi < end else {
            throw fail(number, valueEnd, start, "missing ';' after value")
        }
        try expectEndOfLine(semi + 1, end, start, number, after: ";")
        return ConfLine(role: .entry, prefix: text(start, i), name: name, middle: text(nameEnd, j),
                        value: text(j, valueEnd), suffix: text(valueEnd, end))
    }

    // MARK: - Ini grammar

    private func iniLine(_ start: Int, _ end: Int, _ number: Int, _ inSection: inout Bool) throws(ConfError) -> ConfLine {
        let i = skipBlanks(start, end)
        if i == end || bytes[i] == .semicolon || bytes[i] == .hash {
            return ConfLine(role: .trivia, suffix: text(start, end))
        }
        if bytes[i] == .openBracket {
            var close = i + 1
            while close < end, bytes[close] != .closeBracket { close += 1 }
            guard close < end else { throw fail(number, end, start, "missing ']' after section name") }
            let nameStart = skipBlanks(i + 1, close)
            let nameEnd = trimBack(nameStart, close)
            if nameStart == nameEnd { throw fail(number, i + 1, start, "empty section name") }
            let after = skipBlanks(close + 1, end)
            if after < end { throw fail(number, after, start, "unexpected text after ']'") }
            inSection = true
            return ConfLine(role: .header, prefix: text(start, nameStart), name: text(nameStart, nameEnd),
                            middle: text(nameEnd, end))
        }
        var eq = i
        while eq < end, bytes[eq] != .equals { eq += 1 }
        guard eq < end else { throw fail(number, trimBack(i, end), start, "missing '=' after key") }
        let keyEnd = trimBack(i, eq)
        if keyEnd == i { throw fail(number, eq, start, "missing key before '='") }
        let key = text(i, keyEnd)
        guard inSection else { throw fail(number, i, start, "key '\(key)' outside any section") }
        let j = skipBlanks(eq + 1, end)
        let valueEnd = trimBack(j, end)
        return ConfLine(role: .entry, prefix: text(start, i), name: key, middle: text(keyEnd, j),
                        value: text(j, valueEnd), suffix: text(valueEnd, end))
    }
}
