import GRDB

/// The HA run-time tables (`haFault`, `haMember`) as the HARuntime services see them. A change
/// asked of a read-only transaction is not written: it is noted, so `writeIfNeeded` retries
/// under the write lock and `read` refuses it.
extension StateTransaction {
    public func faults() throws(LunaError) -> Faults {
        do {
            var faults = Faults()
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT kind, hsm FROM haFault")) {
                switch FaultKind(rawValue: row["kind"]) {
                case .hsm: faults.hsmsDown.insert(row["hsm"])
                case .link: faults.linksDown.insert(row["hsm"])
                case nil: throw LunaError.storage("The state database holds a fault it cannot read.")
                }
            }
            return faults
        } catch let error as LunaError {
            throw error
        } catch {
            throw LunaError.storage("Cannot read the injected faults: \(error)")
        }
    }

    /// Adds or removes one fault; false when it was already so.
    public func setFault(_ kind: FaultKind, hsm serial: String, present: Bool) throws(LunaError) -> Bool {
        let current = try faults()
        let has = kind == .hsm ? current.hsmsDown.contains(serial) : current.linksDown.contains(serial)
        guard has != present else { return false }
        guard isWritable else {
            runtimeChange = "the injected faults"
            return true
        }
        do {
            if present {
                try db.execute(sql: "INSERT INTO haFault (kind, hsm) VALUES (?, ?)", arguments: [kind.rawValue, serial])
            } else {
                try db.execute(sql: "DELETE FROM haFault WHERE kind = ? AND hsm = ?", arguments: [kind.rawValue, serial])
            }
        } catch {
            throw LunaError.storage("Cannot record the fault: \(error)")
        }
        return true
    }

    /// This client's run-time view of every member it has ever seen fail, by serial.
    public func memberStates() throws(LunaError) -> [String: MemberRuntimeState] {
        do {
            var states: [String: MemberRuntimeState] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM haMember")) {
                let state = MemberRuntimeState(serial: row["serial"], down: row["down"], since: row["since"],
                                               attempts: row["attempts"], lastAttempt: row["lastAttempt"],
                                               awaitingLogin: row["awaitingLogin"], promoted: row["promoted"])
                states[state.serial] = state
            }
            return states
        } catch {
            throw LunaError.storage("Cannot read the HA member state: \(error)")
        }
    }

    /// Serials this client sees down.
    public func downMembers() throws(LunaError) -> Set<String> {
        Set(try memberStates().values.filter(\.down).map(\.serial))
    }

    /// Stores one member's state (nothing when it did not change).
    public func saveMemberState(_ state: MemberRuntimeState) throws(LunaError) {
        let before = try memberStates()[state.serial] ?? MemberRuntimeState(serial: state.serial)
        guard before != state else { return }
        guard isWritable else {
            runtimeChange = "the HA member state"
            return
        }
        do {
            if state.isDefault {
                try db.execute(sql: "DELETE FROM haMember WHERE serial = ?", arguments: [state.serial])
            } else {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO haMember (serial, down, since, attempts, lastAttempt, awaitingLogin, promoted)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [state.serial, state.down, state.since, state.attempts, state.lastAttempt,
                                state.awaitingLogin, state.promoted])
            }
        } catch {
            throw LunaError.storage("Cannot store the HA member state: \(error)")
        }
    }

    /// Queues HA log lines for the store to append after the commit.
    func appendHALog(_ lines: [String], directory: String, maximumLength: Int?) {
        guard !lines.isEmpty else { return }
        var batch = haLog ?? HALogBatch(directory: directory, maximumLength: maximumLength, lines: [], clock: clock.now)
        batch.lines += lines
        batch.clock = clock.now
        haLog = batch
    }
}
