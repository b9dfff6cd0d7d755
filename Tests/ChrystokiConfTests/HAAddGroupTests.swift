import Testing
@testable import ChrystokiConf

/// `addGroup` writes the three VirtualToken keys in the reference-5.3 order and `<label> = 1;`
/// under HASynchronize; every other byte stays.
@Suite struct HAAddGroupTests {
    @Test func addingAGroupToAFreshClientCreatesVirtualTokenAndHASynchronize() throws {
        var ha = HAConfig(try ConfDocument.parse(Fixtures.defaultConf))
        let index = try ha.addGroup(label: "myHAgroup", serial: "1154438865287", members: ["154438865287"])
        #expect(index == 0)
        #expect(ha.document.text == Fixtures.defaultConf + """

            VirtualToken = {
               VirtualToken00Label = myHAgroup;
               VirtualToken00SN = 1154438865287;
               VirtualToken00Members = 154438865287;
            }

            HASynchronize = {
               myHAgroup = 1;
            }

            """)
        #expect(ha.groups == [HAGroupConfig(index: 0, label: "myHAgroup", serial: "1154438865287",
                                            members: ["154438865287"], standbyMembers: [], synchronize: true)])
    }

    @Test func aSecondGroupGoesAfterTheFirstAndBeforeActiveRecovery() throws {
        var ha = HAConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        try ha.addGroup(label: "second", serial: "1475193015", members: ["475193015", "475193016"])
        let expected = Fixtures.linuxClient10
            .replacing("""
                   VirtualToken00Members = 154438865287,1238700701509;

                """, with: """
                   VirtualToken00Members = 154438865287,1238700701509;
                   VirtualToken01Label = second;
                   VirtualToken01SN = 1475193015;
                   VirtualToken01Members = 475193015,475193016;

                """)
            .replacing("   myHAgroup = 1;\n", with: "   myHAgroup = 1;\n   second = 1;\n")
        #expect(ha.document.text == expected)
        #expect(ha.groups.map(\.label) == ["myHAgroup", "second"])
    }

    @Test func aGroupInAnExistingVirtualTokenSectionGoesAtItsTop() throws {
        let text = "VirtualToken = {\n  VirtualTokenActiveRecovery = activeEnhanced;\n}\n"
        var ha = HAConfig(try ConfDocument.parse(text))
        try ha.addGroup(label: "g", serial: "1", members: [])
        #expect(ha.document.text == """
            VirtualToken = {
              VirtualToken00Label = g;
              VirtualToken00SN = 1;
              VirtualToken00Members = ;
              VirtualTokenActiveRecovery = activeEnhanced;
            }

            HASynchronize = {
               g = 1;
            }

            """)
    }

    @Test func addingAGroupToAnIniFileUsesIniSpelling() throws {
        var ha = HAConfig(try ConfDocument.parse("[Chrystoki2]\r\nLibNT=C:\\lib.dll\r\n"))
        try ha.addGroup(label: "g1", serial: "1700", members: ["700"])
        #expect(ha.document.text == "[Chrystoki2]\r\nLibNT=C:\\lib.dll\r\n\r\n[VirtualToken]\r\nVirtualToken00Label=g1\r\nVirtualToken00SN=1700\r\nVirtualToken00Members=700\r\n\r\n[HASynchronize]\r\ng1=1\r\n")
    }
}
