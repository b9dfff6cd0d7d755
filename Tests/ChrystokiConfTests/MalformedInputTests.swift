import Testing
@testable import ChrystokiConf

/// A file outside the grammar gives one error with the path, 1-based line and 1-based column
/// (UTF-8 bytes) of the first problem; never a crash.
@Suite struct MalformedInputTests {
    static func error(_ bytes: [UInt8], _ grammar: ConfGrammar? = nil) -> ConfError? {
        do {
            _ = try ConfDocument.parse(bytes: bytes, grammar: grammar, path: "/etc/Chrystoki.conf")
            return nil
        } catch {
            return error
        }
    }

    static func error(_ text: String, _ grammar: ConfGrammar? = nil) -> ConfError? {
        error(Array(text.utf8), grammar)
    }

    static let cases: [(String, String, Int, Int, String)] = [
        ("unclosed brace", "Luna = {\n   A = 1;\n\nMisc = {\n", 1, 8, "unclosed '{' of section 'Luna' (missing '}' before line 4)"),
        ("unclosed brace at end", "Luna = {\n   A = 1;\n}\n  Misc   = {\n   B = 2;\n", 4, 12, "unclosed '{' of section 'Misc' (missing '}')"),
        ("missing semicolon", "Luna = {\n   DefaultTimeOut = 500000\n}\n", 2, 27, "missing ';' after value"),
        ("key outside any section", "Luna = {\n}\n  A = 1;\n", 3, 3, "key 'A' outside any section"),
        ("stray closing brace", "Luna = {\n}\n}\n", 3, 1, "'}' without an open section"),
        ("missing equals", "Luna = {\n   A 1;\n}\n", 2, 7, "missing '=' before ';'"),
        ("text after semicolon", "Luna = {\n   A = 1; B = 2;\n}\n", 2, 11, "unexpected text after ';'"),
        ("text after brace", "Luna = { A = 1;\n}\n", 1, 10, "unexpected text after '{'"),
        ("missing name", "Luna = {\n   = 1;\n}\n", 2, 4, "missing name before '='"),
        ("ini key outside section", "[A]\n", 0, 0, ""),
        ("ini missing bracket", "[A\nk=v\n", 1, 3, "missing ']' after section name"),
        ("ini missing equals", "[A]\nkey value\n", 2, 10, "missing '=' after key"),
        ("ini key before any section", "k=v\n[A]\n", 1, 1, "key 'k' outside any section"),
        ("NUL byte", "Luna = {\n   A = 1\u{0};\n}\n", 2, 9, "NUL byte is not allowed"),
        ("control character", "Luna = {\n\u{1B}[31m\n}\n", 2, 1, "control character U+001B is not allowed"),
        ("lone carriage return", "Luna = {\r   A = 1;\r\n}\r\n", 1, 9, "control character U+000D is not allowed"),
    ]

    @Test(arguments: cases)
    func reportsLineAndColumn(name: String, text: String, line: Int, column: Int, message: String) {
        let grammar: ConfGrammar? = name.hasPrefix("ini") ? .ini : nil
        guard line > 0 else {
            #expect(Self.error(text, grammar) == nil, "\(name) should parse")
            return
        }
        let error = Self.error(text, grammar)
        #expect(error == ConfError(.syntax, path: "/etc/Chrystoki.conf", line: line, column: column, message: message), "\(name)")
    }

    @Test func descriptionIsPathLineColumnMessage() throws {
        let error = try #require(Self.error("Luna = {\n   A = 1\n}\n"))
        #expect(error.description == "/etc/Chrystoki.conf:2:9: missing ';' after value")
    }

    @Test func invalidUTF8IsReportedAtTheBadByte() throws {
        let bytes = Array("Misc = {\n   Note = caf".utf8) + [0xC3, 0x28] + Array(";\n}\n".utf8)
        let error = try #require(Self.error(bytes))
        #expect((error.line, error.column) == (2, 14))
        #expect(error.message == "invalid UTF-8 byte 0xC3")
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let error = Self.error(Array("A = {\n".utf8) + bad)
            #expect(error?.line == 2 && error?.kind == .syntax, "\(bad)")
        }
    }

    @Test func aOneMegabyteLineIsHandledInLinearTime() throws {
        let big = String(repeating: "x", count: 1 << 20)
        let accepted = "Misc = {\n   Blob = \(big);\n}\n"
        let document = try ConfDocument.parse(accepted)
        #expect(document.value("Blob", in: "Misc")?.utf8.count == 1 << 20)
        #expect(document.text == accepted)
        let error = try #require(Self.error("Misc = {\n   Blob = \(big)\n}\n"))
        #expect((error.line, error.column, error.message) == (2, 11 + (1 << 20), "missing ';' after value"))
        let bigKey = try #require(Self.error("Misc = {\n" + big + "\n}\n"))
        #expect((bigKey.line, bigKey.column) == (2, 1 + (1 << 20)))
    }
}
