import Testing
@testable import ChrystokiConf

/// Generic edits change only the bytes they are about.
@Suite struct DocumentEditTests {
    @Test func settingAValueKeepsSpacingSemicolonAndComment() throws {
        var document = try ConfDocument.parse("Luna = {\n\tA   =   1 ;  // keep\n}\n")
        try document.set("A", to: "2", in: "LUNA")
        #expect(document.text == "Luna = {\n\tA   =   2 ;  // keep\n}\n")
    }

    @Test func aNewEntryFollowsItsNeighbourButNeverATab() throws {
        var spaced = try ConfDocument.parse("Luna = {\n  A=1;\n  // note\n}\n")
        try spaced.set("B", to: "2", in: "Luna")
        #expect(spaced.text == "Luna = {\n  A=1;\n  B=2;\n  // note\n}\n")
        var tabbed = try ConfDocument.parse("Luna = {\n\tA\t= 1;\n}\n")
        try tabbed.set("B", to: "2", in: "Luna")
        #expect(tabbed.text == "Luna = {\n\tA\t= 1;\n   B = 2;\n}\n")
        var empty = try ConfDocument.parse("Luna = {\n}\n")
        try empty.set("B", to: "2", in: "Luna")
        #expect(empty.text == "Luna = {\n   B = 2;\n}\n")
    }

    @Test func aNewSectionKeepsCRLFAndTheMissingFinalNewline() throws {
        var crlf = try ConfDocument.parse("Luna = {\r\n   A = 1;\r\n}\r\n")
        try crlf.set("HAOnly", to: "1", in: "HAConfiguration")
        #expect(crlf.text == "Luna = {\r\n   A = 1;\r\n}\r\n\r\nHAConfiguration = {\r\n   HAOnly = 1;\r\n}\r\n")
        var noFinal = try ConfDocument.parse("Luna = {\n   A = 1;\n}")
        try noFinal.set("HAOnly", to: "1", in: "HAConfiguration")
        #expect(noFinal.text == "Luna = {\n   A = 1;\n}\n\nHAConfiguration = {\n   HAOnly = 1;\n}")
        var ini = try ConfDocument.parse("[A]\nk=v")
        try ini.set("j", to: "w", in: "A")
        #expect(ini.text == "[A]\nk=v\nj=w")
        var fresh = ConfDocument.empty()
        try fresh.set("k", to: "v", in: "A")
        #expect(fresh.text == "A = {\n   k = v;\n}\n")
    }

    @Test func insertPlacesAfterTheNamedKeyOrAtTheTop() throws {
        var document = try ConfDocument.parse("S = {\n   A = 1;\n   C = 3;\n}\n")
        try document.insert("B", value: "2", in: "S", after: "A")
        try document.insert("Z", value: "0", in: "S", after: nil)
        #expect(document.text == "S = {\n   Z = 0;\n   A = 1;\n   B = 2;\n   C = 3;\n}\n")
        #expect(throws: ConfError.self) { try document.insert("A", value: "9", in: "S", after: nil) }
    }

    @Test func deleteRemovesTheWholeLine() throws {
        var document = try ConfDocument.parse("S = {\n   A = 1; // a\n   B = 2;\n}\n")
        let removed = document.delete("A", in: "s")
        let again = document.delete("A", in: "S")
        #expect(removed && !again)
        #expect(document.text == "S = {\n   B = 2;\n}\n")
        var ini = try ConfDocument.parse("[S]\nA=1\nB=2")
        ini.delete("B", in: "S")
        #expect(ini.text == "[S]\nA=1")
    }

    @Test func renameKeepsTheLine() throws {
        var document = try ConfDocument.parse("S = {\n  Old=1;  # c\n   B = 2;\n}\n")
        let renamed = try document.renameKey("Old", to: "New", in: "S")
        #expect(renamed)
        #expect(document.text == "S = {\n  New=1;  # c\n   B = 2;\n}\n")
        #expect(throws: ConfError.self) { try document.renameKey("New", to: "B", in: "S") }
    }

    @Test func deleteSectionRemovesItAndOneSeparator() throws {
        let text = "A = {\n}\n\nB = {\n   k = v;\n}\n\nC = {\n}\n"
        var middle = try ConfDocument.parse(text)
        let removed = middle.deleteSection("b")
        #expect(removed)
        #expect(middle.text == "A = {\n}\n\nC = {\n}\n")
        var last = try ConfDocument.parse(text)
        last.deleteSection("C")
        #expect(last.text == "A = {\n}\n\nB = {\n   k = v;\n}\n")
        var first = try ConfDocument.parse(text)
        first.deleteSection("A")
        #expect(first.text == "B = {\n   k = v;\n}\n\nC = {\n}\n")
        var ini = try ConfDocument.parse("[A]\nk=1\n\n; about B\n[B]\nj=2\n")
        ini.deleteSection("A")
        #expect(ini.text == "; about B\n[B]\nj=2\n")
        let missing = ini.deleteSection("Nope")
        #expect(!missing)
    }
}
