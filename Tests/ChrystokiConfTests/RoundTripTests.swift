import Testing
@testable import ChrystokiConf

/// `parse(text).text == text`, byte for byte, for every file the parser accepts.
@Suite struct RoundTripTests {
    static let accepted: [(String, String)] = [
        ("docs/lunacm-behaviour.md §5.4", Fixtures.linuxClient10),
        ("docs/lunacm-behaviour.md §5.5", Fixtures.luna53),
        ("docs/lunacm-behaviour.md §5.6", Fixtures.windowsIni),
        ("Config/Chrystoki.conf", Fixtures.defaultConf),
        ("comments", "// client file\n# generated\nLuna = {\n   // timeouts\n   DefaultTimeOut = 500000; // ms\n   # hash comment\n}\n// trailing\n"),
        ("tight and loose spacing", "Luna = {\nA=1;\n   B   =   value with spaces ;\n\tC\t=\t2;\t\n}\n"),
        ("sections with spaces and indentation", "  LunaSA Client   =   {  \n      ServerName00 = 10.0.0.1;\n  }  \n"),
        ("CRLF", "Luna = {\r\n   A = 1;\r\n\r\n}\r\n"),
        ("mixed line ends", "Luna = {\n   A = 1;\r\n}\n"),
        ("no final newline", "Luna = {\n   A = 1;\n}"),
        ("unknown sections and keys", "Whatever = {\n   Some Unknown Key = a, b ,c;\n}\nToggles = {\n   lunacm_cv_ha_ui = 0;\n}\n"),
        ("empty value and empty section", "Luna = {\n   A = ;\n}\nEmpty = {\n}\n"),
        ("duplicate sections", "Luna = {\n   A = 1;\n}\nLuna = {\n   A = 2;\n}\n"),
        ("value with slashes and braces-free punctuation", "Misc = {\n   Url = http://host:1/x?y#z;\n}\n"),
        ("empty file", ""),
        ("only blank lines", "\n\n  \n"),
        ("non-ASCII", "Misc = {\n   Note = café ✓;\n}\n"),
        ("ini with comments and CRLF", "; comment\r\n[Chrystoki2]\r\nLibNT = C:\\x\\y.dll  \r\n\r\n# c\r\n[Misc]\r\nToolsDir=C:\\Tools\r\n"),
        ("ini without final newline", "[A]\nk=v"),
        ("ini empty value", "[A]\nk=\nj =  \n"),
    ]

    @Test(arguments: accepted)
    func printsBackTheExactBytes(name: String, text: String) throws {
        let document = try ConfDocument.parse(text)
        #expect(Array(document.text.utf8) == Array(text.utf8), "\(name)")
        let fromBytes = try ConfDocument.parse(bytes: Array(text.utf8))
        #expect(fromBytes == document)
    }

    @Test func defaultConfIsPresentAndParsedAsBrace() throws {
        let document = try ConfDocument.parse(Fixtures.defaultConf)
        #expect(!Fixtures.defaultConf.isEmpty)
        #expect(document.grammar == .brace)
        #expect(document.sectionNames == ["Chrystoki2", "Luna", "CardReader", "Misc", "LunaSA Client", "Secure Trusted Channel"])
    }

    @Test func grammarIsDetectedFromNameThenContent() {
        #expect(ConfGrammar.detect(path: "C:/x/crystoki.INI", text: "") == .ini)
        #expect(ConfGrammar.detect(path: "crystoki.txt", text: "; c\n\n[A]\n") == .ini)
        #expect(ConfGrammar.detect(path: "Chrystoki.conf", text: "// c\nA = {\n}\n") == .brace)
        #expect(ConfGrammar.detect(path: "Chrystoki.conf", text: "") == .brace)
    }
}
