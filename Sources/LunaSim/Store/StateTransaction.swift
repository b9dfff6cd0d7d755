import ChrystokiConf
import Foundation
import GRDB

/// One command's view of the world, inside one SQLite transaction: the fleet, the objects (read on
/// demand), Chrystoki.conf, the seeded random source and the simulated clock. Services change it;
/// the store decides afterwards what, if anything, must be written.
public final class StateTransaction {
    public var fleet: Fleet
    public var random: RandomSource
    public var clock: SimClock
    public let isWritable: Bool
    /// A refusal that must still leave a trace: a wrong password counts toward lockout even
    /// though the command fails (docs/lunacm-behaviour.md §7.2). The store commits, then throws this.
    public var failureAfterCommit: LunaError?
    /// HA log lines this command produced (docs/ha-runtime.md), appended by the store to
    /// `<path>/haErrorLog.txt` once the transaction has committed: services never touch files.
    public internal(set) var haLog: HALogBatch?
    /// Set when a read-only run wanted to change this client's HA member state or the faults:
    /// the store treats it as a change (`writeIfNeeded` retries under the write lock, `read` fails).
    var runtimeChange: String?
    let db: Database
    let confPath: String
    /// Reads the committed conf text; called at most once, and only by a command that needs it.
    private let loadConfText: () throws -> String?
    private let cache: ReadCache
    private var confText: String?
    private var parsedConf: ConfDocument?

    init(db: Database, fleet: Fleet, random: RandomSource, clock: SimClock, confPath: String,
         loadConfText: @escaping () throws -> String?, cache: ReadCache, isWritable: Bool) {
        self.cache = cache
        self.db = db
        self.fleet = fleet
        self.random = random
        self.clock = clock
        self.confPath = confPath
        self.loadConfText = loadConfText
        self.isWritable = isWritable
    }

    /// Chrystoki.conf as a lossless document, read and parsed the first time a command asks for it.
    public func conf() throws(LunaError) -> ConfDocument {
        if let parsedConf { return parsedConf }
        do {
            confText = try loadConfText()
        } catch let error as LunaError {
            throw error
        } catch {
            throw LunaError.storage("Cannot read \(confPath): \(error)")
        }
        guard let confText else {
            throw LunaError.storage("The client configuration file \(confPath) does not exist.")
        }
        do {
            let document = try cache.document(for: confText, path: confPath)
            parsedConf = document
            return document
        } catch {
            throw LunaError(error)
        }
    }

    /// The HA groups Chrystoki.conf defines (as edited so far by this command).
    public func groupDefinitions() throws(LunaError) -> [HAGroupConfig] {
        cache.groups(of: try conf())
    }

    /// Replaces the document; it is written (atomically) only if its text differs from the file's.
    public func setConf(_ document: ConfDocument) {
        parsedConf = document
        confEdited = true
    }

    /// The new file text when the command changed the conf, else nil.
    /// Set by `setConf`: a read transaction that sees it was asked to change the conf (checked
    /// without printing the document, which a read of thousands of commands cannot afford).
    private(set) var confEdited = false

    var changedConfText: String? {
        guard let parsedConf else { return nil }
        let text = parsedConf.text
        return text == confText ? nil : text
    }

    // MARK: Objects

    public func objects(on partitionSerial: String) throws(LunaError) -> [StoredObject] {
        do {
            return try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM object WHERE partition = ? ORDER BY handle"),
                                    arguments: [partitionSerial]).map(Rows.object)
        } catch let error as LunaError {
            throw error
        } catch {
            throw LunaError.storage("Cannot read objects: \(error)")
        }
    }

    public func objectCount(on partitionSerial: String) throws(LunaError) -> Int {
        do {
            return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM object WHERE partition = ?"),
                                    arguments: [partitionSerial]) ?? 0
        } catch {
            throw LunaError.storage("Cannot count objects: \(error)")
        }
    }

    private func addObject(_ object: StoredObject, on partitionSerial: String) throws(LunaError) {
        do {
            try Rows.insert(object, partition: partitionSerial, in: db)
        } catch {
            throw LunaError.storage("Cannot store the object: \(error)")
        }
    }

    public func removeObjects(on partitionSerial: String) throws(LunaError) {
        do {
            try db.execute(sql: "DELETE FROM object WHERE partition = ?", arguments: [partitionSerial])
        } catch {
            throw LunaError.storage("Cannot delete objects: \(error)")
        }
    }

    /// Stores copies of `objects` on a partition under fresh handles (after its highest one), in
    /// order, and returns them as stored: every clone, copy, insert and creation goes through here.
    @discardableResult
    public func appendObjects(_ objects: [StoredObject], on partitionSerial: String) throws(LunaError) -> [StoredObject] {
        var handle = try nextHandle(on: partitionSerial)
        var stored: [StoredObject] = []
        stored.reserveCapacity(objects.count)
        for object in objects {
            var copy = object
            copy.handle = handle
            handle += 1
            try addObject(copy, on: partitionSerial)
            stored.append(copy)
        }
        return stored
    }

    func nextHandle(on partitionSerial: String) throws(LunaError) -> Int {
        do {
            return (try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(handle) FROM object WHERE partition = ?"),
                                     arguments: [partitionSerial]) ?? 0) + 1
        } catch {
            throw LunaError.storage("Cannot read objects: \(error)")
        }
    }

    // MARK: SMK backups

    public func smkBackup(named name: String) throws(LunaError) -> (partition: String, smk: [UInt8])? {
        do {
            guard let row = try Row.fetchOne(db, sql: "SELECT partition, smk FROM smkBackup WHERE name = ?", arguments: [name]) else {
                return nil
            }
            return (row["partition"], Array(row["smk"] as Data))
        } catch {
            throw LunaError.storage("Cannot read SMK backups: \(error)")
        }
    }

    public func saveSMKBackup(named name: String, partition: String, smk: [UInt8]) throws(LunaError) {
        do {
            try db.execute(sql: "INSERT OR REPLACE INTO smkBackup (name, partition, smk) VALUES (?, ?, ?)",
                           arguments: [name, partition, Data(smk)])
        } catch {
            throw LunaError.storage("Cannot store the SMK backup: \(error)")
        }
    }

    /// Every SMK backup on the simulated Backup HSM, by name.
    public func smkBackups() throws(LunaError) -> [(name: String, partition: String)] {
        do {
            return try Row.fetchAll(db, sql: "SELECT name, partition FROM smkBackup ORDER BY name").map { ($0["name"], $0["partition"]) }
        } catch {
            throw LunaError.storage("Cannot read SMK backups: \(error)")
        }
    }

    /// Removes the SMK backup `name`; false when there is none.
    public func deleteSMKBackup(named name: String) throws(LunaError) -> Bool {
        do {
            try db.execute(sql: "DELETE FROM smkBackup WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        } catch {
            throw LunaError.storage("Cannot delete the SMK backup: \(error)")
        }
    }
}
