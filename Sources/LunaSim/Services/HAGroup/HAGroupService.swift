import ChrystokiConf

/// The `hagroup` operations on the simulated world. Each checks every prerequisite before it
/// changes anything, changes the fleet and Chrystoki.conf through the transaction, and returns a
/// typed result for the renderer. It never prints and never asks: questions (password,
/// copy/remove/quit) are answered by the caller beforehand.
public enum HAGroupService {
    /// What to do with objects already on a partition that joins a group (Thales, "Setting Up an HA Group", step 2).
    public enum ObjectsChoice: String, Sendable {
        /// Keep them and clone them to the other members.
        case copy
        /// Delete them from the joining partition first.
        case remove
    }

    /// Serials of partitions this lunacm process holds a login session on (STC/appID rule, Thales "Setting Up an HA Group").
    public typealias OpenSessions = Set<String>

    // MARK: Reading

    /// The groups in Chrystoki.conf order, with members resolved against the fleet. Sync data is
    /// computed only when `secret` is given and accepted by the members.
    public static func groups(_ transaction: StateTransaction) throws(LunaError) -> [HAGroup] {
        let virtualSlots = try SlotService.virtualSlots(transaction)
        let down = try transaction.downMembers()
        return try transaction.groupDefinitions().map { definition in
            makeGroup(definition, slot: virtualSlots.first { $0.label == definition.label }?.slot, transaction.fleet, down: down)
        }
    }

    public static func group(_ reference: GroupReference, _ transaction: StateTransaction) throws(LunaError) -> HAGroup {
        let definition = try transaction.groupDefinition(reference)
        let slot = try SlotService.virtualSlots(transaction).first { $0.label == definition.label }?.slot
        return makeGroup(definition, slot: slot, transaction.fleet, down: try transaction.downMembers())
    }

    /// Logs into every visible member with `secret` and reports whether their objects differ.
    /// A member this client sees down is compared too: objects created while it was down make
    /// the group need a sync until it holds them again.
    public static func needsSync(_ group: HAGroup, secret: String, openSessions: OpenSessions,
                                 _ transaction: StateTransaction) throws(LunaError) -> Bool {
        let alive = group.members.compactMap(\.partition)
        for partition in alive {
            try HAPrerequisites.checkMember(partition, on: try transaction.hsmOf(partition), secret: secret,
                                            openSessions: openSessions)
        }
        let held = group.members.map(\.serial).filter { transaction.fleet.partition(serial: $0) != nil }
        return try ObjectReplication.needsSync(held, transaction)
    }

    /// How many objects a partition holds, so the caller knows whether to ask copy/remove/quit.
    public static func objectCount(_ member: MemberReference, _ transaction: StateTransaction) throws(LunaError) -> Int {
        try transaction.objectCount(on: try transaction.partition(member).serial)
    }

    // MARK: Creating and deleting

    /// What a creategroup or addmember would do, found by running every check without changing
    /// anything: the caller asks copy/remove/quit only once nothing else can refuse the command.
    public struct JoinPlan: Sendable, Equatable {
        /// Objects on the partition that joins (the question is asked when this is not zero).
        public var objectCount: Int
        /// The joining partition's own SMK would be overwritten by the primary's.
        public var overwritesSMK: Bool
    }

    /// Every check of `createGroup`, changing nothing.
    public static func checkCreateGroup(label: String, member: MemberReference, secret: String,
                                        openSessions: OpenSessions, _ transaction: StateTransaction) throws(LunaError) -> JoinPlan {
        try checkLabel(label, transaction)
        let partition = try transaction.partition(member)
        try checkNotInAGroup(partition, transaction)
        try HAPrerequisites.checkMember(partition, on: try transaction.hsmOf(partition), secret: secret, openSessions: openSessions)
        return JoinPlan(objectCount: try transaction.objectCount(on: partition.serial), overwritesSMK: false)
    }

    /// `hagroup creategroup`: a new group whose primary is `member`.
    public static func createGroup(label: String, member: MemberReference, secret: String,
                                   objects choice: ObjectsChoice?, openSessions: OpenSessions,
                                   _ transaction: StateTransaction) throws(LunaError) -> HAGroup {
        let plan = try checkCreateGroup(label: label, member: member, secret: secret, openSessions: openSessions, transaction)
        let partition = try transaction.partition(member)
        if plan.objectCount > 0 {
            guard let choice else {
                throw LunaError(.cancel, "The partition holds objects and no answer was given to copy, remove or quit.")
            }
            if choice == .remove { try transaction.removeObjects(on: partition.serial) }
        }
        var primary = partition
        if primary.smk == nil {
            primary.smk = transaction.random.bytes(32)
            transaction.fleet.update(primary)
        }
        let number = HAGroupRules.groupNumber(primarySerial: partition.serial)
        let definition = try transaction.editHA { (ha: inout HAConfig) throws(ConfError) -> HAGroupConfig? in
            try ha.addGroup(label: label, serial: number, members: [partition.serial])
            return ha.group(label)
        }
        guard let definition else { throw LunaError(.generalError, "Group \(label) was not written to Chrystoki.conf.") }
        try transaction.saveMemberState(MemberRuntimeState(serial: partition.serial))
        var group = makeGroup(definition, slot: nil, transaction.fleet)
        group.needsSync = false
        return group
    }

    /// `hagroup deletegroup`: removes the client-side definition; member partitions keep their
    /// contents (docs/lunacm-behaviour.md §2.5).
    public static func deleteGroup(_ reference: GroupReference, _ transaction: StateTransaction) throws(LunaError) -> String {
        let definition = try transaction.groupDefinition(reference)
        try transaction.editHA { (ha: inout HAConfig) throws(ConfError) in _ = try ha.deleteGroup(label: definition.label) }
        // This client's run-time view of the members goes with the group (not logged: group
        // deletion is not an HA log event).
        for serial in definition.members { try transaction.saveMemberState(MemberRuntimeState(serial: serial)) }
        return definition.label
    }

    // MARK: Members

    /// What `addmember` did, for the renderer.
    public struct AddMemberResult: Sendable {
        public var serial: String
        public var group: HAGroup
        /// The joining partition had an SMK of its own, now replaced by the primary's.
        public var smkOverwritten: Bool
        /// Added as a standby member (Luna Cloud HSM services, unless the toggle says otherwise).
        public var addedAsStandby: Bool
    }

    /// Every check of `addMember`, changing nothing. The order puts the root cause first: the
    /// joining partition must be initialized, then fit the group (auth, kind, policies, domain),
    /// then accept the group's credential, then allow cloning.
    public static func checkAddMember(_ reference: GroupReference, member: MemberReference, secret: String,
                                      openSessions: OpenSessions, _ transaction: StateTransaction) throws(LunaError) -> JoinPlan {
        let definition = try transaction.groupDefinition(reference)
        let joining = try transaction.partition(member)
        try checkNotInAGroup(joining, transaction)
        guard definition.members.count < HAGroupRules.maximumMembers else {
            throw LunaError(.operationNotAllowed, "Group \(definition.label) already has \(HAGroupRules.maximumMembers) members, the most an HA group can have.")
        }
        var members: [(partition: Partition, hsm: HSM)] = []
        let down = try transaction.downMembers()
        for serial in definition.members {
            guard let partition = transaction.fleet.partition(serial: serial), !down.contains(serial) else {
                throw LunaError(.deviceRemoved, "Member \(serial) of group \(definition.label) is not reachable; recover or remove it before adding members.")
            }
            members.append((partition, try transaction.hsmOf(partition)))
        }
        for member in members {
            try HAPrerequisites.checkMember(member.partition, on: member.hsm, secret: secret, openSessions: openSessions)
        }
        try HAPrerequisites.checkJoining(joining, on: try transaction.hsmOf(joining), with: members,
                                         secret: secret, openSessions: openSessions)
        let primarySMK = members.first?.partition.smk
        return JoinPlan(objectCount: try transaction.objectCount(on: joining.serial),
                        overwritesSMK: joining.smk != nil && joining.smk != primarySMK)
    }

    /// `hagroup addmember`.
    public static func addMember(_ reference: GroupReference, member: MemberReference, secret: String,
                                 objects choice: ObjectsChoice?, openSessions: OpenSessions,
                                 _ transaction: StateTransaction,
                                 progress: @escaping ProgressReport = { _, _ in }) throws(LunaError) -> AddMemberResult {
        let plan = try checkAddMember(reference, member: member, secret: secret, openSessions: openSessions, transaction)
        let definition = try transaction.groupDefinition(reference)
        let joining = try transaction.partition(member)
        let members = definition.members.compactMap(transaction.fleet.partition(serial:))
        let hsm = try transaction.hsmOf(joining)
        let existingSerials = members.map(\.serial)
        if plan.objectCount > 0 {
            guard let choice else {
                throw LunaError(.cancel, "The new member holds objects and no answer was given to copy, remove or quit.")
            }
            switch choice {
            case .copy: _ = try ObjectReplication.copyAll(from: joining.serial, to: existingSerials, transaction, progress: progress)
            case .remove: try transaction.removeObjects(on: joining.serial)
            }
        }

        var updated = joining
        if let primarySMK = members.first?.smk { updated.smk = primarySMK }
        transaction.fleet.update(updated)

        let standby = try transaction.editHA { (ha: inout HAConfig) throws(ConfError) -> Bool in
            let standby = hsm.kind == .cloud && ha.cloudMembersJoinAsStandby
            try ha.setMembers(ofGroup: definition.label, to: definition.members + [joining.serial])
            if standby { try ha.setStandby(ofGroup: definition.label, to: definition.standbyMembers + [joining.serial]) }
            return standby
        }
        try HARuntime.memberChanged(joining.serial, group: definition, added: true, transaction)
        var group = try self.group(GroupReference(definition.label), transaction)
        group.needsSync = try ObjectReplication.needsSync(group.members.compactMap(\.partition).map(\.serial), transaction)
        return AddMemberResult(serial: joining.serial, group: group, smkOverwritten: plan.overwritesSMK, addedAsStandby: standby)
    }

    /// What `removemember` did.
    public struct RemoveMemberResult: Sendable {
        public var serial: String
        public var group: HAGroup
        /// The old group number when removing the primary changed it (docs/lunacm-behaviour.md §2.3).
        public var previousNumber: String?
    }

    /// `hagroup removemember`. Removing the primary gives the group a new number, so that no later
    /// group can reuse the old one (docs/lunacm-behaviour.md §2.3).
    public static func removeMember(_ reference: GroupReference, member: MemberReference,
                                    _ transaction: StateTransaction) throws(LunaError) -> RemoveMemberResult {
        let definition = try transaction.groupDefinition(reference)
        let serial = try transaction.memberSerial(member)
        guard definition.members.contains(serial) else {
            throw LunaError(.argumentsBad, "Partition \(serial) is not a member of group \(definition.label).")
        }
        let remaining = definition.members.filter { $0 != serial }
        guard let newPrimary = remaining.first else {
            throw LunaError(.operationNotAllowed, "Partition \(serial) is the last member of group \(definition.label); use 'hagroup deletegroup' to delete the group.")
        }
        var previousNumber: String?
        try transaction.editHA { (ha: inout HAConfig) throws(ConfError) in
            try ha.setMembers(ofGroup: definition.label, to: remaining)
            if definition.standbyMembers.contains(serial) {
                try ha.setStandby(ofGroup: definition.label, to: definition.standbyMembers.filter { $0 != serial })
            }
            if serial == definition.members.first {
                previousNumber = definition.serial
                try ha.setSerial(ofGroup: definition.label, to: HAGroupRules.groupNumber(primarySerial: newPrimary))
            }
        }
        try HARuntime.memberChanged(serial, group: definition, added: false, transaction)
        return RemoveMemberResult(serial: serial, group: try group(GroupReference(definition.label), transaction),
                                  previousNumber: previousNumber)
    }

    /// `hagroup addstandby` / `removestandby`: the partition must already be a member. Returns
    /// the member's serial and the group as it now is.
    public static func setStandby(_ reference: GroupReference, member: MemberReference, standby: Bool,
                                  _ transaction: StateTransaction) throws(LunaError) -> (serial: String, group: HAGroup) {
        let definition = try transaction.groupDefinition(reference)
        let serial = try transaction.memberSerial(member)
        guard definition.members.contains(serial) else {
            throw LunaError(.argumentsBad, "Partition \(serial) is not a member of group \(definition.label); add it with 'hagroup addmember' first.")
        }
        let isStandby = definition.standbyMembers.contains(serial)
        if standby, isStandby {
            throw LunaError(.argumentsBad, "Member \(serial) is already a standby member of group \(definition.label).")
        }
        if !standby, !isStandby {
            throw LunaError(.argumentsBad, "Member \(serial) is not a standby member of group \(definition.label).")
        }
        let list = standby ? definition.standbyMembers + [serial] : definition.standbyMembers.filter { $0 != serial }
        try transaction.editHA { (ha: inout HAConfig) throws(ConfError) in try ha.setStandby(ofGroup: definition.label, to: list) }
        return (serial, try group(GroupReference(definition.label), transaction))
    }

    // MARK: Synchronization

    /// `hagroup synchronize` without `-enable`/`-disable`: clones until every member holds the
    /// same objects.
    public static func synchronize(_ reference: GroupReference, secret: String, openSessions: OpenSessions,
                                   _ transaction: StateTransaction,
                                   progress: @escaping ProgressReport = { _, _ in }) throws(LunaError) -> (group: HAGroup, objects: Int, members: Int) {
        let definition = try transaction.groupDefinition(reference)
        var partitions: [Partition] = []
        let down = try transaction.downMembers()
        for serial in definition.members {
            guard let partition = transaction.fleet.partition(serial: serial), !down.contains(serial) else {
                throw LunaError(.deviceRemoved, "Member \(serial) of group \(definition.label) is not reachable; recover or remove it before synchronizing.")
            }
            partitions.append(partition)
        }
        var pairs: [(partition: Partition, hsm: HSM)] = []
        for partition in partitions {
            let hsm = try transaction.hsmOf(partition)
            try HAPrerequisites.checkMember(partition, on: hsm, secret: secret, openSessions: openSessions)
            pairs.append((partition, hsm))
        }
        for (index, pair) in pairs.enumerated() where index > 0 {
            try HAPrerequisites.checkStructure(pair.partition, on: pair.hsm, with: Array(pairs[..<index]))
            try HAPrerequisites.checkConsistency(pair.partition, on: pair.hsm, with: Array(pairs[..<index]))
        }
        let result = try ObjectReplication.synchronize(partitions.map(\.serial), transaction, progress: progress)
        var group = try group(GroupReference(definition.label), transaction)
        group.needsSync = false
        return (group, result.objects, result.members)
    }

    /// `hagroup synchronize -enable|-disable`: `HASynchronize { <label> = 1|0; }`.
    public static func setSynchronization(_ reference: GroupReference, enabled: Bool,
                                          _ transaction: StateTransaction) throws(LunaError) -> String {
        let definition = try transaction.groupDefinition(reference)
        try transaction.editHA { (ha: inout HAConfig) throws(ConfError) in try ha.setSynchronize(label: definition.label, enabled: enabled) }
        return definition.label
    }

    // MARK: Helpers

    /// `down`: members this client has found unreachable (HARuntime); like a member missing
    /// from the fleet, their label cannot be read.
    static func makeGroup(_ definition: HAGroupConfig, slot: Int?, _ fleet: Fleet, down: Set<String> = []) -> HAGroup {
        HAGroup(
            label: definition.label, number: definition.serial, slot: slot,
            synchronization: definition.synchronize,
            members: definition.members.map { serial in
                let partition = down.contains(serial) ? nil : fleet.partition(serial: serial)
                return HAMember(serial: serial, partition: partition, status: partition == nil ? .down : .alive)
            },
            standbySerials: definition.standbyMembers, needsSync: nil)
    }

    private static func checkLabel(_ label: String, _ transaction: StateTransaction) throws(LunaError) {
        if HAGroupRules.isReservedLabel(label) {
            throw LunaError(.argumentsBad, "The label \"\(label)\" is reserved: do not call an HA group \"HA\".")
        }
        guard HAGroupRules.labelLength.contains(label.count) else {
            throw LunaError(.argumentsBad, "An HA group label is 1 to 32 characters.")
        }
        do {
            try HAConfig.validateLabel(label)
        } catch {
            throw LunaError(.argumentsBad, "The label contains characters that Chrystoki.conf cannot hold: \(error.message)")
        }
        let groups = try transaction.groupDefinitions()
        if groups.contains(where: { $0.label.lowercased() == label.lowercased() }) {
            throw LunaError(.argumentsBad, "The label you specified for the new group has already been used.")
        }
        // `-group` accepts a label or a group number, so a label may not be another group's number.
        if let group = groups.first(where: { $0.serial == label }) {
            throw LunaError(.argumentsBad, "The label \(label) is the HA group number of group \(group.label); choose another label.")
        }
    }

    private static func checkNotInAGroup(_ partition: Partition, _ transaction: StateTransaction) throws(LunaError) {
        if let group = try transaction.groupDefinitions().first(where: { $0.members.contains(partition.serial) }) {
            throw LunaError(.argumentsBad, "The member you specified is already part of an HA group (\(group.label)).")
        }
    }
}
