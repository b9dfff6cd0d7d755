import GRDB

/// Keeps members' objects in step the way HA does it, by cloning (docs/lunacm-behaviour.md §4.3). Two members are
/// "in sync" when they hold the same multiset of objects (class, type, size, label); handles are
/// per partition and do not count.
enum ObjectReplication {
    /// Identity and count of each kind of object on a partition, in a stable order.
    static func inventory(_ serial: String, _ transaction: StateTransaction) throws(LunaError) -> [String: Int] {
        do {
            var result: [String: Int] = [:]
            let rows = try Row.fetchAll(
                transaction.db,
                sql: "SELECT class, keyType, size, label, COUNT(*) AS n FROM object WHERE partition = ? GROUP BY class, keyType, size, label",
                arguments: [serial])
            for row in rows {
                let identity = "\(row["class"] as String)/\(row["keyType"] as String)/\(row["size"] as Int)/\(row["label"] as String)"
                result[identity] = row["n"]
            }
            return result
        } catch {
            throw LunaError.storage("Cannot read objects: \(error)")
        }
    }

    /// `Needs sync`: true exactly when the members' object sets differ.
    static func needsSync(_ serials: [String], _ transaction: StateTransaction) throws(LunaError) -> Bool {
        guard let first = serials.first else { return false }
        let reference = try inventory(first, transaction)
        for serial in serials.dropFirst() where try inventory(serial, transaction) != reference {
            return true
        }
        return false
    }

    /// Clones every object of `source` onto each target (addmember's `copy`).
    static func copyAll(from source: String, to targets: [String], _ transaction: StateTransaction,
                        progress: @escaping ProgressReport = { _, _ in }) throws(LunaError) -> Int {
        let objects = try transaction.objects(on: source)
        var counter = ProgressCounter(total: objects.count * targets.count, report: progress)
        var copied = 0
        for target in targets {
            copied += try counter.append(objects, on: target, transaction).count
        }
        return copied
    }

    /// Makes every member hold every object any member holds (`hagroup synchronize`). Returns how
    /// many objects were cloned and to how many members.
    static func synchronize(_ serials: [String], _ transaction: StateTransaction,
                            progress: @escaping ProgressReport = { _, _ in }) throws(LunaError) -> (objects: Int, members: Int) {
        // The common case, a new group: one member holds objects, the others none. Counting is
        // enough to know that, and one statement clones everything (no per-object inventory).
        var counts: [String: Int] = [:]
        for serial in serials { counts[serial] = try transaction.objectCount(on: serial) }
        let holders = serials.filter { (counts[$0] ?? 0) > 0 }
        if holders.count <= 1 {
            guard let source = holders.first else { return (0, 0) }
            let targets = serials.filter { $0 != source }
            var counter = ProgressCounter(total: (counts[source] ?? 0) * targets.count, report: progress)
            return (try bulkCopy(from: source, to: targets, transaction, counter: &counter), targets.count)
        }
        var inventories: [String: [String: Int]] = [:]
        for serial in serials { inventories[serial] = try inventory(serial, transaction) }
        var wanted: [String: Int] = [:]
        var holder: [String: String] = [:]
        for serial in serials {
            for (identity, count) in inventories[serial] ?? [:] where count > wanted[identity] ?? 0 {
                wanted[identity] = count
                holder[identity] = serial
            }
        }
        var plan: [(serial: String, clones: [StoredObject])] = []
        for serial in serials {
            let have = inventories[serial] ?? [:]
            let missing = wanted.filter { have[$0.key] ?? 0 < $0.value }
            guard !missing.isEmpty else { continue }
            var sources: [String: [StoredObject]] = [:]
            var clones: [StoredObject] = []
            for identity in missing.keys.sorted() {
                guard let source = holder[identity] else { continue }
                if sources[source] == nil { sources[source] = try transaction.objects(on: source) }
                let candidates = (sources[source] ?? []).filter { $0.identity == identity }
                clones += candidates.dropFirst(have[identity] ?? 0)
            }
            plan.append((serial, clones))
        }
        var counter = ProgressCounter(total: plan.reduce(0) { $0 + $1.clones.count }, report: progress)
        var cloned = 0
        for (serial, clones) in plan {
            cloned += try counter.append(clones, on: serial, transaction).count
        }
        return (cloned, plan.count)
    }

    /// Empty members get all of `source`'s objects, handles kept: one INSERT ... SELECT per member.
    private static func bulkCopy(from source: String, to targets: [String], _ transaction: StateTransaction,
                                 counter: inout ProgressCounter) throws(LunaError) -> Int {
        var copied = 0
        do {
            let statement = try transaction.db.cachedStatement(sql: """
                INSERT INTO object (partition, handle, label, class, keyType, size, material)
                SELECT ?, handle, label, class, keyType, size, material FROM object WHERE partition = ? ORDER BY handle
                """)
            for target in targets {
                try statement.execute(arguments: [target, source])
                copied += transaction.db.changesCount
                counter.advance(by: transaction.db.changesCount)
            }
        } catch {
            throw LunaError.storage("Cannot clone objects: \(error)")
        }
        return copied
    }
}
