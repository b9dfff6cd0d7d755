import LunaShell
import LunaSim
import Testing

/// `hsm zeroize` and `hsm init` (docs/hsm-showinfo.md): a zeroized HSM refuses its SO and the
/// initialization of its partitions until `hsm init`; refusals change nothing.
@Suite struct HSMLifecycleTests {
    static let fleet = """
        {"hsms":[{"serial":"700101","label":"hsm-a","soPassword":"sopin123","partitions":[
          {"label":"par0","serial":"154438865287","slot":0,"domain":"d1","coPassword":"userpin1",
           "coPasswordChanged":true,"poPassword":"popin123",
           "objects":[{"label":"aes-1","class":"secretKey","keyType":"AES","size":256}]}]}]}
        """

    func hsm(_ world: TestWorld) throws -> HSM {
        try #require(try world.store.read { transaction throws(LunaError) in transaction.fleet.hsms.first })
    }

    @Test func zeroizeNeedsTheSOAndProceed() throws {
        let world = try TestWorld(fleet: Self.fleet, answers: ["quit"])
        let before = try world.store.snapshot()
        #expect(world.run("hsm zeroize -force").contains("CKR_USER_NOT_LOGGED_IN"))
        _ = world.run("role login -name so -password sopin123")
        #expect(world.run("hsm zeroize").contains("You are about to zeroize HSM 700101."))
        #expect(try world.store.snapshot() == before)
        #expect(world.run("hsm zeroize -force").hasSuffix("Command Result : No Error\n"))
        let hsm = try hsm(world)
        #expect(!hsm.initialized && hsm.soPassword == nil && hsm.domain == nil)
        #expect(world.run("partition contents").contains("Number of objects:  0"))
        // The SO session ended with the zeroization.
        #expect(world.run("hsm zeroize -force").contains("CKR_USER_NOT_LOGGED_IN"))
    }

    @Test func aZeroizedHSMComesBackWithHSMInit() throws {
        let world = try TestWorld(fleet: Self.fleet, answers: ["proceed"])
        for _ in 0..<3 { _ = world.run("role login -name so -password wrongpin1") }
        #expect(try !hsm(world).initialized)
        #expect(world.run("role login -name so -password sopin123").contains(
            "HSM 700101 is zeroized: it has no HSM SO until it is initialized again ('hsm init -label <label>')."))
        let refused = world.run("partition init -label par0 -password popin123 -domain d1 -force")
        #expect(refused.contains("CKR_OPERATION_NOT_ALLOWED"))
        #expect(world.run("hsm init -label new-hsm -password sopin456 -domain d2").hasSuffix("Command Result : No Error\n"))
        let hsm = try hsm(world)
        #expect(hsm.initialized && hsm.label == "new-hsm" && hsm.domain == "d2")
        #expect(hsm.soPassword?.matches("sopin456") == true)
        #expect(world.run("role login -name so -password sopin456").hasSuffix("Command Result : No Error\n"))
        #expect(world.run("hsm showinfo").contains("        HSM Label ->                    new-hsm\n"))
        _ = world.run("role logout")
        #expect(world.run("partition init -label par0 -password popin123 -domain d1 -force").hasSuffix("Command Result : No Error\n"))
    }

    @Test func reinitializingNeedsTheSOAndKeepsItsPassword() throws {
        let world = try TestWorld(fleet: Self.fleet)
        let before = try world.store.snapshot()
        #expect(world.run("hsm init -label other -force").contains("CKR_USER_NOT_LOGGED_IN"))
        _ = world.run("role login -name so -password sopin123")
        #expect(world.run("hsm init -label other -password sopin999 -force").contains("-password and -domain are not taken"))
        #expect(world.run("hsm init -label \"two words\" -force").contains("An HSM label is 1 to 32 printable characters without spaces."))
        #expect(try world.store.snapshot() == before)
        #expect(world.run("hsm init -label other -force").hasSuffix("Command Result : No Error\n"))
        let hsm = try hsm(world)
        #expect(hsm.label == "other" && hsm.soPassword?.matches("sopin123") == true && hsm.initialized)
        #expect(world.run("role show -name po").contains("Not initialized."))
    }

    @Test func showinfoHasEverySectionOfTheReference() throws {
        let world = try TestWorld()
        let text = world.run("hsm showinfo")
        for label in ["HSM Label ->                    myLunaHSM", "HSM Part Number ->", "HSM Serial Number ->            700101", "Partition Storage:",
                      "CKF_RNG", "CKF_TOKEN_INITIALIZED", "RPV Initialized ->              No", "Partition SMK OUIDs:",
                      "SMK-FW7-Primary:", "HSM Storage:", "Used Storage Space:", "Free Storage Space:",
                      "*** The HSM is NOT in FIPS approved operation mode. ***", "FM HW Status ->                 FM Ready",
                      "Firmware Version ->             7.3.0", "Bootloader Version ->", "Rollback Firmware Version ->",
                      "System Times:", "HSM :        Thu Jan  1 00:00:00 2026", "Difference:  0 sec",
                      "Environmental:", "Fan 1 Status : active", "Battery Voltage : 3.093 V",
                      "System Temperature Warning Threshold : 75 deg. C", "License Count: 2", "1. 621000135-002"] {
            #expect(text.contains(label), "missing: \(label)")
        }
    }
}
