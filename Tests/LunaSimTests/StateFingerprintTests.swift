import ChrystokiConf
import Foundation
import GRDB
import LunaSim
import Testing

/// The canonical fingerprint is what every "nothing changed" and "whole-command state" check
/// compares (issue 16), so it must see every stored field: each one is changed in turn, straight
/// in the database, and the fingerprint must change with it and come back when it is restored.
@Suite struct StateFingerprintTests {
    /// A home where every table has rows and the fields an export leaves out are set: key
    /// material, SMK blobs, an SMK backup, the meta table's random state, clock and conf journal.
    func populatedHome() throws -> (store: StateStore, home: String) {
        let home = NSTemporaryDirectory() + "lunasim-fingerprint-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let store = try StateStore(home: home, confPath: home + "/Chrystoki.conf",
                                   seeding: { () throws(FleetFileError) in try Seeding.make(fleet: nil) })
        try store.installConf()
        try store.write { transaction throws(LunaError) in
            let serial = transaction.fleet.partitions[0].serial
            transaction.fleet.partitions[0].smk = Array(repeating: 0x5a, count: 32)
            transaction.fleet.partitions[1].smk = Array(repeating: 0xa5, count: 32)
            try transaction.appendObjects([StoredObject(handle: 0, label: "k", objectClass: .secretKey, keyType: "AES",
                                                        size: 256, material: Array(repeating: 7, count: 32))], on: serial)
            try transaction.saveSMKBackup(named: "par0-smk", partition: serial, smk: Array(repeating: 0x33, count: 32))
            var ha = HAConfig(try transaction.conf())
            do { _ = try ha.addGroup(label: "g", serial: "1" + serial, members: [serial]) } catch {
                throw LunaError(.generalError, "\(error)")
            }
            transaction.setConf(ha.document)
            _ = transaction.random.next()
            transaction.clock.now += 5
        }
        // The HA run time's tables and the PKCS#11 attributes, filled as their services would.
        let raw = try rawDatabase(home)
        try raw.write { db in
            try db.execute(sql: "INSERT INTO haFault (kind, hsm) VALUES ('power', '700102')")
            try db.execute(sql: """
                INSERT INTO haMember (serial, down, since, attempts, lastAttempt, awaitingLogin, promoted)
                VALUES ('1238700701509', 1, 7, 1, 9, 0, 0)
                """)
            try db.execute(sql: "INSERT INTO objectAttributes (partition, handle, attributes) VALUES ('154438865287', 1, x'0102')")
        }
        return (store, home)
    }

    /// A second connection with foreign keys off, so any single field can be changed.
    func rawDatabase(_ home: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        return try DatabaseQueue(path: home + "/state.db", configuration: configuration)
    }

    /// A different value of the same storage class (integers far enough not to hit UNIQUE slots).
    static func changed(_ value: DatabaseValue) -> DatabaseValue {
        switch value.storage {
        case .null: return "set".databaseValue
        case .int64(let number): return (number &+ 1_000_003).databaseValue
        case .double(let number): return (number + 1).databaseValue
        case .string(let text): return (text + "x").databaseValue
        case .blob(let data):
            var bytes = Array(data)
            if bytes.isEmpty { bytes = [0] } else { bytes[bytes.count - 1] ^= 1 }
            return Data(bytes).databaseValue
        }
    }

    @Test func changingAnySingleStoredFieldChangesTheFingerprint() throws {
        let (store, home) = try populatedHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let base = try StateFingerprint.canonicalText(store)
        #expect(try StateFingerprint.canonicalText(store) == base)
        let raw = try rawDatabase(home)
        let tables = try raw.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")
        }
        #expect(Set(tables) == ["hsm", "meta", "object", "partition", "smkBackup", "haFault", "haMember", "objectAttributes"])
        var changedFields: Set<String> = []
        for table in tables {
            let (columns, rows) = try raw.read { db in
                (try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String },
                 try Row.fetchAll(db, sql: "SELECT * FROM \(table)"))
            }
            #expect(!rows.isEmpty, "table \(table) has no rows: its fields would go unchecked")
            for row in rows {
                let values = columns.map { row[$0] as DatabaseValue }
                let condition = columns.map { "\($0) IS ?" }.joined(separator: " AND ")
                let metaKey = table == "meta" ? row["key"] as String? : nil
                for (index, column) in columns.enumerated() {
                    var arguments = StatementArguments([Self.changed(values[index])])
                    arguments += StatementArguments(values)
                    try raw.write { db in
                        try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE \(condition)", arguments: arguments)
                        #expect(db.changesCount == 1, "\(table).\(column) not changed")
                    }
                    let after = try StateFingerprint.canonicalText(store)
                    let field = "\(table).\(column)" + (metaKey.map { "[\($0)]" } ?? "")
                    if let metaKey, column == "value", StateFingerprint.excludedMetaKeys.contains(metaKey) {
                        // Documented bookkeeping: the journal's file name and counter.
                        #expect(after == base, "\(field) is excluded but changed the fingerprint")
                    } else {
                        #expect(after != base, "changing \(field) left the fingerprint unchanged")
                        changedFields.insert(field)
                    }
                    var restore = StatementArguments([values[index]])
                    restore += StatementArguments(columns.enumerated().map { $0.offset == index ? Self.changed(values[index]) : values[$0.offset] })
                    try raw.write { db in
                        try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE \(condition)", arguments: restore)
                        #expect(db.changesCount == 1, "\(table).\(column) not restored")
                    }
                    #expect(try StateFingerprint.canonicalText(store) == base, "\(field) not restored")
                }
            }
        }
        // The fields an export leaves out are among them.
        for field in ["object.material", "partition.smk", "smkBackup.smk", "meta.value[random]", "meta.value[clock]",
                      "partition.coPassword", "hsm.soFailedLogins"] {
            #expect(changedFields.contains(field), "\(field) was never changed")
        }
    }

    @Test func theConfBytesArePartOfTheFingerprint() throws {
        let (store, home) = try populatedHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let base = try StateFingerprint.canonicalText(store)
        let conf = try #require(FileManager.default.contents(atPath: store.confPath))
        #expect(String(decoding: conf, as: UTF8.self).contains("VirtualToken00Label = g;"))
        try (conf + Data(" ".utf8)).write(to: URL(fileURLWithPath: store.confPath))
        #expect(try StateFingerprint.canonicalText(store) != base)
        try FileManager.default.removeItem(atPath: store.confPath)
        #expect(try StateFingerprint.canonicalText(store).hasSuffix("\nconf absent\n"))
        try conf.write(to: URL(fileURLWithPath: store.confPath))
        #expect(try StateFingerprint.canonicalText(store) == base)
    }

    @Test func aRowAddedOrRemovedChangesTheFingerprint() throws {
        let (store, home) = try populatedHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let base = try StateFingerprint.canonicalText(store)
        let raw = try rawDatabase(home)
        try raw.write { db in try db.execute(sql: "DELETE FROM smkBackup") }
        let removed = try StateFingerprint.canonicalText(store)
        #expect(removed != base)
        try raw.write { db in try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('extra', '')") }
        #expect(try StateFingerprint.canonicalText(store) != removed)
    }

    @Test func equalHomesHaveEqualFingerprintsAndTheDigestIsHex() throws {
        let first = try populatedHome(), second = try populatedHome()
        defer {
            try? FileManager.default.removeItem(atPath: first.home)
            try? FileManager.default.removeItem(atPath: second.home)
        }
        let text = try StateFingerprint.canonicalText(first.store)
        #expect(text.hasPrefix(StateFingerprint.header + "\n"))
        #expect(text == (try StateFingerprint.canonicalText(second.store)))
        let digest = try StateFingerprint.digest(first.store)
        #expect(digest.count == 64 && digest.allSatisfy(\.isHexDigit))
        #expect(digest == (try StateFingerprint.digest(second.store)))
    }
}
