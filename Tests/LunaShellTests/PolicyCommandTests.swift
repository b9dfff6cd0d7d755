import LunaShell
import LunaSim
import Testing

/// `partition showpolicies` / `changepolicy` and `hsm showpolicies` / `changehsmpolicy`
/// (docs/lunacm-behaviour.md §6.3): layout, comma lists, capability checks, destructive changes.
@Suite struct PolicyCommandTests {
    @Test func partitionShowpoliciesPinsTheLayout() throws {
        let output = try RoleCommandTests.world().run("partition showpolicies")
        #expect(output.hasPrefix("""

                    Partition policies for Partition: par0

                    Partition Capabilities
                            0: Enable private key cloning : 1
                            1: Enable private key wrapping : 1

            """))
        #expect(output.contains("                39: Enable Start/End Date Attributes : 1\n        Partition Policies\n"))
        #expect(output.contains("                0: Allow private key cloning : 1\n"))
        #expect(output.contains("                22: Enable activation : 0\n"))
        #expect(output.contains("                22: Allow activation : 0\n"))
        #expect(output.hasSuffix("                39: Allow Start/End Date Attributes : 0\n\nCommand Result : No Error\n"))
    }

    @Test func verboseSaysWhatEachPolicyTakes() throws {
        let output = try RoleCommandTests.world().run("partition showpolicies -verbose")
        #expect(output.contains("                0: Allow private key cloning : 1\n                        (values 0 or 1; destructive when turned on)\n"))
        #expect(output.contains("                20: Max failed user logins allowed : 10\n                        (values 1 to 10 (may only be lowered); not destructive)\n"))
        #expect(output.contains("                22: Allow activation : 0\n                        (cannot be turned on (capability 0); not destructive)\n"))
    }

    @Test func changepolicyTakesCommaListsAndAsksProceedForDestructiveOnes() throws {
        let world = try RoleCommandTests.world(answers: ["proceed"])
        _ = world.run("slot set -slot 2", "role login -name po -password popin123")
        #expect(world.run("par changepo -p 0,4 -v 1,1") == """

                    *** WARNING *** Changing these policies is destructive:
                            0: Allow private key cloning
                            4: Allow secret key cloning
                    All objects on partition par2 will be deleted.

                    Are you sure you wish to continue?

                    Type 'proceed' to continue, or 'quit' to quit now ->proceed

                    Partition policy 0 set to 1.
                    Partition policy 4 set to 1.

            Command Result : No Error

            """)
        #expect(world.run("partition changepolicy -policy 0,4 -value 0,0") == "\n        Partition policy 0 set to 0.\n        Partition policy 4 set to 0.\n\nCommand Result : No Error\n")
        #expect(world.run("partition changepolicy -policy 0 -value 1 -force").contains("No Error"))
    }

    @Test func badChangesAreRefusedAndChangeNothing() throws {
        let world = try RoleCommandTests.world(answers: ["quit"])
        _ = world.run("role login -name po -password popin123")
        let before = try StateFingerprint.canonicalText(world.store)
        #expect(world.run("partition changepolicy -policy 99 -value 1").contains("0x8000007b (CKR_POLICY_ID_INVALID)"))
        #expect(world.run("partition changepolicy -policy 11,22 -value 1,1").contains("0x80000077 (CKR_CONFIG_CHANGE_ILLEGAL)"))
        #expect(world.run("partition changepolicy -policy 20 -value 11").contains("0x80000077 (CKR_CONFIG_CHANGE_ILLEGAL)"))
        #expect(world.run("partition changepolicy -policy 0 -value 2").contains("0x7 (CKR_ARGUMENTS_BAD)"))
        #expect(world.run("partition changepolicy -policy 0,4 -value 1").contains("0x7 (CKR_ARGUMENTS_BAD)"))
        #expect(try StateFingerprint.canonicalText(world.store) == before)
        _ = world.run("partition changepolicy -policy 0 -value 0 -force")
        let afterOff = try StateFingerprint.canonicalText(world.store)
        #expect(world.run("partition changepolicy -policy 0 -value 1").contains("0x1 (CKR_CANCEL)"))
        #expect(try StateFingerprint.canonicalText(world.store) == afterOff)
        #expect(before != afterOff)
    }

    @Test func hsmShowpoliciesPinsTheLayout() throws {
        let output = try RoleCommandTests.world().run("hsm showpolicies")
        #expect(output.hasPrefix("\n        HSM policies for HSM: 700101\n\n        HSM Capabilities\n                0: Enable PIN-based authentication : 1\n                1: Enable PED-based authentication : 0\n"))
        #expect(output.contains("        HSM Policies\n                4: Allow domestic algorithms : 0\n"))
        #expect(output.contains("                15: SO can reset partition PIN : 1\n"))
        #expect(output.contains("                21: Force user PIN change after set/reset : 1\n"))
    }

    @Test func changehsmpolicyNeedsTheSOAndAsksProceedForDestructiveOnes() throws {
        let world = try RoleCommandTests.world(answers: ["proceed"])
        _ = world.run("slot set -slot 1")
        #expect(world.run("hsm changehsmpolicy -policy 21 -value 0").contains("CKR_USER_NOT_LOGGED_IN"))
        _ = world.run("role login -name so -password sopin123")
        #expect(world.run("hsm changehsmpolicy -policy 21 -value 0") == "\n        HSM policy 21 set to 0.\n\nCommand Result : No Error\n")
        let destructive = world.run("hsm changehsmpolicy -policy 7 -value 0")
        #expect(destructive.contains("        *** WARNING *** Changing this policy is destructive:\n                7: Allow cloning\n        All objects on every partition of HSM 700102 will be deleted.\n"))
        #expect(destructive.hasSuffix("        HSM policy 7 set to 0.\n        3 object(s) were deleted.\n\nCommand Result : No Error\n"))
        #expect(world.run("hsm changehsmpolicy -policy 0 -value 0").contains("CKR_CONFIG_CHANGE_ILLEGAL"))
    }

    /// Every section of the syscheck capture (docs/hsm-showinfo.md): issue 14
    /// replaced the serial shown as the label and added the missing sections.
    @Test func hsmShowinfoPinsItsLayout() throws {
        let world = try RoleCommandTests.world()
        #expect(world.run("hsm showinfo") == """

                    HSM Label ->                    myLunaHSM
                    HSM Manufacturer ->             Safenet, Inc.
                    HSM Model ->                    LunaSA 7.3.0
                    HSM Part Number ->              808-000048-002
                    HSM Serial Number ->            700101
                    Token Flags ->
                            CKF_RNG
                            CKF_RESTORE_KEY_NOT_NEEDED
                            CKF_TOKEN_INITIALIZED
                    RPV Initialized ->              No
                    Slot Id ->                      0
                    Session State ->                CKS_RW_PUBLIC_SESSION
                    Role Status ->                  none logged in
                    Authentication ->               Password
                    Partition SMK OUIDs:
                            SMK-FW4:            Not Initialized
                            SMK-FW6:            Not Initialized
                            SMK-FW7-FM:         Not Initialized
                            SMK-FW7-Rollover:   Not Initialized
                            SMK-FW7-Primary:    f79f7608654def3eec1e01a7
                    Partition Storage:
                            Total Storage Space:  324096
                            Used Storage Space:   0
                            Free Storage Space:   324096
                            Object Count:         0
                            Overhead:             9648
                    *** The HSM is NOT in FIPS approved operation mode. ***
                    FM HW Status ->                 FM Ready
                    Firmware Version ->             7.3.0
                    Bootloader Version ->           1.1.2
                    Rollback Firmware Version ->    Not Available
                    System Times:
                            HSM :        Thu Jan  1 00:00:00 2026
                            Host :       Thu Jan  1 00:00:00 2026
                            Difference:  0 sec
                    Environmental:
                            Fan 1 Status : active
                            Battery Voltage : 3.093 V
                            Battery Warning Threshold Voltage : 2.750 V
                            System Temp : 64 deg. C
                            System Temperature Warning Threshold : 75 deg. C
                    HSM Storage:
                            Total Storage Space:  33554432
                            Used Storage Space:   333744
                            Free Storage Space:   33220688
                            Allowed Partitions:   100
                            Number of Partitions: 1
                            Object Count:         0
                    License Count: 2
                            1. 621000135-002 Luna Network HSM 7 base model
                            2. 621000146-001 100 partitions

            Command Result : No Error

            """)
    }
}
