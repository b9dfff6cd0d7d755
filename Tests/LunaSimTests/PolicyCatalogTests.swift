import LunaSim
import Testing

/// The policy catalog's (modelled) choices, pinned: which changes are destructive, which capabilities
/// are 0, and the lockout code.
@Suite struct PolicyCatalogTests {
    @Test func destructiveChoices() throws {
        let partition = PolicyCatalog.partition.filter { $0.destructive != .never }.map(\.number)
        #expect(partition == [0, 1, 4, 5])
        let hsm = PolicyCatalog.hsm.filter { $0.destructive != .never }.map(\.number)
        #expect(hsm == [6, 7, 12, 15])
        let policy15 = try #require(PolicyCatalog.hsmPolicy(15))
        #expect(policy15.isDestructive(from: 0, to: 1) && !policy15.isDestructive(from: 1, to: 0))
    }

    @Test func namesOfTheVerifiedPolicies() {
        #expect(PolicyCatalog.hsmPolicy(7)?.name == "Allow cloning")
        #expect(PolicyCatalog.hsmPolicy(12)?.name == "Allow non-FIPS algorithms")
        #expect(PolicyCatalog.hsmPolicy(16)?.name == "Allow network replication")
        #expect(PolicyCatalog.hsmPolicy(21)?.name == "Force user PIN change after set/reset")
        #expect(PolicyCatalog.partitionPolicy(0)?.capabilityName == "Enable private key cloning")
        #expect(PolicyCatalog.partitionPolicy(20)?.name == "Max failed user logins allowed")
        #expect(PolicyCatalog.partitionPolicy(23)?.name == "Allow auto-activation")
    }

    @Test func activationCapabilityFollowsTheAuthMethod() throws {
        let activation = try #require(PolicyCatalog.partitionPolicy(22))
        #expect(PolicyCatalog.partitionCapability(activation, on: HSM(serial: "1", model: "m", kind: .network, firmware: "7.3.0", auth: .password)) == 0)
        #expect(PolicyCatalog.partitionCapability(activation, on: HSM(serial: "1", model: "m", kind: .network, firmware: "7.3.0", auth: .ped)) == 1)
    }

    @Test func lockoutChoices() {
        #expect(LockoutRules.lockedOutCode == .pinLocked)
        #expect(LockoutRules.soLimit == 3 && LockoutRules.poLimit == 10 && LockoutRules.defaultUserLimit == 10)
    }

    @Test func commaListsPairUp() throws {
        #expect(try PolicyService.pair(policies: "33,37,40", values: "0,1,1")
            == [.init(number: 33, value: 0), .init(number: 37, value: 1), .init(number: 40, value: 1)])
        #expect(throws: LunaError.self) { try PolicyService.pair(policies: "0,4", values: "1") }
        #expect(throws: LunaError.self) { try PolicyService.pair(policies: "0,0", values: "1,1") }
    }
}
