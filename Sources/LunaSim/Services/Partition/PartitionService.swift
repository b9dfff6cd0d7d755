/// The `partition` operations on one physical partition (docs/lunacm-behaviour.md §3.3). Who must be logged in
/// is checked by the shell; these check the partition's own state and change it.
public enum PartitionService {
    /// `partition showinfo`.
    public static func info(_ serial: String, loggedIn: Role?, _ transaction: StateTransaction) throws(LunaError) -> PartitionInfo {
        let partition = try RoleService.partition(serial, transaction)
        let objects = try transaction.objects(on: serial)
        return PartitionInfo(partition: partition, hsm: try transaction.hsmOf(partition), loggedIn: loggedIn,
                             objectCount: objects.count, usedStorage: objects.reduce(0) { $0 + storage(of: $1) })
    }

    /// Modelled: storage an object takes: its key bytes plus a fixed 96-byte attribute overhead.
    public static func storage(of object: StoredObject) -> Int { (object.size + 7) / 8 + 96 }

    /// `partition contents`: the objects the logged-in role can see; without a login only
    /// public objects (keys and data are private to the CO/CU).
    public static func contents(_ serial: String, loggedIn: Role?, _ transaction: StateTransaction) throws(LunaError) -> [StoredObject] {
        let objects = try transaction.objects(on: serial)
        if let loggedIn, loggedIn.isCryptoRole { return objects }
        return objects.filter { $0.objectClass == .publicKey || $0.objectClass == .certificate }
    }

    /// `partition init`: label, Partition SO credential and cloning domain; every object, the CO
    /// and CU roles, the SMK and the counters go (docs/lunacm-behaviour.md §1.6 "All contents ... destroyed").
    /// `template`: the policies a policy template sets (`-applytemplate`), checked again here
    /// and applied with the initialization, or not at all.
    public static func initialize(_ serial: String, label: String, poPassword: String, domain: String,
                                  template: (file: String, entries: [PolicyTemplate.Entry])? = nil,
                                  _ transaction: StateTransaction) throws(LunaError) {
        try CredentialRules.checkLabel(label)
        try CredentialRules.checkPassword(poPassword, what: "Partition SO password")
        try CredentialRules.checkDomain(domain)
        try HSMService.requireInitialized(hosting: serial, transaction)
        if let template { try PolicyTemplate.check(template.entries, file: template.file, on: serial, transaction) }
        let old = try RoleService.partition(serial, transaction)
        try transaction.removeObjects(on: serial)
        var partition = Partition(label: label, serial: old.serial, slot: old.slot, hsmSerial: old.hsmSerial,
                                  domain: domain, stc: old.stc, policies: old.policies,
                                  poPassword: SecretHash.make(poPassword, random: &transaction.random))
        partition.activated = false
        for entry in template?.entries ?? [] { partition.policies[entry.change.number] = entry.change.value }
        transaction.fleet.update(partition)
    }

    /// `partition clear`: deletes every object; returns how many.
    public static func clear(_ serial: String, _ transaction: StateTransaction) throws(LunaError) -> Int {
        let count = try transaction.objectCount(on: serial)
        try transaction.removeObjects(on: serial)
        return count
    }

    /// One object cloned by `partition clone`.
    public struct Cloned: Sendable, Equatable {
        public var source: StoredObject
        public var newHandle: Int
    }

    /// Every check of `clone`, changing nothing: the objects exist, both partitions share a
    /// cloning domain, cloning is allowed (HSM policy 7 on both, partition policy 0 or 4 for
    /// private or secret keys), and the target's CO accepts `targetSecret`.
    public static func checkClone(handles: [Int]?, from source: String, to targetSlot: Int, targetSecret: String,
                                  _ transaction: StateTransaction) throws(LunaError) -> (objects: [StoredObject], target: Partition) {
        let from = try RoleService.partition(source, transaction)
        guard let target = transaction.fleet.partition(slot: targetSlot) else {
            if try SlotService.virtualSlots(transaction).contains(where: { $0.slot == targetSlot }) {
                throw LunaError(.argumentsBad, "Slot \(targetSlot) is an HA virtual slot; clone to a physical partition.")
            }
            throw LunaError.slotInvalid(targetSlot)
        }
        guard target.serial != from.serial else {
            throw LunaError.badArguments("The target slot is the current slot; name another partition.")
        }
        let all = try transaction.objects(on: source)
        var objects: [StoredObject] = []
        if let handles {
            for handle in handles {
                guard let object = all.first(where: { $0.handle == handle }) else {
                    throw LunaError(.objectHandleInvalid, "There is no object with handle \(handle) on partition \(from.label).")
                }
                objects.append(object)
            }
        } else {
            objects = all
        }
        let fromHSM = try transaction.hsmOf(from), toHSM = try transaction.hsmOf(target)
        guard let domain = target.domain, target.coPassword != nil else {
            throw LunaError(.tokenNotRecognized, "The target partition \(target.label) is not initialized (no cloning domain or Crypto Officer).")
        }
        guard domain == from.domain else {
            throw LunaError(.operationNotAllowed, "Partitions \(from.label) and \(target.label) are not in the same cloning domain; objects clone only within one domain.")
        }
        for hsm in [fromHSM, toHSM] where hsm.kind != .cloud && !hsm.policies.isOn(7) {
            throw LunaError(.operationNotAllowed, "HSM policy 7 (Allow cloning) is off on HSM \(hsm.serial).")
        }
        for object in objects {
            if object.objectClass == .privateKey, !from.policies.isOn(0) {
                throw LunaError(.operationNotAllowed, "Partition policy 0 (Allow private key cloning) is off on partition \(from.label): object \(object.handle) cannot be cloned.")
            }
            if object.objectClass == .secretKey, !from.policies.isOn(4) {
                throw LunaError(.operationNotAllowed, "Partition policy 4 (Allow secret key cloning) is off on partition \(from.label): object \(object.handle) cannot be cloned.")
            }
        }
        try HAPrerequisites.checkLogin(target, on: toHSM, secret: targetSecret, openSessions: [])
        if target.userLockedOut {
            throw LunaError(LockoutRules.lockedOutCode, "The Crypto Officer of the target partition \(target.label) is locked out.")
        }
        return (objects, target)
    }

    /// `partition clone`: copies the objects to the target with new handles there.
    public static func clone(handles: [Int]?, from source: String, to targetSlot: Int, targetSecret: String,
                             _ transaction: StateTransaction,
                             progress: @escaping ProgressReport = { _, _ in }) throws(LunaError) -> [Cloned] {
        let (objects, target) = try checkClone(handles: handles, from: source, to: targetSlot,
                                               targetSecret: targetSecret, transaction)
        var counter = ProgressCounter(total: objects.count, report: progress)
        let stored = try counter.append(objects, on: target.serial, transaction)
        return zip(objects, stored).map { Cloned(source: $0, newHandle: $1.handle) }
    }
}
