import Foundation
import LunaShell
import LunaSim
import Testing

@Suite struct HAGroupCommandTests {
    /// A world with group `g` made of par0 (primary) and par1.
    func twoMemberGroup(answers: [String] = []) throws -> TestWorld {
        let world = try TestWorld(answers: ["remove"] + answers)
        _ = world.run("hagroup creategroup -label g -slot 0 -password userpin1", "hagroup addmember -group g -slot 1 -password userpin1")
        return world
    }

    @Test func namesAndOptionsAreCaseInsensitiveAndShortNamesWork() throws {
        let world = try TestWorld(answers: ["remove"])
        #expect(world.run("haGroup createGroup -label G -serialNumber 154438865287 -password userpin1").contains("Command Result : No Error"))
        #expect(world.run("ha am -g G -se 1238700701509 -p userpin1").contains("Command Result : No Error"))
        #expect(world.run("HA LG -P userpin1").contains("HA Group Label:  G"))
        #expect(world.run("ha rt -c 3") == "\n        HA Auto Recovery Count has been set to 3\n\nCommand Result : No Error\n")
    }

    @Test func groupNumberWorksWhereTheLabelDoes() throws {
        let world = try twoMemberGroup()
        #expect(world.run("hagroup synchronize -group 1154438865287 -password userpin1").contains("Command Result : No Error"))
        #expect(world.run("hagroup listgroups -group 1154438865287 -password \"\"").contains("HA Group Label:  g"))
    }

    @Test func listGroupsWithoutPasswordSkipsSyncData() throws {
        let world = try twoMemberGroup()
        let output = world.run("hagroup listgroups")
        #expect(output.hasPrefix("\n        If you would like to see synchronization data for group g,\n"))
        #expect(output.contains("        Enter the password: \n"))
        #expect(output.contains("             Needs sync:  unknown\n"))
    }

    @Test func listGroupsLayoutMatchesReference26() throws {
        let world = try twoMemberGroup()
        _ = world.run("hagroup retry -count 500", "hagroup recoverymode -mode activeEnhanced", "hagroup haonly -enable",
                      "hagroup halog -enable -path /tmp/halog")
        #expect(world.run("hagroup listgroups -password userpin1") == """

                          HA auto recovery:  enabled
                          HA recovery mode:  activeEnhanced
               Maximum auto recovery retry:  500
               Auto recovery poll interval:  60 seconds
                                HA logging:  enabled
                        Only Show HA Slots:  yes


                     HA Group Label:  g
                    HA Group Number:  1154438865287
                   HA Group Slot ID:  5
                   Synchronization: enabled
                      Group Members:  154438865287, 1238700701509
                         Needs sync:  no
                    Standby Members:  <none>


            Slot #    Member S/N                      Member Label    Status
            ======    ==========                      ============    ======
            ------  154438865287                              par0     alive
            ------  1238700701509                              par1     alive

            Command Result : No Error

            """)
    }

    @Test func aMemberMissingFromTheFleetIsShownDown() throws {
        let conf = EmbeddedDefaults.chrystokiConf + """
            VirtualToken = {
               VirtualToken00Label = g;
               VirtualToken00SN = 1154438865287;
               VirtualToken00Members = 154438865287,1238700701509,1999999999999;
            }

            """
        let world = try TestWorld(conf: conf)
        #expect(world.run("hagroup listgroups -password \"\"").contains("------  1999999999999                      ------------      down\n"))
    }

    @Test func removingThePrimaryChangesTheGroupNumber() throws {
        let world = try twoMemberGroup()
        let output = world.run("hagroup removemember -group g -slot 0")
        #expect(output.contains("changed from 1154438865287\n        to 11238700701509."))
        #expect(world.confText.contains("VirtualToken00SN = 11238700701509;"))
        #expect(world.confText.contains("VirtualToken00Members = 1238700701509;"))
    }

    @Test func theLastMemberCannotBeRemoved() throws {
        let world = try TestWorld()
        _ = world.run("hagroup creategroup -label g -slot 0 -password userpin1")
        #expect(world.run("hagroup removemember -group g -slot 0").contains("use 'hagroup deletegroup'"))
    }

    @Test func deleteGroupRenumbersLaterGroupsAndKeepsContents() throws {
        let world = try TestWorld(answers: ["copy"])
        _ = world.run("hagroup creategroup -label a -slot 0 -password userpin1", "hagroup creategroup -label b -slot 1 -password userpin1")
        let objects = try world.store.snapshot().objects
        #expect(world.run("hagroup deletegroup -label a") == "\n        The HA group a was successfully deleted.\n\nCommand Result : No Error\n")
        #expect(world.confText.contains("VirtualToken00Label = b;"))
        #expect(!world.confText.contains("VirtualToken01"))
        #expect(try world.store.snapshot().objects == objects)
        #expect(world.run("hagroup deletegroup -label a").contains("There is no HA group with the label or group number a."))
    }

    @Test func standbyMembersAreListedAndKeptInTheConf() throws {
        let world = try twoMemberGroup()
        #expect(world.run("hagroup addstandby -group g -serialNumber 1238700701509").contains("is now a standby member of group g"))
        #expect(world.confText.contains("gStandbyMembers = 1238700701509;"))
        #expect(world.run("hagroup listgroups -password \"\"").contains("        Standby Members:  1238700701509\n"))
        #expect(world.run("hagroup addstandby -group g -slot 1").contains("already a standby member"))
        #expect(world.run("hagroup removestandby -group g -slot 1").contains("is now an active member"))
        #expect(world.run("hagroup listgroups -password \"\"").contains("        Standby Members:  <none>\n"))
        #expect(world.run("hagroup addstandby -group g -slot 9").contains("CKR_SLOT_ID_INVALID"))
    }

    @Test func synchronizeEnableAndDisableWriteHASynchronize() throws {
        let world = try twoMemberGroup()
        _ = world.run("hagroup synchronize -group g -disable")
        #expect(world.confText.contains("   g = 0;\n"))
        #expect(world.run("hagroup listgroups -password \"\"").contains("       Synchronization: disabled\n"))
        _ = world.run("hagroup synchronize -group g -enable")
        #expect(world.confText.contains("   g = 1;\n"))
    }

    @Test func settingsCommandsWriteHAConfigurationAndRefuseOutOfRange() throws {
        let world = try TestWorld()
        #expect(world.run("hagroup interval -interval 120") == "\n        HA Auto Recovery Interval has been set to 120 seconds\n\nCommand Result : No Error\n")
        #expect(world.confText.contains("AutoReconnectInterval = 120;"))
        #expect(world.run("hagroup interval -interval 59").contains("CKR_ARGUMENTS_BAD"))
        #expect(world.run("hagroup retry -count 501").contains("CKR_ARGUMENTS_BAD"))
        #expect(world.run("hagroup retry -count -1").contains("set to -1"))
        #expect(world.confText.contains("reconnAtt = -1;"))
        #expect(world.run("hagroup recoverymode -mode activeenhanced").contains("set to activeEnhanced"))
        #expect(world.confText.contains("VirtualTokenActiveRecovery = activeEnhanced;"))
        #expect(world.run("hagroup recoverymode -mode fast").contains("CKR_ARGUMENTS_BAD"))
        #expect(world.run("hagroup haonly -show").contains("HA Only mode is disabled."))
        _ = world.run("hagroup haonly -enable")
        #expect(world.confText.contains("HAOnly = 1;"))
        #expect(world.run("hagroup halog -path relative/dir").contains("absolute directory"))
        _ = world.run("hagroup halog -enable -path /var/log/ha -maxlength 100000000")
        #expect(world.confText.contains("haLogStatus = enabled;") && world.confText.contains("haLogPath = /var/log/ha;")
                    && world.confText.contains("logLen = 100000000;"))
    }

    @Test func aRefusedSettingChangesNoFile() throws {
        let world = try TestWorld()
        let conf = world.confText
        for line in ["hagroup retry -count 1000", "hagroup interval -interval 5", "hagroup halog -path \"a;b\"",
                     "hagroup halog -path \"/x}y\"", "hagroup synchronize -group nope -enable"] {
            #expect(world.run(line).contains("Command Result : 0x"), "\(line)")
        }
        #expect(world.confText == conf)
    }

    @Test func aPasswordPromptAtEndOfInputFailsInsteadOfWaiting() throws {
        let world = try TestWorld(answers: [])
        let output = world.run("hagroup creategroup -label g -slot 0")
        #expect(output.hasSuffix("Command Result : 0x1 (CKR_CANCEL)\n"))
        #expect(!world.confText.contains("VirtualToken"))
    }

    @Test func loggedInMemberRefusesHACommandsUntilLoggedOut() throws {
        let world = try twoMemberGroup()
        _ = world.run("slot set -slot 1", "role login -name co -password userpin1")
        #expect(world.run("hagroup synchronize -group g -password userpin1").contains("Command Result : 0x80000069 (CKR_ACCESS_ID_ALREADY_EXISTS)"))
        #expect(world.run("role login -name co -password userpin1").contains("CKR_USER_ALREADY_LOGGED_IN"))
        _ = world.run("role logout")
        #expect(world.run("hagroup synchronize -group g -password userpin1").contains("Command Result : No Error"))
    }
}
