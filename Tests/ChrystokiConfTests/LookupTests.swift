import Testing
@testable import ChrystokiConf

/// Section names match case-insensitively (original spelling kept); keys case-sensitively.
@Suite struct LookupTests {
    @Test func sectionNamesMatchCaseInsensitivelyKeysCaseSensitively() throws {
        let document = try ConfDocument.parse(Fixtures.linuxClient10)
        #expect(document.value("ServerName01", in: "lunasa client") == "10.0.0.12")
        #expect(document.value("servername01", in: "LunaSA Client") == nil)
        #expect(document.sectionNames.contains("LunaSA Client"))
    }

    @Test func valuesAreTrimmedAndKeepInnerSpaces() throws {
        let document = try ConfDocument.parse("A = {\n  K   =   v w  ;\n}\n")
        #expect(document.value("K", in: "A") == "v w")
    }

    @Test func entriesListInFileOrder() throws {
        let document = try ConfDocument.parse(Fixtures.windowsIni)
        #expect(document.entries(in: "HAConfiguration") == [
            ConfEntry(key: "HAOnly", value: "1"),
            ConfEntry(key: "reconnAtt", value: "500"),
            ConfEntry(key: "AutoReconnectInterval", value: "60"),
        ])
        #expect(document.value("LibNT", in: "chrystoki2") == "C:\\Program Files\\SafeNet\\LunaClient\\cryptoki.dll")
    }

    @Test func duplicateSectionsAreKeptAndTheFirstWins() throws {
        var document = try ConfDocument.parse("Luna = {\n   A = 1;\n}\nLuna = {\n   A = 2;\n}\n")
        #expect(document.sectionNames == ["Luna", "Luna"])
        #expect(document.value("A", in: "Luna") == "1")
        try document.set("A", to: "3", in: "Luna")
        #expect(document.text == "Luna = {\n   A = 3;\n}\nLuna = {\n   A = 2;\n}\n")
    }
}
