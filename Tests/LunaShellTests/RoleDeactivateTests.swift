import LunaShell
import LunaSim
import Testing

/// `role deactivate` clears a PED partition's cached CO activation and refuses, changing
/// nothing, where there is nothing to deactivate.
@Suite struct RoleDeactivateTests {
    @Test func aPasswordPartitionHasNoActivationToClear() throws {
        let world = try TestWorld()
        _ = world.run("role login -name co -password userpin1")
        let before = try world.store.snapshot()
        #expect(world.run("role deactivate -name co") ==
            "\n        Activation is for PED-authenticated partitions; partition par0 (154438865287) uses passwords.\n\nCommand Result : 0x80000030 (CKR_OPERATION_NOT_ALLOWED)\n")
        #expect(try world.store.snapshot() == before)
    }

    @Test func theActivationIsClearedInTheState() throws {
        let fleet = """
            {"hsms":[{"serial":"9","auth":"ped","partitions":[{"label":"p","serial":"1","slot":0,"domain":"d",
              "coPassword":"copin1234","coPasswordChanged":true,"activated":true,"challenge":"challenge1",
              "policies":{"22":1}}]}]}
            """
        let world = try TestWorld(fleet: fleet)
        _ = world.run("role login -name co -password challenge1")
        #expect(world.run("role deactivate -name cu").contains("CKR_USER_NOT_LOGGED_IN"))
        #expect(world.run("role deactivate -name co").hasSuffix("Command Result : No Error\n"))
        let activated = try world.store.read { transaction throws(LunaError) in transaction.fleet.partitions.first?.activated }
        #expect(activated == false)
    }
}
