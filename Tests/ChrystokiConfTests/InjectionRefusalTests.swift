import Testing
@testable import ChrystokiConf

/// Text that would change the file's structure is refused before anything changes.
@Suite struct InjectionRefusalTests {
    static let hostile = ["label;x", "a}b", "a{", "a=b", "a\nb", "a\u{1}", "a\rb", "a\tb", " lead", "trail ", "a\u{7F}"]

    @Test(arguments: hostile)
    func hostileLabelsAreRefusedAndTheDocumentIsUnchanged(label: String) throws {
        let original = try ConfDocument.parse(Fixtures.linuxClient10)
        var ha = HAConfig(original)
        #expect(throws: ConfError.self) { try ha.addGroup(label: label, serial: "1", members: ["1"]) }
        #expect(throws: ConfError.self) { try ha.addGroup(label: "ok", serial: label, members: ["1"]) }
        #expect(throws: ConfError.self) { try ha.addGroup(label: "ok", serial: "1", members: ["2", label]) }
        #expect(throws: ConfError.self) { try ha.setLogPath(label) }
        #expect(throws: ConfError.self) { try HAConfig.validateLabel(label) }
        #expect(ha.document == original)
        #expect(ha.document.text == Fixtures.linuxClient10)

        var document = original
        #expect(throws: ConfError.self) { try document.set("Key", to: label, in: "Misc") }
        #expect(throws: ConfError.self) { try document.set(label, to: "v", in: "Misc") }
        #expect(throws: ConfError.self) { try document.set("Key", to: "v", in: label) }
        #expect(throws: ConfError.self) { try document.renameKey("ToolsDir", to: label, in: "Misc") }
        #expect(document.text == Fixtures.linuxClient10)
    }

    @Test func refusalNamesTheTextAndTheReason() {
        #expect(throws: ConfError(.invalidText, path: "", message: "invalid group label \"a\\nb\": a line break is not allowed")) {
            try HAConfig.validateLabel("a\nb")
        }
        #expect(throws: ConfError(.invalidText, path: "", message: "invalid value \"label;x\": ';' is not allowed")) {
            try ConfDocument.validate("label;x", as: .value)
        }
    }

    @Test func keysThatWouldReadAsCommentsOrIniHeadersAreRefused() {
        #expect(throws: ConfError.self) { try ConfDocument.validate("#x", as: .key) }
        #expect(throws: ConfError.self) { try ConfDocument.validate("//x", as: .section) }
        #expect(throws: ConfError.self) { try ConfDocument.validate("[x", as: .key, grammar: .ini) }
        #expect(throws: ConfError.self) { try ConfDocument.validate("a]", as: .section, grammar: .ini) }
        #expect(throws: ConfError.self) { try ConfDocument.validate("", as: .key) }
        #expect(throws: ConfError.self) { try HAConfig.validateSerial("1,2") }
    }

    @Test func ordinaryTextIsAccepted() throws {
        try ConfDocument.validate("/usr/safenet/lunaclient/bin", as: .value)
        try ConfDocument.validate("C:\\Program Files\\x", as: .value, grammar: .ini)
        try ConfDocument.validate("LunaSA Client", as: .section)
        try ConfDocument.validate("", as: .value)
        try HAConfig.validateLabel("myHAgroup")
        try HAConfig.validateLabel("café-1")
    }
}
