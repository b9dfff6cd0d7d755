import ChrystokiConf
import CSQLiteShim
import Foundation
import GRDB

/// The persisted world: `state.db` (SQLite through GRDB) plus Chrystoki.conf. Every command runs
/// as one transaction over both (docs/contracts.md "Nothing lost"): an immediate, write-locking SQLite
/// transaction is opened, the conf is read, the command checks and applies, the conf is written
/// atomically only if it changed, and the transaction commits. A refusal rolls everything back.
public final class StateStore {
    public let home: String
    public let databasePath: String
    public let confPath: String
    /// Files the operator names on a command line: relative to the working directory here,
    /// to the conf's (temporary) directory for an in-memory store.
    public let userFiles: UserFiles
    private let queue: DatabaseQueue
    private let journal: ConfJournal
    private let cache = ReadCache()

    /// Opens the state in `home`, creating and seeding it from `seeding` on first use or when
    /// `reset` is set; `wasSeeded` tells which happened. Several lunacm processes may open a new
    /// home at once: seeding happens inside one immediate transaction, decided by the database's
    /// content rather than by whether the file existed, so exactly one of them seeds it.
    public init(home: String, confPath: String, seeding: () throws(FleetFileError) -> Seeding,
                reset: Bool = false) throws(LunaError) {
        self.home = home
        self.databasePath = home + "/state.db"
        self.confPath = confPath
        self.userFiles = UserFiles(directory: FileManager.default.currentDirectoryPath)
        self.journal = ConfJournal(confPath: confPath)
        try Self.makeHome(home)
        if reset { try Self.removeDatabase(at: databasePath) }
        let isNew = !FileManager.default.fileExists(atPath: databasePath)
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.label = "lunasim.state"
        configuration.prepareDatabase { db in
            let result = lunasim_sqlite_keep_wal(db.sqliteConnection)
            if result != SQLITE_OK { throw DatabaseError(resultCode: ResultCode(rawValue: result)) }
        }
        var seeded = false
        var hasPendingConf = false
        do {
            queue = try DatabaseQueue(path: databasePath, configuration: configuration)
            chmod(databasePath, 0o600)
            // The common case, a home in use, needs one read and no write lock.
            let ready = try? queue.read { db -> Bool in
                guard try Int.fetchOne(db, sql: "PRAGMA user_version") == Schema.version else { return false }
                let meta = try Self.meta(db)
                hasPendingConf = meta[ConfJournal.pendingKey] != nil
                return meta["seeded"] != nil
            }
            if ready != true { try queue.writeWithoutTransaction { db in try Self.allowingWrites(db) {
                if isNew { try Self.enableWAL(db) }
                try db.inTransaction(.immediate) {
                    try Schema.prepare(db)
                    if try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'seeded'") == nil {
                        let seed = try seeding()
                        try Self.insert(seed.snapshot, seed: seed.random.state, clock: seed.clock, in: db)
                        try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('seeded', '1')")
                        seeded = true
                    }
                    hasPendingConf = try Self.meta(db)[ConfJournal.pendingKey] != nil
                    return .commit
                }
            } } }
            try Self.forbidWrites(queue)
        } catch let error as LunaError {
            throw error
        } catch let error as FleetFileError {
            throw LunaError(.argumentsBad, "Fleet file: \(error)")
        } catch {
            throw LunaError.storage("Cannot open the state database \(databasePath): \(error)")
        }
        wasSeeded = seeded
        // A command killed between its commit and its conf rename left the rename to us.
        if hasPendingConf { try write { _ throws(LunaError) in } }
    }

    /// True when this open created or re-seeded the state.
    public private(set) var wasSeeded = false

    /// In-memory state for tests: same schema and transactions, no files but the conf.
    public init(inMemoryWith snapshot: FleetSnapshot, confPath: String,
                seed: UInt64 = RandomSource.defaultSeed, clock: Int64 = SimClock.defaultStart) throws(LunaError) {
        self.home = ""
        self.databasePath = ":memory:"
        self.confPath = confPath
        self.userFiles = UserFiles(directory: (confPath as NSString).deletingLastPathComponent)
        self.journal = ConfJournal(confPath: confPath)
        do {
            queue = try DatabaseQueue()
            try queue.write { db in
                try Schema.prepare(db)
                try Self.insert(snapshot, seed: seed, clock: clock, in: db)
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('seeded', '1')")
            }
            try Self.forbidWrites(queue)
            // Seeding makes the conf agree with the fleet's registered servers, as installConf does.
            if let bytes = try? AtomicFile.read(confPath), let text = String(validating: bytes, as: UTF8.self) {
                let aligned = RegistrationAlignment.aligned(text, with: snapshot.fleet, path: confPath)
                if aligned != text { try AtomicFile.write(Array(aligned.utf8), to: confPath) }
            }
        } catch {
            throw LunaError.storage("Cannot create the in-memory state: \(error)")
        }
    }

    // MARK: Transactions

    /// Runs a command that only looks. The connection is `query_only` outside write transactions
    /// (`allowingWrites`), so an SQL write in a read fails with SQLITE_READONLY, and a change to the fleet, the conf, the random
    /// source or the clock made in memory is refused when the body returns: an accidental write
    /// inside a read fails loudly instead of half-applying. A plain deferred transaction with
    /// cached statements: a read is the common case, and GRDB's general-purpose `read` (pragmas,
    /// savepoint) cost more than the command itself in long batches.
    public func read<T>(_ body: (StateTransaction) throws(LunaError) -> T) throws(LunaError) -> T {
        let (result, changed) = try readOnly(body)
        if let changed {
            throw LunaError(.generalError, "Internal error: a read-only command tried to change \(changed); nothing was changed.")
        }
        return result
    }

    /// The optimistic write (role login): most attempts change nothing, so `body` first runs
    /// under a read transaction, and runs again under the write lock only when it wanted to
    /// change something (a failed-login counter, a reset, a zeroization). The read attempt is a
    /// dry run: services see `isWritable == false` and skip what only the real run may do.
    public func writeIfNeeded<T>(_ body: (StateTransaction) throws(LunaError) -> T) throws(LunaError) -> T {
        let (result, changed) = try readOnly(body)
        if changed == nil { return result }
        return try write(body)
    }

    /// What a read-only run of `body` returned, and what it tried to change (nil: nothing).
    private func readOnly<T>(_ body: (StateTransaction) throws(LunaError) -> T) throws(LunaError) -> (T, String?) {
        try perform { () throws -> (T, String?) in
            try queue.inDatabase { db in
                try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
                defer { try? db.cachedStatement(sql: "ROLLBACK").execute() }
                let version = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? -1
                let entry: ReadCache.FleetEntry
                if let cached = cache.fleet, cached.dataVersion == version {
                    entry = cached
                } else {
                    entry = ReadCache.FleetEntry(dataVersion: version, fleet: try loadFleet(db), meta: try Self.meta(db))
                    cache.fleet = entry
                }
                let transaction = makeTransaction(entry.fleet, meta: entry.meta, db: db, writable: false)
                let start = (random: transaction.random.state, clock: transaction.clock.now)
                let result = try body(transaction)
                return (result, Self.change(in: transaction, from: entry.fleet, start: start))
            }
        }
    }

    /// What a transaction changed in memory, named for the error message; nil when nothing.
    private static func change(in transaction: StateTransaction, from fleet: Fleet,
                               start: (random: UInt64, clock: Int64)) -> String? {
        if transaction.failureAfterCommit != nil { return "a failure counter" }
        if let runtime = transaction.runtimeChange { return runtime }
        if transaction.fleet != fleet { return "the fleet" }
        if transaction.confEdited, transaction.changedConfText != nil { return "Chrystoki.conf" }
        if transaction.random.state != start.random { return "the random source" }
        if transaction.clock.now != start.clock { return "the simulated clock" }
        return nil
    }

    /// A handle that can only read this store: what read-only commands are given, so that the
    /// type system (and `query_only` underneath) keeps them from writing.
    public var reader: StateReader { StateReader(store: self) }

    /// Runs a command that may change the state or the conf, under the write lock.
    public func write<T>(_ body: (StateTransaction) throws(LunaError) -> T) throws(LunaError) -> T {
        var staged: String?
        var failure: LunaError?
        var haLog: HALogBatch?
        let result: T
        do {
            result = try perform { () throws -> T in
                var result: T?
                try queue.writeWithoutTransaction { db in try Self.allowingWrites(db) {
                    try db.inTransaction(.immediate) {
                        // Read the conf only once the lock is held, so no other lunacm can change
                        // it between our read and our write.
                        try journal.recover(db)
                        let before = try loadFleet(db)
                        let transaction = makeTransaction(before, meta: try Self.meta(db), db: db, writable: true)
                        result = try body(transaction)
                        try saveFleet(from: before, to: transaction.fleet, in: db)
                        try saveMeta(transaction, in: db)
                        if let text = transaction.changedConfText {
                            staged = try stageConf(text, db)
                        }
                        failure = transaction.failureAfterCommit
                        haLog = transaction.haLog
                        return .commit
                    }
                } }
                return result!
            }
            // Committed: from here on the staged file is the conf, whether or not this rename
            // happens (if it does not, the next command or reader completes it).
            if let staged { journal.publish(staged) }
            cache.invalidate()
            // The HA log is a client-side diagnostic, appended after the commit: a log that
            // cannot be written never undoes the command (as the Luna client keeps working).
            if let haLog { HALogFile.append(haLog) }
        } catch {
            if let staged { unlink(staged) }
            throw error
        }
        if let failure { throw failure }
        return result
    }

    /// The whole state as a fleet snapshot, for `--export`.
    public func snapshot() throws(LunaError) -> FleetSnapshot {
        try perform { () throws -> FleetSnapshot in
            try readTransaction { db in
                let pending = try Self.meta(db)[ConfJournal.pendingKey]
                let fleet = RegistrationAlignment.fleet(try loadFleet(db), registeredIn: try? journal.committedText(pendingValue: pending),
                                                        path: confPath)
                var objects: [String: [StoredObject]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM object ORDER BY partition, handle") {
                    objects[row["partition"], default: []].append(try Rows.object(row))
                }
                return FleetSnapshot(fleet: fleet, objects: objects)
            }
        }
    }

    /// SQLite's `PRAGMA data_version` on this store's connection: it changes when another
    /// process commits. A long run of operations polls it between operations (a few
    /// microseconds) and re-reads the faults and member state only when it moved.
    public func dataVersion() throws(LunaError) -> Int {
        try perform { () throws -> Int in
            try queue.inDatabase { db in try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? -1 }
        }
    }

    /// The database and the conf as one read transaction sees them, the conf being the one the
    /// committed state vouches for (a staged, not yet renamed file counts): what StateFingerprint
    /// reads. Never writes, and never completes a pending rename.
    func readCommitted<T>(_ body: (Database, String?) throws -> T) throws(LunaError) -> T {
        try perform { () throws -> T in
            try readTransaction { db in
                let pending = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?",
                                                  arguments: [ConfJournal.pendingKey])
                return try body(db, try journal.committedText(pendingValue: pending))
            }
        }
    }

    /// Runs SQLite's own consistency check; used by the crash and concurrency tests.
    public func integrityCheck() throws(LunaError) -> String {
        try perform { () throws -> String in
            try readTransaction { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
        }
    }

    // MARK: Read-only connection

    /// The connection refuses writes (SQLite `query_only`) except inside `allowingWrites`: a read
    /// transaction needs no toggling, which costs SQLite a re-preparation of cached statements
    /// on every change of the pragma (measured: it doubled a 10,000-command read batch).
    private static func forbidWrites(_ queue: DatabaseQueue) throws {
        try queue.inDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
    }

    /// A read transaction that leaves `query_only` alone (GRDB's `read` sets it and then clears
    /// it, which would lift the guard for the reads after it).
    private func readTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.inDatabase { db in
            try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
            defer { try? db.cachedStatement(sql: "ROLLBACK").execute() }
            return try body(db)
        }
    }

    /// Runs a write with the connection's `query_only` lifted, and restores it.
    private static func allowingWrites<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.cachedStatement(sql: "PRAGMA query_only = 0").execute()
        defer { try? db.cachedStatement(sql: "PRAGMA query_only = 1").execute() }
        return try body()
    }

    // MARK: Seeding

    /// WAL lets readers run beside a writer. Switching to it takes a lock SQLite does not wait
    /// for (its busy handler is not called), so when several lunacm processes create a home at
    /// once the losers retry briefly; the mode is persistent, so whoever wins switches it for all.
    private static func enableWAL(_ db: Database) throws {
        for attempt in 0... {
            do {
                if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() == "wal" { return }
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 500 {
                usleep(10_000)
            }
        }
    }

    private static func insert(_ snapshot: FleetSnapshot, seed: UInt64, clock: Int64, in db: Database) throws {
        for (position, hsm) in snapshot.fleet.hsms.enumerated() { try Rows.save(hsm, position: position, in: db) }
        for (position, partition) in snapshot.fleet.partitions.enumerated() {
            try Rows.save(partition, position: position, in: db)
        }
        for (serial, objects) in snapshot.objects.sorted(by: { $0.key < $1.key }) {
            for object in objects { try Rows.insert(object, partition: serial, in: db) }
        }
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('random', ?), ('clock', ?)",
                       arguments: [String(seed), String(clock)])
    }

    // MARK: Loading and saving

    private static func meta(_ db: Database) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db.cachedStatement(sql: "SELECT key, value FROM meta")).map {
            ($0["key"] as String, $0["value"] as String)
        })
    }

    private func makeTransaction(_ fleet: Fleet, meta: [String: String], db: Database, writable: Bool) -> StateTransaction {
        let journal = journal, pending = meta[ConfJournal.pendingKey]
        let random = RandomSource(seed: meta["random"].flatMap { UInt64($0) } ?? RandomSource.defaultSeed)
        let clock = SimClock(now: meta["clock"].flatMap { Int64($0) } ?? SimClock.defaultStart)
        return StateTransaction(db: db, fleet: fleet, random: random, clock: clock, confPath: confPath,
                                loadConfText: { try journal.committedText(pendingValue: pending) }, cache: cache,
                                isWritable: writable)
    }

    private func loadFleet(_ db: Database) throws -> Fleet {
        Fleet(hsms: try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM hsm ORDER BY position")).map(Rows.hsm),
              partitions: try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM partition ORDER BY position")).map(Rows.partition))
    }

    /// Writes only the rows that changed.
    private func saveFleet(from before: Fleet, to after: Fleet, in db: Database) throws {
        guard before != after else { return }
        let oldHSMs = Dictionary(uniqueKeysWithValues: before.hsms.map { ($0.serial, $0) })
        for (position, hsm) in after.hsms.enumerated() where oldHSMs[hsm.serial] != hsm {
            try Rows.save(hsm, position: position, in: db)
        }
        let oldPartitions = Dictionary(uniqueKeysWithValues: before.partitions.map { ($0.serial, $0) })
        for (position, partition) in after.partitions.enumerated() where oldPartitions[partition.serial] != partition {
            try Rows.save(partition, position: position, in: db)
        }
    }

    private func saveMeta(_ transaction: StateTransaction, in db: Database) throws {
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'random' AND value <> ?",
                       arguments: [String(transaction.random.state), String(transaction.random.state)])
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'clock' AND value <> ?",
                       arguments: [String(transaction.clock.now), String(transaction.clock.now)])
    }

    // MARK: Chrystoki.conf

    private func stageConf(_ text: String, _ db: Database) throws -> String {
        do {
            return try journal.stage(text, db)
        } catch let error as ConfError {
            throw LunaError(error)
        }
    }

    /// Installs the default conf when the file is missing (first use of a home), or replaces it
    /// when `force` is set (`--reset` of a conf that lives in the home). Done under the write
    /// lock and checked again there (and made to agree with the fleet's registered servers,
    /// `RegistrationAlignment`): a lunacm that found no conf must not overwrite the one
    /// another lunacm has meanwhile created and given a group (a lost update, seen with eight
    /// processes starting on a new home). The common case, a conf that exists, takes no lock.
    public func installConf(_ text: String = EmbeddedDefaults.chrystokiConf, force: Bool = false) throws(LunaError) {
        guard force || !FileManager.default.fileExists(atPath: confPath) else { return }
        try perform {
            try queue.writeWithoutTransaction { db in try Self.allowingWrites(db) {
                try db.inTransaction(.immediate) {
                    if force || !FileManager.default.fileExists(atPath: confPath) {
                        let aligned = RegistrationAlignment.aligned(text, with: try loadFleet(db), path: confPath)
                        try AtomicFile.write(Array(aligned.utf8), to: confPath, defaultMode: 0o644)
                    }
                    return .commit
                }
            } }
        }
    }


    // MARK: Files

    private static func makeHome(_ home: String) throws(LunaError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: home, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw LunaError.storage("The state home \(home) is not a directory.") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw LunaError.storage("Cannot create the state home \(home): \(error.localizedDescription)")
        }
    }

    private static func removeDatabase(at path: String) throws(LunaError) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let file = path + suffix
            if FileManager.default.fileExists(atPath: file) {
                do { try FileManager.default.removeItem(atPath: file) } catch {
                    throw LunaError.storage("Cannot reset \(file): \(error.localizedDescription)")
                }
            }
        }
    }

    /// Maps any error thrown inside a GRDB closure to a LunaError, keeping LunaErrors as they are.
    private func perform<T>(_ body: () throws -> T) throws(LunaError) -> T {
        do {
            return try body()
        } catch let error as LunaError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw LunaError.storage("The state database is locked by another lunacm: \(error.message ?? "busy")")
        } catch {
            throw LunaError.storage("State database error: \(error)")
        }
    }
}
