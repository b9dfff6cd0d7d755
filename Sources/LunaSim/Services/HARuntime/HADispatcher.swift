/// Work on one slot, member by member, held in memory for a run of operations so that no
/// operation needs a transaction: the caller persists only what changed (a member found down, a
/// standby promoted) and refreshes it when another process changed the state (`refresh`).
///
/// Dispatch (Thales, "High-Availability Groups", load balancing): each operation goes to the
/// least busy member that can take work: alive for this client, active (standby members only
/// when no active member can), not waiting for a login after an activeBasic recovery, and
/// holding the key. This client runs one operation at a time, so every member is equally idle
/// when an operation starts, and the choice is round-robin in group order: deterministic. An
/// operation whose member turns out to be unreachable is marked down and failed over to the
/// next member, invisibly to the caller; it fails only when no member is left.
public struct HADispatcher {
    /// One member (or the one partition of a physical slot).
    public struct Target: Sendable, Equatable {
        public var serial: String
        public var label: String
        public var standby: Bool
    }

    public let slot: Int
    /// The group's label, nil on a physical slot.
    public let group: String?
    public let targets: [Target]
    /// The object the run uses, as the slot shows it.
    public let object: StoredObject
    /// The operation on each member's copy of the key (nil: that member lacks it).
    let operations: [CryptoOperation?]
    public var operationName: String { operations.compactMap { $0 }.first?.name ?? "operation" }

    /// Operations served, per target.
    public private(set) var served: [Int]
    public private(set) var failed = 0
    /// Operations that reached their result only after failing over from an unreachable member.
    public private(set) var failedOver = 0
    /// The first failure, for the command's result code.
    public private(set) var firstFailure: LunaError?

    var down: [Bool]
    var awaitingLogin: [Bool]
    var promoted: [Bool]
    var unreachable: [String?]
    var cursor = 0
    /// Members this run found unreachable, not yet persisted by the caller.
    public private(set) var newlyDown: [String] = []
    /// Standby members whose promotion (true) or return to standby (false) is not yet persisted.
    public private(set) var promotionChange: (serials: [String], promoted: Bool)?

    init(slot: Int, group: String?, targets: [Target], object: StoredObject, operations: [CryptoOperation?]) {
        self.slot = slot
        self.group = group
        self.targets = targets
        self.object = object
        self.operations = operations
        served = Array(repeating: 0, count: targets.count)
        down = Array(repeating: false, count: targets.count)
        awaitingLogin = down
        promoted = down
        unreachable = Array(repeating: nil, count: targets.count)
    }

    /// Takes what the state now says: faults, this client's member state, the fleet.
    public mutating func refresh(faults: Faults, states: [String: MemberRuntimeState], fleet: Fleet) {
        for (index, target) in targets.enumerated() {
            let state = states[target.serial]
            down[index] = state?.down ?? false
            awaitingLogin[index] = state?.awaitingLogin ?? false
            promoted[index] = state?.promoted ?? false
            unreachable[index] = HARuntime.unreachableReason(target.serial, faults: faults, fleet)
        }
    }

    /// Runs one operation; `counter` makes it unique (AES-GCM nonce). Returns the target that
    /// served it, or nil when it failed.
    @discardableResult
    public mutating func runOne(counter: UInt64) -> Int? {
        let operations = self.operations
        guard let (index, wentOver) = dispatch(holding: { operations[$0] != nil }) else { return nil }
        guard let operation = operations[index] else { return fail(LunaError(.generalError, "No key.")) }
        do {
            try operation.perform(counter: counter)
        } catch {
            return fail(error)
        }
        served[index] += 1
        if wentOver { failedOver += 1 }
        notePromotion(servedBy: index, holding: { operations[$0] != nil })
        return index
    }

    /// For a caller that performs the operation itself (the PKCS#11 library, whose keys and
    /// mechanisms are its own): the member that takes the next operation, chosen, failed over
    /// and counted exactly as `runOne` does, among the members in `holders` (those holding the
    /// key). nil when no member can take it (`firstFailure` says why).
    @discardableResult
    public mutating func route(among holders: Set<String>) -> Int? {
        let targets = self.targets
        guard let (index, wentOver) = dispatch(holding: { holders.contains(targets[$0].serial) }) else { return nil }
        served[index] += 1
        if wentOver { failedOver += 1 }
        notePromotion(servedBy: index, holding: { holders.contains(targets[$0].serial) })
        return index
    }

    /// Members that can take work now as this dispatcher sees them (not down, reachable, not
    /// waiting for a login), in group order; what a caller reads from without running an
    /// operation (the library's object searches).
    public var availableMembers: [String] {
        targets.indices.filter { !down[$0] && !awaitingLogin[$0] && unreachable[$0] == nil }.map { targets[$0].serial }
    }

    /// The pick, failing over from members found unreachable (marked down, left for the caller
    /// to persist): the member that takes the operation and whether it took it over.
    private mutating func dispatch(holding holds: (Int) -> Bool) -> (Int, Bool)? {
        var wentOver = false
        while true {
            guard let index = pick(holding: holds) else {
                _ = fail(LunaError(.deviceRemoved, group.map { "No member of HA group \($0) can take the operation: every member is down." }
                                   ?? "Slot \(slot) cannot be reached."))
                return nil
            }
            if let reason = unreachable[index] {
                guard group != nil else {
                    _ = fail(LunaError(.deviceRemoved, "Slot \(slot) cannot be reached: \(reason)."))
                    return nil
                }
                down[index] = true
                newlyDown.append(targets[index].serial)
                wentOver = true
                continue
            }
            return (index, wentOver)
        }
    }

    /// The caller persisted `newlyDown` and `promotionChange`.
    public mutating func clearPending() {
        newlyDown = []
        promotionChange = nil
    }

    private mutating func fail(_ error: LunaError) -> Int? {
        failed += 1
        if firstFailure == nil { firstFailure = error }
        return nil
    }

    private func canServe(_ index: Int, _ holds: (Int) -> Bool) -> Bool {
        !down[index] && !awaitingLogin[index] && holds(index)
    }

    /// The next member, round-robin from the cursor: actives first, standbys when no active can.
    private mutating func pick(holding holds: (Int) -> Bool) -> Int? {
        let count = targets.count
        for standby in [false, true] {
            for step in 0..<count {
                let index = (cursor + step) % count
                if targets[index].standby == standby, canServe(index, holds) {
                    cursor = (index + 1) % count
                    return index
                }
            }
        }
        return nil
    }

    private mutating func notePromotion(servedBy index: Int, holding holds: (Int) -> Bool) {
        if targets[index].standby, !promoted[index] {
            let serials = targets.indices.filter { targets[$0].standby && canServe($0, holds) && !promoted[$0] }
            for i in serials { promoted[i] = true }
            promotionChange = (serials.map { targets[$0].serial }, true)
        } else if !targets[index].standby, promoted.contains(true) {
            let serials = targets.indices.filter { promoted[$0] }
            for i in serials { promoted[i] = false }
            promotionChange = (serials.map { targets[$0].serial }, false)
        }
    }
}

extension HARuntime {
    /// A dispatcher for a run of operations on `slot` with object `handle` (the slot's first
    /// object that supports an operation when nil). Call `touch(slot:)` first.
    public static func dispatcher(slot: Int, handle: Int?, _ transaction: StateTransaction) throws(LunaError) -> HADispatcher {
        let faults = try transaction.faults()
        let states = try transaction.memberStates()
        let fleet = transaction.fleet
        if let partition = fleet.partition(slot: slot) {
            let objects = try transaction.objects(on: partition.serial)
            let object = try choose(objects, handle: handle, slot: slot)
            var dispatcher = HADispatcher(slot: slot, group: nil,
                                          targets: [.init(serial: partition.serial, label: partition.label, standby: false)],
                                          object: object, operations: [CryptoOperation(object)])
            dispatcher.refresh(faults: faults, states: [:], fleet: fleet)
            return dispatcher
        }
        let definition = try groupDefinition(slot: slot, transaction)
        // The key as the slot shows it: the first usable member's copy; with every member down,
        // the first member's that the state still holds (the operations then fail one by one).
        let usable = definition.members.filter { !(states[$0]?.down ?? false) && unreachableReason($0, faults: faults, fleet) == nil }
        guard let primary = usable.first ?? definition.members.first(where: { fleet.partition(serial: $0) != nil }) else {
            throw LunaError(.deviceRemoved, "No member of HA group \(definition.label) can take the operation: every member is down.")
        }
        let object = try choose(try transaction.objects(on: primary), handle: handle, slot: slot)
        var targets: [HADispatcher.Target] = []
        var operations: [CryptoOperation?] = []
        for serial in definition.members {
            let copy = try transaction.objects(on: serial).first { $0.identity == object.identity && $0.material == object.material }
            targets.append(.init(serial: serial, label: fleet.partition(serial: serial)?.label ?? "",
                                 standby: definition.standbyMembers.contains(serial)))
            operations.append(copy.flatMap(CryptoOperation.init))
        }
        var dispatcher = HADispatcher(slot: slot, group: definition.label, targets: targets, object: object, operations: operations)
        dispatcher.refresh(faults: faults, states: states, fleet: fleet)
        return dispatcher
    }

    /// A dispatcher over the members of the HA group at `slot`, for a caller that brings its own
    /// keys and performs each operation itself with `route(among:)`: the PKCS#11 library's HA
    /// virtual slot, so that it and `runOperations` share one choice of member, one failover and
    /// one promotion. Its `object` is an empty placeholder. Call `touch(slot:)` first.
    public static func memberDispatcher(slot: Int, _ transaction: StateTransaction) throws(LunaError) -> HADispatcher {
        let definition = try groupDefinition(slot: slot, transaction)
        let fleet = transaction.fleet
        let targets = definition.members.map { serial in
            HADispatcher.Target(serial: serial, label: fleet.partition(serial: serial)?.label ?? "",
                                standby: definition.standbyMembers.contains(serial))
        }
        var dispatcher = HADispatcher(slot: slot, group: definition.label, targets: targets,
                                      object: StoredObject(handle: 0, label: "", objectClass: .data, keyType: "", size: 0),
                                      operations: Array(repeating: nil, count: targets.count))
        dispatcher.refresh(faults: try transaction.faults(), states: try transaction.memberStates(), fleet: fleet)
        return dispatcher
    }

    /// What a running dispatcher needs to see another process's changes (after `touch`).
    public static func runtimeState(_ transaction: StateTransaction) throws(LunaError) -> (Faults, [String: MemberRuntimeState], Fleet) {
        (try transaction.faults(), try transaction.memberStates(), transaction.fleet)
    }

    private static func choose(_ objects: [StoredObject], handle: Int?, slot: Int) throws(LunaError) -> StoredObject {
        if let handle {
            guard let object = objects.first(where: { $0.handle == handle }) else {
                throw LunaError(.objectHandleInvalid, "There is no object with handle \(handle) on slot \(slot).")
            }
            guard CryptoOperation(object) != nil else {
                throw LunaError(.argumentsBad, "Object \(handle) cannot sign or encrypt: use an EC or RSA private key or an AES key with key material ('simulator createObject').")
            }
            return object
        }
        guard let object = objects.first(where: { CryptoOperation($0) != nil }) else {
            throw LunaError(.argumentsBad, "Slot \(slot) holds no key that can sign or encrypt; create one with 'simulator createObject'.")
        }
        return object
    }
}
