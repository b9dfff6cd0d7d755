import LunaShell
import LunaSim
import Testing

/// `partition showinfo`, `contents`, `init`, `clear`, `clone` (docs/lunacm-behaviour.md §3.3, §1.6).
@Suite struct PartitionCommandTests {
    @Test func showinfoPinsTheReferenceLayout() throws {
        let world = try RoleCommandTests.world()
        _ = world.run("slot set -slot 1")
        #expect(world.run("partition showinfo") == """

                    Partition Label ->              par1
                    Partition Manufacturer ->       Safenet, Inc.
                    Partition Model ->              LunaSA 7.3.0
                    Partition Serial Number ->      1238700701509
                    Partition Status ->             L3 Device
                    HSM Part Number ->              808-000048-002
                    Token Flags ->
                            CKF_LOGIN_REQUIRED
                            CKF_USER_PIN_INITIALIZED
                            CKF_RESTORE_KEY_NOT_NEEDED
                            CKF_TOKEN_INITIALIZED
                    RPV Initialized ->              Not Supported
                    Slot Id ->                      1
                    Session State ->                CKS_RW_PUBLIC_SESSION
                    Role Status ->                  none logged in
                    Token Flags ->
                            TOKEN_KCV_CREATED
                    Partition OUID: ba91a73ea75575234e7c9008
                    Partition Storage:
                            Total Storage Space:  324096
                            Used Storage Space:   832
                            Free Storage Space:   323264
                            Object Count:         3
                            Overhead:             9648
                    *** The partition is NOT in FIPS 140-2 approved operation mode. ***

            Command Result : No Error

            """)
        _ = world.run("role login -name co -password userpin1")
        let info = world.run("partition showinfo")
        #expect(info.contains("        Session State ->                CKS_RW_USER_FUNCTIONS\n"))
        #expect(info.contains("        Role Status ->                  Crypto Officer logged in\n"))
    }

    @Test func contentsPinsItsLayoutAndNeedsALoginForPrivateObjects() throws {
        let world = try RoleCommandTests.world()
        _ = world.run("slot set -slot 1")
        #expect(world.run("par con") == """

                    No Crypto Officer or Crypto User is logged in. Looking for public
                    objects only.

                    Object list:
                    Label:          rsa-2048-pub
                    Handle:         3
                    Object Type:    Public Key
                    Key Type:       RSA 2048
                    Object UID:     [UID]

                    Number of objects:  1

            Command Result : No Error

            """.replacingOccurrences(of: "[UID]", with: PartitionRendererProbe.uid(serial: "1238700701509", handle: 3)))
        _ = world.run("role login -name co -password userpin1")
        let all = world.run("partition contents")
        #expect(all.hasPrefix("\n        The 'Crypto Officer' is currently logged in. Looking for objects\n        accessible to the 'Crypto Officer'.\n"))
        #expect(all.contains("        Number of objects:  3\n"))
    }

    @Test func initPromptsTwiceForPasswordAndDomainThenAsksProceed() throws {
        let world = try RoleCommandTests.world(answers: ["popin456", "popin456", "domain2", "domain2", "proceed"])
        _ = world.run("slot set -slot 2", "role login -name po -password popin123")
        #expect(world.run("partition init -label fresh") == """

                    Enter password for Partition SO: ********

                    Re-enter password for Partition SO: ********

                    Enter domain for Partition SO: *******

                    Re-enter domain for Partition SO: *******

                    You are about to initialize the partition.
                    All contents of the partition will be destroyed.

                    Are you sure you wish to continue?

                    Type 'proceed' to continue, or 'quit' to quit now ->proceed

            Command Result : No Error

            """)
        _ = world.run("role logout")
        #expect(world.run("role login -name po -password popin456").contains("No Error"))
        #expect(world.run("slot list").contains("Label ->                fresh"))
    }

    @Test func quitStopsInitWithNothingChanged() throws {
        let world = try RoleCommandTests.world(answers: ["quit"])
        _ = world.run("slot set -slot 1", "role login -name po -password popin123")
        let before = try StateFingerprint.canonicalText(world.store)
        #expect(world.run("partition init -label x -password popin456 -domain d2").hasSuffix("Command Result : 0x1 (CKR_CANCEL)\n"))
        #expect(try StateFingerprint.canonicalText(world.store) == before)
    }

    @Test func initOfAnInitializedPartitionNeedsThePO() throws {
        let world = try RoleCommandTests.world()
        #expect(world.run("partition init -label x -password popin456 -domain d2 -force").contains("CKR_USER_NOT_LOGGED_IN"))
    }

    @Test func clearDeletesEveryObjectAfterProceed() throws {
        let world = try RoleCommandTests.world(answers: ["proceed"])
        _ = world.run("slot set -slot 1", "role login -name co -password userpin1")
        #expect(world.run("partition clear").hasSuffix("->proceed\n\n        3 object(s) deleted from partition par1.\n\nCommand Result : No Error\n"))
        #expect(world.run("partition contents").contains("Number of objects:  0"))
    }

    @Test func cloneCopiesObjectsWithinTheDomain() throws {
        let world = try RoleCommandTests.world()
        _ = world.run("slot set -slot 1", "role login -name co -password userpin1")
        #expect(world.run("partition clone -objects 1,3 -slot 0 -password userpin1") == """

                    Object 1 (aes-1) cloned to par0 as object 1.
                    Object 3 (rsa-2048-pub) cloned to par0 as object 2.
                    2 object(s) cloned.

            Command Result : No Error

            """)
        #expect(world.run("partition clone -objects 9 -slot 0 -password userpin1").contains("0x82 (CKR_OBJECT_HANDLE_INVALID)"))
        #expect(world.run("partition clone -objects 0 -slot 2 -password userpin1").contains("CKR_TOKEN_NOT_RECOGNIZED"))
        #expect(world.run("partition clone -objects 0 -slot 0 -password wrong-pin").contains("CKR_PIN_INCORRECT"))
    }
}

/// The object UID the renderer derives, for expected output.
enum PartitionRendererProbe {
    static func uid(serial: String, handle: Int) -> String { ObjectIdentifiers.ouid(serial: serial, salt: handle) }
}
