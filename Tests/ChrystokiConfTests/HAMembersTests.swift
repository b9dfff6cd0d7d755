import Testing
@testable import ChrystokiConf

/// Member and serial edits rewrite one value in place and keep the list's separator style.
@Suite struct HAMembersTests {
    @Test func addingAMemberKeepsTheCommaWithoutSpaceStyle() throws {
        var ha = HAConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        let members = try #require(ha.group("myHAgroup")).members
        try ha.setMembers(ofGroup: "myHAgroup", to: members + ["1500000000001"])
        #expect(ha.document.text == Fixtures.linuxClient10.replacing(
            "VirtualToken00Members = 154438865287,1238700701509;",
            with: "VirtualToken00Members = 154438865287,1238700701509,1500000000001;"))
    }

    @Test func rewritingAListKeepsCommaSpaceStyle() throws {
        let text = "VirtualToken = {\n   VirtualToken00Label = g;\n   VirtualToken00SN = 11;\n   VirtualToken00Members = 1, 2;   // primary first\n}\n"
        var ha = HAConfig(try ConfDocument.parse(text))
        try ha.setMembers(ofGroup: "g", to: ["2", "3", "4"])
        try ha.setSerial(ofGroup: "g", to: "12")
        #expect(ha.document.text == "VirtualToken = {\n   VirtualToken00Label = g;\n   VirtualToken00SN = 12;\n   VirtualToken00Members = 2, 3, 4;   // primary first\n}\n")
    }

    @Test func addingAMemberInIni() throws {
        var ha = HAConfig(try ConfDocument.parse(Fixtures.windowsIni))
        try ha.setMembers(ofGroup: "myHAgroup", to: ["154438865287", "1238700701509", "9"])
        #expect(ha.document.text == Fixtures.windowsIni.replacing(
            "VirtualToken00Members=154438865287,1238700701509", with: "VirtualToken00Members=154438865287,1238700701509,9"))
    }

    @Test func editingAnUnknownGroupThrowsNotFound() throws {
        var ha = HAConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        #expect(throws: ConfError.self) { try ha.setMembers(ofGroup: "MYHAGROUP", to: ["1"]) }
        #expect(ha.document.text == Fixtures.linuxClient10)
    }

    @Test func standbyMembersLiveUnderHAConfiguration() throws {
        var ha = HAConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        try ha.setStandby(ofGroup: "myHAgroup", to: ["1238700701509"])
        #expect(ha.document.value("myHAgroupStandbyMembers", in: "HAConfiguration") == "1238700701509")
        #expect(ha.group("myHAgroup")?.standbyMembers == ["1238700701509"])
        try ha.setStandby(ofGroup: "myHAgroup", to: [])
        #expect(ha.document.text == Fixtures.linuxClient10)
    }
}
