/// `partition changepolicy` and `hsm changehsmpolicy` (docs/lunacm-behaviour.md §6): check every requested
/// change against the catalog and the capabilities first, report which are destructive so the
/// caller can ask `proceed`, then apply them all or none.
public enum PolicyService {
    /// One requested change.
    public struct Change: Sendable, Equatable {
        public var number: Int
        public var value: Int
        public init(number: Int, value: Int) {
            self.number = number
            self.value = value
        }
    }

    /// What a checked request would do.
    public struct Plan: Sendable, Equatable {
        public var changes: [Change]
        /// Changes that destroy objects, in request order.
        public var destructive: [PolicyDefinition]
    }

    /// Pairs `-policy 33,37,40 -value 0,1,1` (docs/lunacm-behaviour.md §3.3).
    public static func pair(policies: String, values: String) throws(LunaError) -> [Change] {
        let numbers = policies.split(separator: ",", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces) }
        let settings = values.split(separator: ",", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces) }
        guard numbers.allSatisfy({ $0 != nil }), settings.allSatisfy({ $0 != nil }) else {
            throw LunaError.badArguments("-policy and -value take numbers, or comma-separated lists of numbers.")
        }
        guard numbers.count == settings.count else {
            throw LunaError.badArguments("-policy names \(numbers.count) policies but -value gives \(settings.count) values.")
        }
        var seen: Set<Int> = []
        var changes: [Change] = []
        for (number, value) in zip(numbers, settings) {
            guard seen.insert(number!).inserted else {
                throw LunaError.badArguments("Policy \(number!) is named more than once.")
            }
            changes.append(Change(number: number!, value: value!))
        }
        return changes
    }

    // MARK: Partition

    public static func checkPartitionChanges(_ changes: [Change], on serial: String,
                                             _ transaction: StateTransaction) throws(LunaError) -> Plan {
        let partition = try RoleService.partition(serial, transaction)
        let hsm = try transaction.hsmOf(partition)
        return try plan(changes, kind: "partition", current: partition.policies, definition: PolicyCatalog.partitionPolicy,
                        capability: { PolicyCatalog.partitionCapability($0, on: hsm) })
    }

    /// Applies checked changes; destructive ones delete the partition's objects. Returns the
    /// number of objects deleted.
    public static func changePartitionPolicies(_ changes: [Change], on serial: String,
                                               _ transaction: StateTransaction) throws(LunaError) -> Int {
        let plan = try checkPartitionChanges(changes, on: serial, transaction)
        var partition = try RoleService.partition(serial, transaction)
        var deleted = 0
        if !plan.destructive.isEmpty {
            deleted = try transaction.objectCount(on: serial)
            try transaction.removeObjects(on: serial)
        }
        for change in changes { partition.policies[change.number] = change.value }
        transaction.fleet.update(partition)
        return deleted
    }

    // MARK: HSM

    public static func checkHSMChanges(_ changes: [Change], on hsmSerial: String,
                                       _ transaction: StateTransaction) throws(LunaError) -> Plan {
        let hsm = try self.hsm(hsmSerial, transaction)
        return try plan(changes, kind: "HSM", current: hsm.policies, definition: PolicyCatalog.hsmPolicy,
                        capability: { PolicyCatalog.hsmCapability($0, of: hsm) })
    }

    /// Applies checked HSM policy changes; destructive ones delete the objects of every
    /// partition on the HSM (modelled). Returns the number of objects deleted.
    public static func changeHSMPolicies(_ changes: [Change], on hsmSerial: String,
                                         _ transaction: StateTransaction) throws(LunaError) -> Int {
        let plan = try checkHSMChanges(changes, on: hsmSerial, transaction)
        var hsm = try self.hsm(hsmSerial, transaction)
        var deleted = 0
        if !plan.destructive.isEmpty {
            for partition in transaction.fleet.partitions where partition.hsmSerial == hsmSerial {
                deleted += try transaction.objectCount(on: partition.serial)
                try transaction.removeObjects(on: partition.serial)
            }
        }
        for change in changes { hsm.policies[change.number] = change.value }
        transaction.fleet.update(hsm)
        return deleted
    }

    // MARK: Checks

    /// A capability-only entry cannot be set; a policy can be turned on only where its
    /// capability is 1 (CKR_CONFIG_CHANGE_ILLEGAL, docs/lunacm-behaviour.md §6.3); values must fit.
    /// Checks each change against its definition and capability, and lists the destructive ones:
    /// the same rules for partition and HSM policies, with their own catalogs.
    private static func plan(_ changes: [Change], kind: String, current: PolicyTable,
                             definition: (Int) -> PolicyDefinition?,
                             capability: (PolicyDefinition) -> Int) throws(LunaError) -> Plan {
        var destructive: [PolicyDefinition] = []
        for change in changes {
            guard let found = definition(change.number) else {
                throw LunaError(.policyIDInvalid, "There is no \(kind) policy \(change.number).")
            }
            try check(change, found, capability: capability(found), kind: kind)
            if found.isDestructive(from: PolicyCatalog.value(found, in: current), to: change.value) {
                destructive.append(found)
            }
        }
        return Plan(changes: changes, destructive: destructive)
    }

    static func check(_ change: Change, _ definition: PolicyDefinition, capability: Int, kind: String) throws(LunaError) {
        let label = "\(kind) policy \(definition.number) (\(definition.name))"
        if definition.capabilityOnly {
            throw LunaError(.configChangeIllegal, "The \(label) is a capability and cannot be changed.")
        }
        switch definition.values {
        case .flag:
            guard change.value == 0 || change.value == 1 else {
                throw LunaError(.argumentsBad, "The \(label) takes 0 or 1, not \(change.value).")
            }
            if change.value == 1, capability == 0 {
                throw LunaError(.configChangeIllegal, "The \(label) cannot be turned on: its capability is 0 on this \(kind == "HSM" ? "HSM" : "partition").")
            }
        case .upToCapability:
            guard (1...capability).contains(change.value) else {
                throw LunaError(.configChangeIllegal, "The \(label) takes a value from 1 to \(capability) (it may only be lowered), not \(change.value).")
            }
        case .range(let range):
            guard range.contains(change.value) else {
                throw LunaError(.argumentsBad, "The \(label) takes a value from \(range.lowerBound) to \(range.upperBound), not \(change.value).")
            }
        }
    }

    static func hsm(_ serial: String, _ transaction: StateTransaction) throws(LunaError) -> HSM {
        guard let hsm = transaction.fleet.hsm(serial: serial) else {
            throw LunaError(.slotIDInvalid, "No HSM with serial number \(serial) is visible to this client.")
        }
        return hsm
    }
}
