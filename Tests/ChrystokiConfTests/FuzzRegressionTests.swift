import Testing
@testable import ChrystokiConf

/// Inputs found by the libFuzzer harnesses in Fuzz/ (docs/reliability.md), kept as regression tests.
@Suite struct FuzzRegressionTests {
    /// FuzzConfEdit: a section name "//" + U+0353 (a combining mark) passed the "must not start
    /// like a comment" check, because String.hasPrefix compares Characters and "/\u{353}" is one
    /// Character; the parser reads bytes, so the new header became a comment and the file no
    /// longer parsed (every later lunacm failed).
    @Test(arguments: ["//\u{353}(/lg\u{353}\u{353}uda", "#\u{301}x", "//\u{301}", "#\u{20DD}"])
    func sectionOrKeyStartingLikeACommentBeforeACombiningMarkIsRefused(_ name: String) throws {
        let base = "Misc = {\n   a = 1;\n}\n"
        var document = try ConfDocument.parse(base)
        #expect(throws: ConfError.self) { try document.set("Key", to: "1", in: name) }
        #expect(throws: ConfError.self) { try document.set(name, to: "1", in: "Misc") }
        #expect(document.text == base)
    }
}
