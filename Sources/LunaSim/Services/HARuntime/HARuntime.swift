import ChrystokiConf

/// HA at run time: the one model of members failing, work failing over and members recovering
/// that lunacm and the simulator's PKCS#11 library (liblunasim-pkcs11) both use. A member
/// is down for this client only once an operation or an HA command of this client touches it
/// and cannot reach it (Thales, "High-Availability Group Recovery": an idle client notices
/// nothing); recovery is lazy, attempted at the next touch once `AutoReconnectInterval`
/// simulated seconds have passed, at most `reconnAtt` times (-1: without limit).
///
/// The public API, for a caller that serves operations:
/// - `touch(slot:_:)` before work on a slot: marks unreachable members down, runs the recovery
///   attempts that are due (replicating missed objects when synchronization is on);
/// - `dispatcher(slot:_:)` for the members that can take work now and the least-busy choice
///   (`memberDispatcher(slot:_:)` and `route(among:)` for a caller that performs each operation
///   itself, the PKCS#11 library);
/// - `markDown(_:slot:_:)` when an operation finds its member unreachable (then fail over);
/// - `recover(_:_:)` for `hagroup recover`; `loggedIn(slot:_:)` after a login on an HA slot;
/// - `applicationSlots(_:)` for the slot list an application sees.
/// Every function takes a `StateTransaction`, never prints and never touches a file: HA log
/// lines are handed to the store with the transaction.
public enum HARuntime {
    // MARK: Reachability

    /// Why this client cannot work with the partition now, or nil when it can: the partition
    /// left the fleet, its HSM is down or unreachable, or (PED) it lost its activation.
    public static func unreachableReason(_ serial: String, faults: Faults, _ fleet: Fleet) -> String? {
        guard let partition = fleet.partition(serial: serial) else { return "partition \(serial) is not visible" }
        if let reason = faults.unreachableReason(hsm: partition.hsmSerial) { return reason }
        if let hsm = fleet.hsm(of: partition), hsm.auth == .ped, !partition.activated {
            return "partition \(serial) is not activated"
        }
        return nil
    }

    // MARK: Touching a group

    /// What a touch changed, for a caller that reports it.
    public struct TouchResult: Sendable, Equatable {
        public var foundDown: [String] = []
        public var recovered: [String] = []
        public var failedAttempts: [String] = []
    }

    /// Before work on `slot`: a physical slot whose HSM cannot be reached refuses the work
    /// (CKR_DEVICE_REMOVED); on an HA slot, members that cannot be reached are marked down and
    /// due recovery attempts run.
    ///
    /// `findingDown: false` runs only the recovery attempts: a run of operations learns that a
    /// member is down from the operation that fails over, not from polling.
    @discardableResult
    public static func touch(slot: Int, findingDown: Bool = true, _ transaction: StateTransaction) throws(LunaError) -> TouchResult {
        if let partition = transaction.fleet.partition(slot: slot) {
            if let reason = unreachableReason(partition.serial, faults: try transaction.faults(), transaction.fleet) {
                throw LunaError(.deviceRemoved, "Slot \(slot) cannot be reached: \(reason).")
            }
            return TouchResult()
        }
        return try touch(group: try groupDefinition(slot: slot, transaction), findingDown: findingDown, transaction)
    }

    /// Marks the group's unreachable members down, then runs the auto-recovery attempts that
    /// are due.
    @discardableResult
    public static func touch(group definition: HAGroupConfig, findingDown: Bool = true,
                             _ transaction: StateTransaction) throws(LunaError) -> TouchResult {
        let faults = try transaction.faults()
        let states = try transaction.memberStates()
        let settings = HASettings(HAConfig(try transaction.conf()))
        var result = TouchResult()
        for serial in definition.members where findingDown && !(states[serial]?.down ?? false) {
            if let reason = unreachableReason(serial, faults: faults, transaction.fleet) {
                try markDown(serial, group: definition, reason: reason, transaction)
                result.foundDown.append(serial)
            }
        }
        guard settings.retryCount != 0 else { return result }
        let now = transaction.clock.now
        for serial in definition.members {
            guard var state = try transaction.memberStates()[serial], state.down,
                  !result.foundDown.contains(serial),
                  settings.retryCount < 0 || state.attempts < settings.retryCount,
                  now - state.lastAttempt >= Int64(settings.interval) else { continue }
            state.attempts += 1
            state.lastAttempt = now
            let attempt = state.attempts
            try transaction.saveMemberState(state)
            if let reason = unreachableReason(serial, faults: faults, transaction.fleet) {
                log(definition, serial, "auto-recovery attempt \(attempt) failed: \(reason)", transaction)
                result.failedAttempts.append(serial)
            } else {
                try bringBack(serial, group: definition, how: "auto-recovery attempt \(attempt)", settings: settings, transaction)
                result.recovered.append(serial)
            }
        }
        return result
    }

    /// An operation or command found `serial` unreachable: this client now sees it down.
    public static func markDown(_ serial: String, slot: Int, _ transaction: StateTransaction) throws(LunaError) {
        let definition = try groupDefinition(slot: slot, transaction)
        guard !(try transaction.memberStates()[serial]?.down ?? false) else { return }
        let reason = unreachableReason(serial, faults: try transaction.faults(), transaction.fleet) ?? "no reply"
        try markDown(serial, group: definition, reason: reason, transaction)
    }

    static func markDown(_ serial: String, group definition: HAGroupConfig, reason: String,
                         _ transaction: StateTransaction) throws(LunaError) {
        let now = transaction.clock.now
        try transaction.saveMemberState(MemberRuntimeState(serial: serial, down: true, since: now, lastAttempt: now))
        log(definition, serial, "found down (\(reason))", transaction)
    }

    /// The member is reachable again: alive, its missed objects replicated when the group
    /// synchronizes, and (activeBasic) waiting for the next login before it takes work.
    static func bringBack(_ serial: String, group definition: HAGroupConfig, how: String, settings: HASettings,
                          _ transaction: StateTransaction) throws(LunaError) {
        let basic = settings.recoveryMode.lowercased() == HARecoveryMode.activeBasic.rawValue.lowercased()
        try transaction.saveMemberState(MemberRuntimeState(serial: serial, awaitingLogin: basic))
        var note = ""
        if definition.synchronize {
            let down = try transaction.downMembers()
            let faults = try transaction.faults()
            let alive = definition.members.filter {
                !down.contains($0) && unreachableReason($0, faults: faults, transaction.fleet) == nil
            }
            let copied = try ObjectReplication.synchronize(alive, transaction)
            if copied.objects > 0 { note = ", \(copied.objects) object(s) replicated" }
        }
        log(definition, serial, "recovered (\(how)\(note))", transaction)
    }

    // MARK: hagroup recover

    /// What `hagroup recover` found for each member that was down.
    public struct RecoverResult: Sendable, Equatable {
        /// A member the attempt could not bring back, and why.
        public struct StillDown: Sendable, Equatable {
            public var serial: String
            public var reason: String
        }

        public var label: String
        public var recovered: [String]
        public var stillDown: [StillDown]
    }

    /// `hagroup recover`: tries every down member of the group now, whatever the retry count
    /// and interval; the only way back once auto-recovery gave up or is off.
    public static func recover(_ definition: HAGroupConfig, _ transaction: StateTransaction) throws(LunaError) -> RecoverResult {
        try touch(group: definition, transaction)
        let states = try transaction.memberStates()
        let faults = try transaction.faults()
        let settings = HASettings(HAConfig(try transaction.conf()))
        var result = RecoverResult(label: definition.label, recovered: [], stillDown: [])
        for serial in definition.members where states[serial]?.down ?? false {
            if let reason = unreachableReason(serial, faults: faults, transaction.fleet) {
                log(definition, serial, "manual recovery failed: \(reason)", transaction)
                result.stillDown.append(.init(serial: serial, reason: reason))
            } else {
                try bringBack(serial, group: definition, how: "hagroup recover", settings: settings, transaction)
                result.recovered.append(serial)
            }
        }
        return result
    }

    /// After a CO or CU login on an HA slot: members recovered under activeBasic take work again.
    public static func loggedIn(slot: Int, _ transaction: StateTransaction) throws(LunaError) {
        guard transaction.fleet.partition(slot: slot) == nil,
              let definition = try? groupDefinition(slot: slot, transaction) else { return }
        let states = try transaction.memberStates()
        for serial in definition.members {
            guard var state = states[serial], state.awaitingLogin else { continue }
            state.awaitingLogin = false
            try transaction.saveMemberState(state)
        }
    }

    /// Records that standby members serve work (every active member is down), or no longer do.
    public static func setPromoted(_ serials: [String], promoted: Bool, slot: Int,
                                   _ transaction: StateTransaction) throws(LunaError) {
        let definition = try groupDefinition(slot: slot, transaction)
        let states = try transaction.memberStates()
        for serial in serials {
            var state = states[serial] ?? MemberRuntimeState(serial: serial)
            guard state.promoted != promoted else { continue }
            state.promoted = promoted
            try transaction.saveMemberState(state)
            log(definition, serial, promoted ? "standby member promoted (every active member is down)"
                : "promoted standby member back to standby (an active member is alive)", transaction)
        }
    }

    /// A member joined or left a group: logged, and any stale run-time state of it forgotten.
    static func memberChanged(_ serial: String, group definition: HAGroupConfig, added: Bool,
                              _ transaction: StateTransaction) throws(LunaError) {
        try transaction.saveMemberState(MemberRuntimeState(serial: serial))
        log(definition, serial, added ? "member added" : "member removed", transaction)
    }

    // MARK: Helpers

    static func groupDefinition(slot: Int, _ transaction: StateTransaction) throws(LunaError) -> HAGroupConfig {
        guard let virtual = try SlotService.virtualSlots(transaction).first(where: { $0.slot == slot }),
              let definition = try transaction.groupDefinitions().first(where: { $0.label == virtual.label }) else {
            throw LunaError.slotInvalid(slot)
        }
        return definition
    }

    /// One HA log line, when `haLogStatus` is enabled and `haLogPath` set.
    static func log(_ definition: HAGroupConfig, _ serial: String, _ event: String, _ transaction: StateTransaction) {
        guard let ha = try? HAConfig(transaction.conf()), ha.logEnabled, let path = ha.logPath else { return }
        let line = HALogLine.line(at: transaction.clock.now, group: definition.serial, label: definition.label,
                                  member: serial, event)
        transaction.appendHALog([line], directory: path, maximumLength: ha.logLength)
    }
}
