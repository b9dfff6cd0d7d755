import Foundation
import LunaShell
import LunaSim
import Testing

/// The prerequisites of the Thales page "Setting Up an HA Group" and docs/lunacm-behaviour.md §2.14: each refusal is shown
/// on a fleet that breaks only that rule, with its return code and reason, and leaves the state
/// and Chrystoki.conf exactly as they were.
@Suite struct HAGroupPrerequisiteTests {
    static let createGroup = "hagroup createGroup -label G -slot 0 -password userpin1"
    static let addMember = "hagroup addMember -group G -slot 1 -password userpin1"

    // MARK: Helpers

    /// A world on `fixture` (answers `copy` to the copy/remove/quit questions).
    func makeWorld(_ fixture: FleetFixture, conf: String = EmbeddedDefaults.chrystokiConf,
               answers: [String] = ["copy", "copy", "copy"]) throws -> TestWorld {
        try TestWorld(fleet: fixture.json, conf: conf, answers: answers)
    }

    /// A world on `fixture` in which group G was created with par0 (slot 0) as primary.
    func worldWithGroup(_ fixture: FleetFixture, secret: String = "userpin1",
                        conf: String = EmbeddedDefaults.chrystokiConf,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> TestWorld {
        let world = try makeWorld(fixture, conf: conf)
        let outcome = world.shell.run(line: "hagroup createGroup -label G -slot 0 -password \(secret)")
        let output = world.console.takeOutput()
        #expect(outcome == .success, "createGroup should succeed on this fixture:\n\(output)", sourceLocation: sourceLocation)
        return world
    }

    func confBytes(_ world: TestWorld) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: world.confPath))
    }

    /// Runs `line` (or `tokens`), expects it refused with `code`/`name` and a reason containing
    /// `reason`, and the state and Chrystoki.conf unchanged to the byte.
    @discardableResult
    func expectRefused(_ world: TestWorld, _ line: String? = nil, tokens: [String]? = nil,
                       code: String, name: String, reason: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let snapshotBefore = try world.store.snapshot()
        let fingerprintBefore = try StateFingerprint.canonicalText(world.store)
        let fileBefore = FleetFileWriter.write(snapshotBefore)
        let confBefore = try confBytes(world)
        let outcome = tokens.map { world.shell.run(tokens: $0) } ?? world.shell.run(line: line ?? "")
        let output = world.console.takeOutput()
        #expect(output.contains("Command Result : \(code) (\(name))"), "output:\n\(output)", sourceLocation: sourceLocation)
        #expect(output.contains(reason), "reason \"\(reason)\" missing from:\n\(output)", sourceLocation: sourceLocation)
        #expect(!output.contains("Command Result : No Error"), sourceLocation: sourceLocation)
        if case .failure(let error) = outcome {
            #expect(error.code.hex == code && error.code.name == name, "\(error)", sourceLocation: sourceLocation)
        } else {
            Issue.record("expected a failure outcome, got \(outcome)", sourceLocation: sourceLocation)
        }
        let snapshotAfter = try world.store.snapshot()
        #expect(snapshotAfter == snapshotBefore, "the fleet state changed", sourceLocation: sourceLocation)
        #expect(FleetFileWriter.write(snapshotAfter) == fileBefore, sourceLocation: sourceLocation)
        #expect(try StateFingerprint.canonicalText(world.store) == fingerprintBefore,
                "the state changed (canonical fingerprint)", sourceLocation: sourceLocation)
        #expect(try confBytes(world) == confBefore, "Chrystoki.conf changed:\n\(world.confText)", sourceLocation: sourceLocation)
        return output
    }

    /// Creates G on par0, then expects `addMember` of par1 refused.
    func expectAddMemberRefused(_ fixture: FleetFixture, secret: String = "userpin1",
                                code: String, name: String, reason: String,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let world = try worldWithGroup(fixture, secret: secret, sourceLocation: sourceLocation)
        try expectRefused(world, "hagroup addMember -group G -slot 1 -password \(secret)",
                          code: code, name: name, reason: reason, sourceLocation: sourceLocation)
    }

    /// Expects `createGroup` on par0 refused.
    func expectCreateGroupRefused(_ fixture: FleetFixture, _ line: String = createGroup,
                                  code: String, name: String, reason: String,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        let world = try makeWorld(fixture)
        try expectRefused(world, line, code: code, name: name, reason: reason, sourceLocation: sourceLocation)
    }

    // MARK: Fixtures are what they claim

    @Test func standardFixtureIsTheDefaultFleet() throws {
        let fromFixture = try Seeding.make(fleet: Array(FleetFixture.standard.json.utf8)).snapshot
        let fromDefault = try Seeding.make(fleet: nil).snapshot
        #expect(FleetFileWriter.write(fromFixture) == FleetFileWriter.write(fromDefault))
    }

    @Test func standardPairCreatesAGroupAndAddsTheMember() throws {
        let world = try worldWithGroup(.standard)
        #expect(world.shell.run(line: Self.addMember) == .success)
        let output = world.console.takeOutput()
        #expect(output.contains("Group Members:  154438865287, 1238700701509"))
        #expect(world.confText.contains("VirtualToken00Members = 154438865287,1238700701509;"))
    }

    // MARK: Credentials

    @Test func createGroupRefusesAWrongCOPassword() throws {
        try expectCreateGroupRefused(.standard, "hagroup createGroup -label G -slot 0 -password wrongpin1",
                                     code: "0xa0", name: "CKR_PIN_INCORRECT",
                                     reason: "The password is incorrect for the Crypto Officer of partition par0 (154438865287)")
    }

    @Test func addMemberRefusesAWrongCOPassword() throws {
        let world = try worldWithGroup(.standard)
        try expectRefused(world, "hagroup addMember -group G -slot 1 -password wrongpin1",
                          code: "0xa0", name: "CKR_PIN_INCORRECT", reason: "The password is incorrect for the Crypto Officer")
    }

    @Test func addMemberRefusesAMemberWhoseCOPasswordDiffersFromTheGroups() throws {
        try expectAddMemberRefused(.standard.with { $0.member.coPassword = "otherpin1" },
                                   code: "0xa0", name: "CKR_PIN_INCORRECT",
                                   reason: "The Crypto Officer password of partition par1 (1238700701509) differs from the group's")
    }

    @Test func createGroupRefusesAWrongPEDChallenge() throws {
        try expectCreateGroupRefused(.pedPair, "hagroup createGroup -label G -slot 0 -password wrongchallenge",
                                     code: "0x80000067", name: "CKR_CHALLENGE_INCORRECT",
                                     reason: "The challenge secret is incorrect for the Crypto Officer of partition par0")
    }

    @Test func addMemberRefusesAWrongPEDChallenge() throws {
        let world = try worldWithGroup(.pedPair, secret: "challenge1")
        try expectRefused(world, "hagroup addMember -group G -slot 1 -password wrongchallenge",
                          code: "0x80000067", name: "CKR_CHALLENGE_INCORRECT", reason: "The challenge secret is incorrect")
    }

    @Test func addMemberRefusesAPEDMemberWithAnotherChallenge() throws {
        try expectAddMemberRefused(.pedPair.with { $0.member.challenge = "challenge2" }, secret: "challenge1",
                                   code: "0x80000067", name: "CKR_CHALLENGE_INCORRECT",
                                   reason: "The activation challenge of partition par1 (1238700701509) differs from the group's")
    }

    @Test func addMemberRefusesACOCredentialNotYetChangedUnderPolicy21() throws {
        try expectAddMemberRefused(.standard.with { $0.member.coPasswordChanged = false },
                                   code: "0xa3", name: "CKR_PIN_EXPIRED",
                                   reason: "must change the initial credential first")
    }

    @Test func createGroupRefusesAPrimaryWhoseCOCredentialWasNotChanged() throws {
        try expectCreateGroupRefused(.standard.with { $0.primary.coPasswordChanged = false },
                                     code: "0xa3", name: "CKR_PIN_EXPIRED",
                                     reason: "The Crypto Officer of partition par0 (154438865287) must change the initial credential first")
    }

    @Test func unchangedCOCredentialIsAcceptedWhenPolicy21IsOff() throws {
        let world = try worldWithGroup(.standard.with { fleet in
            fleet.member.coPasswordChanged = false
            fleet.primaryHSM.policies["21"] = 0
            fleet.memberHSM.policies["21"] = 0
        })
        #expect(world.shell.run(line: Self.addMember) == .success)
    }

    // MARK: HSMs

    @Test func addMemberRefusesAnotherAuthenticationMethod() throws {
        // A PED member complete in itself (activated, 22/23 on, same challenge as the password).
        try expectAddMemberRefused(.standard.with { fleet in
            fleet.memberHSM.auth = "ped"
            fleet.member.activated = true
            fleet.member.challenge = "userpin1"
            fleet.member.policies["22"] = 1
            fleet.member.policies["23"] = 1
        }, code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
           reason: "all HSMs in a group must use the same authentication method")
    }

    @Test func addMemberRefusesAPCIeMemberInANetworkGroup() throws {
        try expectAddMemberRefused(.standard.with { $0.memberHSM.kind = "pcie"; $0.memberHSM.host = "host-a" },
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "An HA group cannot contain both PCIe HSMs and Network HSMs")
    }

    @Test func addMemberRefusesAPCIeMemberWithOtherFirmware() throws {
        try expectAddMemberRefused(.standard.with { fleet in
            for index in fleet.hsms.indices {
                fleet.hsms[index].kind = "pcie"
                fleet.hsms[index].host = "host-a"
            }
            fleet.memberHSM.firmware = "7.4.0"
        }, code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED", reason: "PCIe HSMs in a group must run the same firmware")
    }

    @Test func addMemberRefusesAPCIeMemberInAnotherHost() throws {
        try expectAddMemberRefused(.standard.with { fleet in
            for index in fleet.hsms.indices {
                fleet.hsms[index].kind = "pcie"
                fleet.hsms[index].host = "host-a"
            }
            fleet.memberHSM.host = "host-b"
        }, code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
           reason: "PCIe HSMs in a group must be installed in the host server that creates the group")
    }

    @Test func pcieMembersInTheSameHostWithTheSameFirmwareJoin() throws {
        let world = try worldWithGroup(.standard.with { fleet in
            for index in fleet.hsms.indices {
                fleet.hsms[index].kind = "pcie"
                fleet.hsms[index].host = "host-a"
            }
        })
        #expect(world.shell.run(line: Self.addMember) == .success)
    }

    @Test func addMemberRefusesAMemberWhoseHSMHasCloningPolicy7Off() throws {
        try expectAddMemberRefused(.standard.with { $0.memberHSM.policies["7"] = 0 },
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "HSM policy 7 (Allow cloning) is off on HSM 700102")
    }

    @Test func addMemberRefusesAMemberWhoseHSMHasNetworkReplicationPolicy16Off() throws {
        try expectAddMemberRefused(.standard.with { $0.memberHSM.policies["16"] = 0 },
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "HSM policy 16 (Allow network replication) is off on HSM 700102")
    }

    @Test func createGroupRefusesAPrimaryWhoseHSMHasPolicy7Off() throws {
        try expectCreateGroupRefused(.standard.with { $0.primaryHSM.policies["7"] = 0 },
                                     code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                     reason: "HSM policy 7 (Allow cloning) is off on HSM 700101")
    }

    @Test func createGroupRefusesAPrimaryWhoseHSMHasPolicy16Off() throws {
        try expectCreateGroupRefused(.standard.with { $0.primaryHSM.policies["16"] = 0 },
                                     code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                     reason: "HSM policy 16 (Allow network replication) is off on HSM 700101")
    }

    @Test func addMemberRefusesInconsistentHSMPolicy12() throws {
        try expectAddMemberRefused(.standard.with { $0.memberHSM.policies["12"] = 0 },
                                   code: "0x8000007d", name: "CKR_CONFIG_FAILS_DEPENDENCIES",
                                   reason: "HSM policies must be consistent across the group's HSMs (12: Allow non-FIPS algorithms in particular); HSM 700102 and HSM 700101 differ in policy 12")
    }

    @Test func addMemberRefusesAnHSMWithAnotherFIPSMode() throws {
        try expectAddMemberRefused(.standard.with { $0.memberHSM.fips = true },
                                   code: "0x8000007d", name: "CKR_CONFIG_FAILS_DEPENDENCIES",
                                   reason: "Do not combine HSMs with FIPS mode on and off in one group")
    }

    @Test func addMemberRefusesAnOlderMemberUnderA77Primary() throws {
        try expectAddMemberRefused(.standard.with { $0.primaryHSM.firmware = "7.7.0" },
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "a partition on firmware 7.7.0 or newer cannot be primary of a group with a member on older firmware")
    }

    @Test func addMemberComparesFirmwareNumericallySo710IsNewerThan77() throws {
        try expectAddMemberRefused(.standard.with { $0.primaryHSM.firmware = "7.10.0"; $0.memberHSM.firmware = "7.6.9" },
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "cannot be primary of a group with a member on older firmware")
    }

    @Test func newerMemberJoinsAnOlderPrimary() throws {
        let world = try worldWithGroup(.standard.with { $0.memberHSM.firmware = "7.7.0" })
        #expect(world.shell.run(line: Self.addMember) == .success)
    }

    // MARK: Visibility

    @Test func addMemberRefusesASerialNotInTheFleet() throws {
        let world = try worldWithGroup(.standard)
        try expectRefused(world, "hagroup addMember -group G -serialNumber 999999999999 -password userpin1",
                          code: "0x3", name: "CKR_SLOT_ID_INVALID",
                          reason: "No partition with serial number 999999999999 is visible to this client")
    }

    @Test func addMemberRefusesASlotNotPresent() throws {
        let world = try worldWithGroup(.standard)
        try expectRefused(world, "hagroup addMember -group G -slot 42 -password userpin1",
                          code: "0x3", name: "CKR_SLOT_ID_INVALID", reason: "Slot 42 does not exist.")
    }

    @Test func createGroupRefusesASlotNotPresent() throws {
        try expectCreateGroupRefused(.standard, "hagroup createGroup -label G -slot 42 -password userpin1",
                                     code: "0x3", name: "CKR_SLOT_ID_INVALID", reason: "Slot 42 does not exist.")
    }

    @Test func createGroupRefusesASerialNotInTheFleet() throws {
        try expectCreateGroupRefused(.standard, "hagroup createGroup -label G -serialNumber 123 -password userpin1",
                                     code: "0x3", name: "CKR_SLOT_ID_INVALID",
                                     reason: "No partition with serial number 123 is visible to this client")
    }

    // MARK: Partitions

    @Test func addMemberRefusesAnotherCloningDomain() throws {
        try expectAddMemberRefused(.standard.with { $0.member.domain = "cloningdomain2" },
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "The partition par1 (1238700701509) is not in the cloning domain of member 154438865287")
    }

    @Test func addMemberRefusesAMemberWithPartitionPolicy0Off() throws {
        try expectAddMemberRefused(.standard.with { $0.member.policies["0"] = 0 },
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "Partition policy 0 (Allow private key cloning) is off on partition 1238700701509")
    }

    @Test func addMemberRefusesAMemberWithPartitionPolicy4Off() throws {
        try expectAddMemberRefused(.standard.with { $0.member.policies["4"] = 0 },
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "Partition policy 4 (Allow secret key cloning) is off on partition 1238700701509")
    }

    @Test func createGroupRefusesAPrimaryWithPartitionPolicy4Off() throws {
        try expectCreateGroupRefused(.standard.with { $0.primary.policies["4"] = 0 },
                                     code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                     reason: "Partition policy 4 (Allow secret key cloning) is off on partition 154438865287")
    }

    @Test func addMemberRefusesInconsistentPartitionPolicies() throws {
        try expectAddMemberRefused(.standard.with { $0.member.policies["20"] = 5 },
                                   code: "0x8000007d", name: "CKR_CONFIG_FAILS_DEPENDENCIES",
                                   reason: "Partition policies must be consistent across the members; partition par1 (1238700701509) and member 154438865287 differ in policy 20")
    }

    @Test func addMemberRefusesAnUninitializedPartition() throws {
        try expectAddMemberRefused(.standard.with { $0.member.domain = nil },
                                   code: "0xe1", name: "CKR_TOKEN_NOT_RECOGNIZED",
                                   reason: "The partition par1 (1238700701509) is not initialized")
    }

    @Test func createGroupRefusesAnUninitializedPrimary() throws {
        try expectCreateGroupRefused(.standard.with { $0.primary.domain = nil },
                                     code: "0xe1", name: "CKR_TOKEN_NOT_RECOGNIZED",
                                     reason: "The partition par0 (154438865287) is not initialized")
    }

    @Test func addMemberRefusesAMemberWhoseCOIsNotInitialized() throws {
        try expectAddMemberRefused(.standard.with { $0.member.coPassword = nil },
                                   code: "0x102", name: "CKR_USER_PIN_NOT_INITIALIZED",
                                   reason: "The Crypto Officer role of partition par1 (1238700701509) is not initialized")
    }

    @Test func createGroupRefusesAPrimaryWhoseCOIsNotInitialized() throws {
        try expectCreateGroupRefused(.standard.with { $0.primary.coPassword = nil },
                                     code: "0x102", name: "CKR_USER_PIN_NOT_INITIALIZED",
                                     reason: "The Crypto Officer role of partition par0 (154438865287) is not initialized")
    }

    // MARK: PED partitions

    @Test func pedPairMeetingEveryRuleJoins() throws {
        let world = try worldWithGroup(.pedPair, secret: "challenge1")
        #expect(world.shell.run(line: "hagroup addMember -group G -slot 1 -password challenge1") == .success)
        let output = world.console.takeOutput()
        #expect(output.contains("Member 1238700701509 successfully added to group G."))
        #expect(output.contains("Group Members:  154438865287, 1238700701509"))
        #expect(output.contains("Command Result : No Error"))
        #expect(world.confText.contains("VirtualToken00Members = 154438865287,1238700701509;"))
    }

    @Test func addMemberRefusesAPEDMemberThatIsNotActivated() throws {
        try expectAddMemberRefused(.pedPair.with { $0.member.activated = false }, secret: "challenge1",
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "The PED-authenticated partition par1 (1238700701509) is not activated")
    }

    @Test(arguments: ["22", "23"])
    func addMemberRefusesAPEDMemberWithoutActivationPolicy(_ policy: String) throws {
        try expectAddMemberRefused(.pedPair.with { $0.member.policies[policy] = 0 }, secret: "challenge1",
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "The PED-authenticated partition par1 (1238700701509) must have partition policies 22 (Allow activation) and 23 (Allow auto-activation) set to 1")
    }

    @Test func addMemberRefusesAPEDMemberWithoutAChallenge() throws {
        try expectAddMemberRefused(.pedPair.with { $0.member.challenge = nil }, secret: "challenge1",
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "has no activation challenge secret")
    }

    @Test func createGroupRefusesAPEDPrimaryThatIsNotActivated() throws {
        try expectCreateGroupRefused(.pedPair.with { $0.primary.activated = false },
                                     "hagroup createGroup -label G -slot 0 -password challenge1",
                                     code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                     reason: "The PED-authenticated partition par0 (154438865287) is not activated")
    }

    // MARK: Luna Cloud HSM

    @Test func addMemberRefusesALunaCloudMemberWithPEDAuthentication() throws {
        try expectAddMemberRefused(.standard.with { $0.memberHSM.kind = "cloud"; $0.memberHSM.auth = "ped" },
                                   code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                   reason: "Luna Cloud HSM members support password authentication only")
    }

    @Test func lunaCloudMemberJoinsAsStandbyByDefault() throws {
        let world = try worldWithGroup(.standard.with { $0.memberHSM.kind = "cloud" })
        #expect(world.shell.run(line: Self.addMember) == .success)
        let output = world.console.takeOutput()
        #expect(output.contains("Group Members:  154438865287, 1238700701509"))
        #expect(output.contains("Standby Members:  1238700701509"))
        #expect(output.contains("was added as a standby"))
        #expect(world.shell.run(line: "hagroup listGroups -password \"\"") == .success)
        #expect(world.console.takeOutput().contains("Standby Members:  1238700701509"))
    }

    @Test func lunaCloudMemberJoinsActiveWhenTheToggleIsZero() throws {
        let conf = EmbeddedDefaults.chrystokiConf + "\nToggles = {\n   lunacm_cv_ha_ui = 0;\n}\n"
        let world = try worldWithGroup(.standard.with { $0.memberHSM.kind = "cloud" }, conf: conf)
        #expect(world.shell.run(line: Self.addMember) == .success)
        let output = world.console.takeOutput()
        #expect(output.contains("Group Members:  154438865287, 1238700701509"))
        #expect(output.contains("Standby Members:  <none>"))
        #expect(!output.contains("was added as a standby"))
        #expect(!world.confText.contains("StandbyMembers"))
    }

    // MARK: Labels and membership

    @Test(arguments: ["HA", "ha", "Ha"])
    func createGroupRefusesTheReservedLabelHA(_ label: String) throws {
        try expectCreateGroupRefused(.standard, "hagroup createGroup -label \(label) -slot 0 -password userpin1",
                                     code: "0x7", name: "CKR_ARGUMENTS_BAD", reason: "do not call an HA group \"HA\"")
    }

    @Test(arguments: ["G", "g"])
    func createGroupRefusesALabelAlreadyUsed(_ label: String) throws {
        let world = try worldWithGroup(.standard)
        try expectRefused(world, "hagroup createGroup -label \(label) -slot 1 -password userpin1",
                          code: "0x7", name: "CKR_ARGUMENTS_BAD", reason: "for the new group has already been used")
    }

    @Test func createGroupRefusesAPartitionAlreadyInAGroup() throws {
        let world = try worldWithGroup(.standard)
        try expectRefused(world, "hagroup createGroup -label G2 -slot 0 -password userpin1",
                          code: "0x7", name: "CKR_ARGUMENTS_BAD", reason: "The member you specified is already part of an")
    }

    @Test func addMemberRefusesThePrimaryAgain() throws {
        let world = try worldWithGroup(.standard)
        try expectRefused(world, "hagroup addMember -group G -slot 0 -password userpin1",
                          code: "0x7", name: "CKR_ARGUMENTS_BAD", reason: "The member you specified is already part of an")
    }

    @Test func addMemberRefusesAMemberAlreadyInAnotherGroup() throws {
        let world = try worldWithGroup(.network(count: 3))
        #expect(world.shell.run(line: Self.addMember) == .success)
        #expect(world.shell.run(line: "hagroup createGroup -label Other -slot 2 -password userpin1") == .success)
        _ = world.console.takeOutput()
        try expectRefused(world, "hagroup addMember -group Other -slot 1 -password userpin1",
                          code: "0x7", name: "CKR_ARGUMENTS_BAD", reason: "The member you specified is already part of an HA group (G)")
    }

    @Test(arguments: ["G;x", "G}x", "G=x", "{G", "G\nVirtualToken01Label = evil"])
    func createGroupRefusesALabelChrystokiConfCannotHold(_ label: String) throws {
        let world = try makeWorld(.standard)
        let tokens = ["hagroup", "createGroup", "-label", label, "-slot", "0", "-password", "userpin1"]
        try expectRefused(world, tokens: tokens, code: "0x7", name: "CKR_ARGUMENTS_BAD",
                          reason: "The label contains characters that Chrystoki.conf cannot hold")
        #expect(!world.confText.contains("VirtualToken"))
        #expect(!world.confText.contains("HASynchronize"))
    }

    @Test func createGroupRefusesALabelOver32Characters() throws {
        let label = String(repeating: "L", count: 33)
        try expectCreateGroupRefused(.standard, "hagroup createGroup -label \(label) -slot 0 -password userpin1",
                                     code: "0x7", name: "CKR_ARGUMENTS_BAD", reason: "An HA group label is 1 to 32 characters.")
    }

    @Test func groupOf32MembersRefusesA33rd() throws {
        let world = try worldWithGroup(.network(count: 33))
        for slot in 1...31 {
            let outcome = world.shell.run(line: "hagroup addMember -group G -slot \(slot) -password userpin1")
            #expect(outcome == .success, "member \(slot): \(world.console.output)")
            _ = world.console.takeOutput()
        }
        #expect(world.shell.run(line: "hagroup listGroups -password \"\"") == .success)
        let listing = world.console.takeOutput()
        let members = (0...31).map { String(500_000_000_000 + $0) }.joined(separator: ", ")
        #expect(listing.contains("Group Members:  \(members)"))
        try expectRefused(world, "hagroup addMember -group G -slot 32 -password userpin1",
                          code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                          reason: "Group G already has 32 members, the most an HA group can have.")
    }

    // MARK: The copy/remove/quit answer does not bypass the checks

    @Test func refusedAddMemberAnsweredRemoveKeepsTheMembersObjects() throws {
        let world = try TestWorld(fleet: FleetFixture.standard.with { $0.member.domain = "cloningdomain2" }.json,
                                  answers: ["remove"])
        #expect(world.shell.run(line: Self.createGroup) == .success)
        _ = world.console.takeOutput()
        try expectRefused(world, Self.addMember, code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                          reason: "is not in the cloning domain")
        #expect(try world.store.snapshot().objects["1238700701509"]?.count == 3)
    }

    @Test func addMemberAnsweredQuitIsCancelledWithNothingChanged() throws {
        let world = try TestWorld(fleet: FleetFixture.standard.json, answers: ["quit"])
        #expect(world.shell.run(line: Self.createGroup) == .success)
        _ = world.console.takeOutput()
        try expectRefused(world, Self.addMember, code: "0x1", name: "CKR_CANCEL", reason: "Stopped at your request")
    }

    @Test func addMemberWithoutAnAnswerAtEndOfInputIsCancelledWithNothingChanged() throws {
        let world = try TestWorld(fleet: FleetFixture.standard.json, answers: [])
        #expect(world.shell.run(line: Self.createGroup) == .success)
        _ = world.console.takeOutput()
        try expectRefused(world, Self.addMember, code: "0x1", name: "CKR_CANCEL", reason: "end of input")
    }

    // Objects on a partition are visible only after a CO login, so LunaCM can ask copy/remove/quit
    // only once the password (and the group) are known good; a script without an answer must get
    // the real refusal, not CKR_CANCEL.

    @Test
    func addMemberWithAWrongPasswordIsRefusedBeforeAskingAboutObjects() throws {
        let world = try TestWorld(fleet: FleetFixture.standard.json, answers: [])
        #expect(world.shell.run(line: Self.createGroup) == .success)
        _ = world.console.takeOutput()
        let output = try expectRefused(world, "hagroup addMember -group G -slot 1 -password wrongpin1",
                                       code: "0xa0", name: "CKR_PIN_INCORRECT", reason: "The password is incorrect")
        #expect(!output.contains("There are objects currently on the new member"))
    }

    @Test
    func addMemberToAMissingGroupIsRefusedBeforeAskingAboutObjects() throws {
        let world = try TestWorld(fleet: FleetFixture.standard.json, answers: [])
        let output = try expectRefused(world, "hagroup addMember -group NOPE -slot 1 -password userpin1",
                                       code: "0x7", name: "CKR_ARGUMENTS_BAD", reason: "There is no HA group with the label or group number NOPE")
        #expect(!output.contains("There are objects currently on the new member"))
    }

    @Test
    func addMemberBreakingAPrerequisiteIsRefusedBeforeAskingAboutObjects() throws {
        let world = try TestWorld(fleet: FleetFixture.standard.with { $0.member.domain = "cloningdomain2" }.json, answers: [])
        #expect(world.shell.run(line: Self.createGroup) == .success)
        _ = world.console.takeOutput()
        let output = try expectRefused(world, Self.addMember, code: "0x80000030", name: "CKR_OPERATION_NOT_ALLOWED",
                                       reason: "is not in the cloning domain")
        #expect(!output.contains("There are objects currently on the new member"))
    }

    // MARK: STC / appID

    @Test func addMemberRefusesAPartitionThisClientIsLoggedIntoUntilLogout() throws {
        let world = try worldWithGroup(.standard)
        #expect(world.shell.run(line: "slot set -slot 1") == .success)
        #expect(world.shell.run(line: "role login -name co -password userpin1") == .success)
        _ = world.console.takeOutput()
        try expectRefused(world, Self.addMember, code: "0x80000069", name: "CKR_ACCESS_ID_ALREADY_EXISTS",
                          reason: "A session is already logged in to partition par1 (1238700701509)")
        #expect(world.shell.run(line: "role logout") == .success)
        _ = world.console.takeOutput()
        #expect(world.shell.run(line: Self.addMember) == .success)
        #expect(world.console.takeOutput().contains("Member 1238700701509 successfully added to group G."))
    }

    @Test func addMemberRefusesWhenThisClientIsLoggedIntoThePrimary() throws {
        let world = try worldWithGroup(.standard)
        #expect(world.shell.run(line: "slot set -slot 0") == .success)
        #expect(world.shell.run(line: "role login -name co -password userpin1") == .success)
        _ = world.console.takeOutput()
        try expectRefused(world, Self.addMember, code: "0x80000069", name: "CKR_ACCESS_ID_ALREADY_EXISTS",
                          reason: "A session is already logged in to partition par0 (154438865287)")
    }
}
