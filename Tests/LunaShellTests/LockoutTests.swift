import LunaShell
import LunaSim
import Testing

/// Reference 7.2: bad CO logins lock the CO and CU (policy 20 may lower the limit); the PO
/// recovers them with `role resetpw` when HSM policy 15 is on; 10 bad PO logins zeroize the
/// partition, 3 bad SO logins the HSM.
@Suite struct LockoutTests {
    func fail(_ world: TestWorld, _ times: Int, role: String = "co") {
        for index in 0..<times { _ = world.run("role login -name \(role) -password wrong-\(index)x") }
    }

    @Test func tenBadCOLoginsLockCOAndCU() throws {
        let world = try RoleCommandTests.world()
        fail(world, 9)
        #expect(world.run("role login -name co -password userpin1").contains("No Error"))
        _ = world.run("role logout")
        fail(world, 9)
        let tenth = world.run("role login -name co -password wrong-last")
        #expect(tenth.contains("10 consecutive failures locked out the Crypto Officer and Crypto User."))
        #expect(tenth.hasSuffix("Command Result : 0xa0 (CKR_PIN_INCORRECT)\n"))
        #expect(world.run("role login -name co -password userpin1").hasSuffix("Command Result : 0xa4 (CKR_PIN_LOCKED)\n"))
        #expect(world.run("role show -name co").contains("        State of role 'Crypto Officer':\n        Locked out.\n"))
        #expect(world.run("role list").contains("Crypto Officer          co      locked out"))
        #expect(world.run("partition showinfo").contains("CKF_USER_PIN_LOCKED"))
    }

    @Test func partitionPolicy20LowersTheLimit() throws {
        let world = try RoleCommandTests.world()
        _ = world.run("role login -name po -password popin123", "partition changepolicy -policy 20 -value 3", "role logout")
        // N-1 failures still allow a login (which resets the counter) ...
        fail(world, 2)
        #expect(world.run("role login -name co -password userpin1").hasSuffix("Command Result : No Error\n"))
        _ = world.run("role logout")
        // ... and the Nth locks.
        fail(world, 3)
        #expect(world.run("role show -name co").contains("Failed login attempts before lockout: 3\n"))
        #expect(world.run("role login -name co -password userpin1").contains("CKR_PIN_LOCKED"))
    }

    @Test func resetpwWithPolicy15Unlocks() throws {
        let world = try RoleCommandTests.world()
        fail(world, 10)
        _ = world.run("role login -name po -password popin123")
        #expect(world.run("role resetpw -name co -password newpin11") == "\nCommand Result : No Error\n")
        _ = world.run("role logout")
        #expect(!world.run("role show -name co").contains("Locked out"))
        #expect(world.run("role login -name co -password newpin11").contains("No Error"))
    }

    @Test func tenBadPOLoginsZeroizeThePartition() throws {
        let world = try RoleCommandTests.world()
        _ = world.run("slot set -slot 1")
        fail(world, 9, role: "po")
        #expect(world.run("role login -name po -password popin123").hasSuffix("Command Result : No Error\n"))
        _ = world.run("role logout")
        #expect(!world.run("role show -name po").contains("Not initialized."))
        fail(world, 10, role: "po")
        #expect(world.run("role show -name po").contains("Not initialized."))
        #expect(world.run("role login -name co -password userpin1").contains("CKR_USER_PIN_NOT_INITIALIZED"))
        #expect(world.run("partition showinfo").contains("Object Count:         0"))
        _ = world.run("partition init -label par1 -password popin456 -domain d2 -force")
        #expect(world.run("role login -name po -password popin456").contains("No Error"))
    }

    @Test func threeBadSOLoginsZeroizeTheHSM() throws {
        let world = try RoleCommandTests.world()
        fail(world, 2, role: "so")
        #expect(world.run("role show -name co").contains("Primary authentication type"))
        #expect(world.run("role login -name so -password sopin123").hasSuffix("Command Result : No Error\n"))
        _ = world.run("role logout")
        fail(world, 2, role: "so")
        let third = world.run("role login -name so -password nope-nope")
        #expect(third.contains("3 consecutive failures zeroized HSM 700101"))
        #expect(world.run("role show -name co").contains("Not initialized."))
        #expect(world.run("role login -name so -password sopin123").contains("CKR_USER_PIN_NOT_INITIALIZED"))
    }

    @Test func aSuccessResetsTheCounter() throws {
        let world = try RoleCommandTests.world()
        fail(world, 9)
        _ = world.run("role login -name co -password userpin1", "role logout")
        fail(world, 9)
        #expect(world.run("role login -name co -password userpin1").contains("No Error"))
    }
}
