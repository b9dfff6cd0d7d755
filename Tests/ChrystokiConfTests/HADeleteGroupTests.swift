import Testing
@testable import ChrystokiConf

/// Deleting a group removes all its keys and renumbers the later groups in place, so the
/// indexes stay contiguous (the Luna library stops reading at the first gap).
@Suite struct HADeleteGroupTests {
    static let threeGroups = """
        VirtualToken = {
           VirtualToken00Label = alpha;
           VirtualToken00SN = 1100;
           VirtualToken00Members = 100,101;
           VirtualToken01Label = beta;
           VirtualToken01SN = 1200;
           VirtualToken01Members = 200;
           VirtualToken02Label = gamma;
           VirtualToken02SN = 1300;
           VirtualToken02Members = 300, 301;
           VirtualTokenActiveRecovery = activeBasic;
        }

        HASynchronize = {
           alpha = 1;
           beta = 1;
           gamma = 0;
        }

        HARecovery = {
           beta = 1;
        }

        HAConfiguration = {
           HAOnly = 1;
           betaStandbyMembers = 200;
        }

        """

    @Test func deletingAMiddleGroupRenumbersTheLaterOne() throws {
        var ha = HAConfig(try ConfDocument.parse(Self.threeGroups))
        let removed = try ha.deleteGroup(label: "beta")
        #expect(removed)
        #expect(ha.document.text == """
            VirtualToken = {
               VirtualToken00Label = alpha;
               VirtualToken00SN = 1100;
               VirtualToken00Members = 100,101;
               VirtualToken01Label = gamma;
               VirtualToken01SN = 1300;
               VirtualToken01Members = 300, 301;
               VirtualTokenActiveRecovery = activeBasic;
            }

            HASynchronize = {
               alpha = 1;
               gamma = 0;
            }

            HARecovery = {
            }

            HAConfiguration = {
               HAOnly = 1;
            }

            """)
        #expect(ha.groups.map(\.label) == ["alpha", "gamma"])
        #expect(ha.groups.map(\.index) == [0, 1])
    }

    @Test func deletingTheLastGroupLeavesTheOthersAlone() throws {
        var ha = HAConfig(try ConfDocument.parse(Self.threeGroups))
        try ha.deleteGroup(label: "gamma")
        #expect(ha.groups.map(\.label) == ["alpha", "beta"])
        #expect(!ha.document.text.contains("VirtualToken02"))
        #expect(!ha.document.text.contains("gamma"))
    }

    @Test func deletingInIniRenumbers() throws {
        let ini = "[VirtualToken]\nVirtualToken00Label=a\nVirtualToken00SN=1\nVirtualToken00Members=1\nVirtualToken01Label=b\nVirtualToken01SN=2\nVirtualToken01Members=2\n[HASynchronize]\na=1\nb=1\n"
        var ha = HAConfig(try ConfDocument.parse(ini))
        try ha.deleteGroup(label: "a")
        #expect(ha.document.text == "[VirtualToken]\nVirtualToken00Label=b\nVirtualToken00SN=2\nVirtualToken00Members=2\n[HASynchronize]\nb=1\n")
    }

    @Test func deletingAnUnknownLabelChangesNothing() throws {
        var ha = HAConfig(try ConfDocument.parse(Self.threeGroups))
        let removed = try ha.deleteGroup(label: "Beta")
        #expect(!removed)
        #expect(ha.document.text == Self.threeGroups)
    }
}
