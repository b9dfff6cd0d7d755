import Foundation
import LunaShell
import LunaSim
import Testing

/// The `role` family on the fresh-partition fleet (Config/fleets/fresh-partition.json): every
/// partition has Partition SO password `popin123`; par2 (slot 2) is not initialized.
@Suite struct RoleCommandTests {
    static let freshFleet: String = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config/fleets/fresh-partition.json").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    static func world(answers: [String] = []) throws -> TestWorld {
        try TestWorld(fleet: freshFleet, answers: answers)
    }

    @Test func showPinsTheReferenceLayout() throws {
        let world = try Self.world()
        #expect(world.run("role show -name co") == """

                    State of role 'Crypto Officer':
                    Primary authentication type: Password
                    Secondary authentication type: None
                    Failed login attempts before lockout: 10
                    Failed change password attempts before lockout: 10

            Command Result : No Error

            """)
        _ = world.run("slot set -slot 2")
        #expect(world.run("role show -name \"Crypto User\"") == "\n        State of role 'Crypto User':\n        Not initialized.\n\nCommand Result : No Error\n")
    }

    @Test func listPinsItsLayout() throws {
        #expect(try Self.world().run("role list") == """

                    Role                    Short   State
                    ----                    -----   -----
                    Partition SO            po      initialized
                    Crypto Officer          co      initialized
                    Crypto User             cu      not initialized

            Command Result : No Error

            """)
    }

    @Test func loginPromptsMaskedAndASecondLoginIsRefused() throws {
        let world = try Self.world(answers: ["userpin1"])
        #expect(world.run("role login -name co") == "\n        enter password: ********\n\nCommand Result : No Error\n")
        #expect(world.run("role login -name po -password popin123").contains("Command Result : 0x100 (CKR_USER_ALREADY_LOGGED_IN)"))
        #expect(world.run("role logout") == "\nCommand Result : No Error\n")
        #expect(world.run("role logout").contains("Command Result : 0x101 (CKR_USER_NOT_LOGGED_IN)"))
    }

    @Test func wrongPasswordIsPinIncorrect() throws {
        let world = try Self.world()
        #expect(world.run("role login -name co -password nope-nope").hasSuffix("Command Result : 0xa0 (CKR_PIN_INCORRECT)\n"))
        #expect(world.run("role login -name cu -password whatever1").contains("CKR_USER_PIN_NOT_INITIALIZED"))
        #expect(world.run("role login -name au -password whatever1").contains("CKR_USER_TYPE_INVALID"))
    }

    @Test func adminCommandsNeedTheirRole() throws {
        let world = try Self.world()
        _ = world.run("slot set -slot 2")
        #expect(world.run("role init -name co -password initpin1").contains("0x101 (CKR_USER_NOT_LOGGED_IN)"))
        #expect(world.run("role resetpw -name co -password initpin1").contains("0x101 (CKR_USER_NOT_LOGGED_IN)"))
        #expect(world.run("role changepw -name co -oldpw a -newpw b").contains("0x101 (CKR_USER_NOT_LOGGED_IN)"))
        #expect(world.run("role setdomain -domain d1").contains("0x101 (CKR_USER_NOT_LOGGED_IN)"))
        #expect(world.run("partition changepolicy -policy 0 -value 1").contains("0x101 (CKR_USER_NOT_LOGGED_IN)"))
        #expect(world.run("partition clear -force").contains("0x101 (CKR_USER_NOT_LOGGED_IN)"))
    }

    @Test func initAndChangepwPromptTwiceAndPolicy21ExpiresTheInitialPassword() throws {
        let world = try Self.world(answers: ["initpin1", "initpin1", "initpin1", "userpin1", "userpin1"])
        _ = world.run("slot set -slot 2", "role login -name po -password popin123",
                      "partition init -label par2 -domain cloningdomain1 -password popin123 -force")
        #expect(world.run("role init -name co") == """

                    enter new password: ********

                    re-enter new password: ********

            Command Result : No Error

            """)
        _ = world.run("role logout")
        #expect(world.run("role login -name co -password initpin1").contains("HSM policy 21 is on."))
        #expect(world.run("partition contents").contains("Command Result : 0xa3 (CKR_PIN_EXPIRED)"))
        #expect(world.run("simulator createObject -keyType AES -label k").contains("0xa3 (CKR_PIN_EXPIRED)"))
        #expect(world.run("role changepw -name co").hasSuffix("""

                    enter existing password: ********

                    enter new password: ********

                    re-enter new password: ********

            Command Result : No Error

            """))
        #expect(world.run("partition contents").contains("Command Result : No Error"))
    }

    @Test func mismatchedEntriesChangeNothing() throws {
        let world = try Self.world(answers: ["initpin1", "initpin2"])
        _ = world.run("slot set -slot 2", "role login -name po -password popin123",
                      "partition init -label par2 -domain cloningdomain1 -password popin123 -force")
        #expect(world.run("role init -name co").contains("CKR_ARGUMENTS_BAD"))
        #expect(world.run("role show -name co").contains("Not initialized."))
    }

    @Test func passwordRulesArePinLenRangeAndPinInvalid() throws {
        let world = try Self.world()
        _ = world.run("slot set -slot 2", "role login -name po -password popin123",
                      "partition init -label par2 -domain cloningdomain1 -password popin123 -force")
        #expect(world.run("role init -name co -password short").contains("0xa2 (CKR_PIN_LEN_RANGE)"))
        #expect(world.run("role init -name co -password passwörd1").contains("0xa1 (CKR_PIN_INVALID)"))
    }

    @Test func resetpwNeedsHSMPolicy15() throws {
        let fleet = Self.freshFleet.replacingOccurrences(of: "\"15\": 1", with: "\"15\": 0")
        let world = try TestWorld(fleet: fleet)
        _ = world.run("role login -name po -password popin123")
        #expect(world.run("role resetpw -name co -password newpin11").contains("0x80000030 (CKR_OPERATION_NOT_ALLOWED)"))
    }

    @Test func setdomainRefusesAPartitionThatHasOne() throws {
        let world = try Self.world()
        _ = world.run("role login -name po -password popin123")
        #expect(world.run("role setdomain -domain other").contains("0x80000008 (CKR_CLONING_PARAMETER_ALREADY_EXISTS)"))
    }

    @Test func createchallengeIsForPEDPartitions() throws {
        let world = try Self.world()
        _ = world.run("role login -name po -password popin123")
        #expect(world.run("role createchallenge -name co -challenge chal1234").contains("CKR_OPERATION_NOT_ALLOWED"))
    }

    @Test func adminCommandsRefuseTheHAVirtualSlot() throws {
        let world = try Self.world(answers: ["remove"])
        _ = world.run("hagroup creategroup -label g -slot 0 -password userpin1", "slot set -slot 6")
        for line in ["role show -name co", "role list", "role init -name co -password initpin1", "role resetpw -name co -password initpin1",
                     "partition showinfo", "partition showpolicies", "partition changepolicy -policy 0 -value 1",
                     "partition init -label x -password popin123 -domain d -force", "hsm showinfo", "hsm showpolicies",
                     "role login -name po -password popin123"] {
            #expect(world.run(line).contains("Command Result : 0x54 (CKR_FUNCTION_NOT_SUPPORTED)"), "\(line)")
        }
    }
}
