/// The prerequisites of the Thales procedure "Setting Up an HA Group" (sections "HSMs" and
/// "Partitions") and docs/lunacm-behaviour.md §2.14, each with its own reason and return code. Every check runs
/// before anything changes; the first that fails refuses the command.
enum HAPrerequisites {
    /// What must hold for any partition the CO logs into as a member: the group's primary at
    /// creation, a joining partition, every member at synchronization.
    static func checkMember(_ partition: Partition, on hsm: HSM, secret: String,
                            openSessions: Set<String>) throws(LunaError) {
        try checkInitialized(partition)
        try checkStructure(partition, on: hsm, with: [])
        try checkActivation(partition, on: hsm)
        try checkCloningPolicies(partition, on: hsm)
        try checkLogin(partition, on: hsm, secret: secret, openSessions: openSessions)
    }

    /// A joining partition, most specific rule first, so that a fixture that breaks one rule is
    /// refused for that rule and not for a consequence of it (a policy that is off also makes the
    /// members' policies differ).
    static func checkJoining(_ partition: Partition, on hsm: HSM, with members: [(partition: Partition, hsm: HSM)],
                             secret: String, openSessions: Set<String>) throws(LunaError) {
        try checkInitialized(partition)
        try checkStructure(partition, on: hsm, with: members)
        try checkActivation(partition, on: hsm)
        try checkCloningPolicies(partition, on: hsm)
        try checkConsistency(partition, on: hsm, with: members)
        try checkLogin(partition, on: hsm, secret: secret, openSessions: openSessions, credentialDiffers: !members.isEmpty)
    }

    /// The Partition SO's part: a cloning domain and an initialized Crypto Officer.
    static func checkInitialized(_ partition: Partition) throws(LunaError) {
        let name = "partition \(partition.label) (\(partition.serial))"
        guard partition.domain != nil else {
            throw LunaError(.tokenNotRecognized, "The \(name) is not initialized: the Partition SO must run 'partition init' with a cloning domain first.")
        }
        guard partition.coPassword != nil else {
            throw LunaError(.userPinNotInitialized, "The Crypto Officer role of \(name) is not initialized.")
        }
    }

    /// LunaCM logs into the member as the Crypto Officer with the group's credential.
    /// `credentialDiffers` words a refusal for a partition whose credential is not the group's.
    static func checkLogin(_ partition: Partition, on hsm: HSM, secret: String,
                           openSessions: Set<String>, credentialDiffers: Bool = false) throws(LunaError) {
        let name = "partition \(partition.label) (\(partition.serial))"
        if openSessions.contains(partition.serial) {
            throw LunaError(.accessIDAlreadyExists, "A session is already logged in to \(name) with this client's application ID; log it out ('role logout') and try again.")
        }
        switch hsm.auth {
        case .password:
            guard let credential = partition.coPassword else {
                throw LunaError(.userPinNotInitialized, "The Crypto Officer role of \(name) is not initialized.")
            }
            guard credential.matches(secret) else {
                if credentialDiffers {
                    throw LunaError(.pinIncorrect, "The Crypto Officer password of \(name) differs from the group's; all members must share the same CO credential.")
                }
                throw LunaError(.pinIncorrect, "The password is incorrect for the Crypto Officer of \(name).")
            }
        case .ped:
            guard let challenge = partition.challenge, challenge.matches(secret) else {
                if credentialDiffers {
                    throw LunaError(.challengeIncorrect, "The activation challenge of \(name) differs from the group's; all members must share the same challenge secret.")
                }
                throw LunaError(.challengeIncorrect, "The challenge secret is incorrect for the Crypto Officer of \(name).")
            }
        }
        if hsm.policies.isOn(21), !partition.coPasswordChanged {
            throw LunaError(.pinExpired, "The Crypto Officer of \(name) must change the initial credential first ('role changepw'): HSM policy 21 (Force user PIN change after set/reset) is on.")
        }
    }

    /// Cloning is how members are kept in step, so it must be allowed on every member's HSM and
    /// partition.
    /// PED members must hold their login through failure and recovery: activation (policy 22),
    /// auto-activation (policy 23), a challenge secret, and the role activated (Thales, "Setting Up an HA Group").
    static func checkActivation(_ partition: Partition, on hsm: HSM) throws(LunaError) {
        guard hsm.auth == .ped else { return }
        let name = "partition \(partition.label) (\(partition.serial))"
        guard partition.policies.isOn(22), partition.policies.isOn(23) else {
            throw LunaError(.operationNotAllowed, "The PED-authenticated \(name) must have partition policies 22 (Allow activation) and 23 (Allow auto-activation) set to 1.")
        }
        guard partition.challenge != nil else {
            throw LunaError(.operationNotAllowed, "The PED-authenticated \(name) has no activation challenge secret; create one with 'role createchallenge'.")
        }
        guard partition.activated else {
            throw LunaError(.operationNotAllowed, "The PED-authenticated \(name) is not activated; HA members must be activated with auto-activation enabled.")
        }
    }

    /// A Luna Cloud HSM service has no HSM policies of its own to set; cloning is what it offers.
    static func checkCloningPolicies(_ partition: Partition, on hsm: HSM) throws(LunaError) {
        if hsm.kind != .cloud, !hsm.policies.isOn(7) {
            throw LunaError(.operationNotAllowed, "HSM policy 7 (Allow cloning) is off on HSM \(hsm.serial), which holds partition \(partition.serial).")
        }
        if hsm.kind != .cloud, !hsm.policies.isOn(16) {
            throw LunaError(.operationNotAllowed, "HSM policy 16 (Allow network replication) is off on HSM \(hsm.serial), which holds partition \(partition.serial).")
        }
        if !partition.policies.isOn(0) {
            throw LunaError(.operationNotAllowed, "Partition policy 0 (Allow private key cloning) is off on partition \(partition.serial).")
        }
        if !partition.policies.isOn(4) {
            throw LunaError(.operationNotAllowed, "Partition policy 4 (Allow secret key cloning) is off on partition \(partition.serial).")
        }
    }

    /// What kind of HSM a member may be on, alone and beside the group's: Luna Cloud services are
    /// password-only; all members share an auth method; PCIe never mixes with network, and PCIe
    /// members share firmware and host.
    static func checkStructure(_ joining: Partition, on hsm: HSM,
                               with members: [(partition: Partition, hsm: HSM)]) throws(LunaError) {
        let name = "partition \(joining.label) (\(joining.serial))"
        if hsm.kind == .cloud, hsm.auth == .ped {
            throw LunaError(.operationNotAllowed, "The \(name) is on a Luna Cloud HSM service with PED authentication; Luna Cloud HSM members support password authentication only.")
        }
        for member in members {
            if member.hsm.auth != hsm.auth {
                throw LunaError(.operationNotAllowed, "The \(name) uses \(describe(hsm.auth)) authentication but member \(member.partition.serial) uses \(describe(member.hsm.auth)); all HSMs in a group must use the same authentication method.")
            }
            if (member.hsm.kind == .pcie) != (hsm.kind == .pcie) {
                throw LunaError(.operationNotAllowed, "An HA group cannot contain both PCIe HSMs and Network HSMs: \(name) is on a \(describe(hsm.kind)) HSM, member \(member.partition.serial) on a \(describe(member.hsm.kind)) HSM.")
            }
            if hsm.kind == .pcie, member.hsm.firmware != hsm.firmware {
                throw LunaError(.operationNotAllowed, "PCIe HSMs in a group must run the same firmware: \(name) has \(hsm.firmware), member \(member.partition.serial) has \(member.hsm.firmware).")
            }
            if hsm.kind == .pcie, member.hsm.host != hsm.host {
                throw LunaError(.operationNotAllowed, "PCIe HSMs in a group must be installed in the host server that creates the group: \(name) is in \(hsm.host ?? "no host"), member \(member.partition.serial) in \(member.hsm.host ?? "no host").")
            }
        }
    }

    /// What must be the same on every member: FIPS mode, HSM policies, cloning domain, partition
    /// policies; and the 7.7.0 firmware rule for the primary.
    static func checkConsistency(_ joining: Partition, on hsm: HSM,
                                 with members: [(partition: Partition, hsm: HSM)]) throws(LunaError) {
        guard let primary = members.first else { return }
        let name = "partition \(joining.label) (\(joining.serial))"
        for member in members {
            if member.hsm.fips != hsm.fips {
                throw LunaError(.configFailsDependencies, "Do not combine HSMs with FIPS mode on and off in one group: HSM \(hsm.serial) and HSM \(member.hsm.serial) differ.")
            }
            let hsmDifferences = hsm.kind == .cloud || member.hsm.kind == .cloud ? "" : differences(member.hsm.policies, hsm.policies)
            if !hsmDifferences.isEmpty {
                throw LunaError(.configFailsDependencies, "HSM policies must be consistent across the group's HSMs (12: Allow non-FIPS algorithms in particular); HSM \(hsm.serial) and HSM \(member.hsm.serial) differ in policy \(hsmDifferences).")
            }
            if member.partition.domain != joining.domain {
                throw LunaError(.operationNotAllowed, "The \(name) is not in the cloning domain of member \(member.partition.serial); all members must be initialized with the same cloning domain.")
            }
            let partitionDifferences = differences(member.partition.policies, joining.policies)
            if !partitionDifferences.isEmpty {
                throw LunaError(.configFailsDependencies, "Partition policies must be consistent across the members; \(name) and member \(member.partition.serial) differ in policy \(partitionDifferences).")
            }
        }
        if let primaryHSM = members.first?.hsm,
           FirmwareVersion.isAtLeast(primaryHSM.firmware, HAGroupRules.primaryFirmwareBoundary),
           !FirmwareVersion.isAtLeast(hsm.firmware, HAGroupRules.primaryFirmwareBoundary) {
            throw LunaError(.operationNotAllowed, "The primary member \(primary.partition.serial) runs firmware \(primaryHSM.firmware); a partition on firmware 7.7.0 or newer cannot be primary of a group with a member on older firmware (\(name) has \(hsm.firmware)).")
        }
    }

    private static func differences(_ left: PolicyTable, _ right: PolicyTable) -> String {
        let numbers = Set(left.values.keys).union(right.values.keys).sorted()
        return numbers.filter { (left[$0] ?? 0) != (right[$0] ?? 0) }.map(String.init).joined(separator: ", ")
    }

    private static func describe(_ auth: HSM.Auth) -> String { auth == .password ? "password" : "PED" }

    private static func describe(_ kind: HSM.Kind) -> String {
        switch kind {
        case .network: "Network"
        case .pcie: "PCIe"
        case .cloud: "Luna Cloud"
        }
    }
}
