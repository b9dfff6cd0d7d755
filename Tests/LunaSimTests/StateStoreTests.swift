import ChrystokiConf
import Foundation
import LunaSim
import Testing

@Suite struct StateStoreTests {
    func temporaryHome() throws -> String {
        let home = NSTemporaryDirectory() + "lunasim-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return home
    }

    func open(_ home: String, reset: Bool = false) throws -> StateStore {
        let store = try StateStore(home: home, confPath: home + "/Chrystoki.conf",
                                   seeding: { () throws(FleetFileError) in try Seeding.make(fleet: nil) }, reset: reset)
        try store.installConf()
        return store
    }

    @Test func firstUseSeedsTheDefaultFleetAndConfWithPrivateModes() throws {
        let home = try temporaryHome()
        let store = try open(home)
        #expect(store.wasSeeded)
        #expect(try store.snapshot().fleet.partitions.map(\.label) == ["par0", "par1"])
        let attributes = try FileManager.default.attributesOfItem(atPath: home + "/state.db")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: home + "/Chrystoki.conf", encoding: .utf8) == EmbeddedDefaults.chrystokiConf)
    }

    @Test func aSecondOpenKeepsTheState() throws {
        let home = try temporaryHome()
        let store = try open(home)
        try store.write { transaction throws(LunaError) in transaction.fleet.partitions[0].label = "renamed" }
        let again = try open(home)
        #expect(!again.wasSeeded)
        #expect(try again.snapshot().fleet.partitions[0].label == "renamed")
    }

    @Test func resetReseeds() throws {
        let home = try temporaryHome()
        let store = try open(home)
        try store.write { transaction throws(LunaError) in transaction.fleet.partitions[0].label = "renamed" }
        let again = try open(home, reset: true)
        #expect(again.wasSeeded)
        #expect(try again.snapshot().fleet.partitions[0].label == "par0")
    }

    @Test func aFailingCommandChangesNeitherStateNorConf() throws {
        let home = try temporaryHome()
        let store = try open(home)
        let before = try StateFingerprint.canonicalText(store)
        let confBefore = try String(contentsOfFile: store.confPath, encoding: .utf8)
        var reachedTheRefusal = false
        #expect(throws: LunaError.self) {
            try store.write { transaction throws(LunaError) in
                transaction.fleet.partitions[0].label = "changed"
                var ha = HAConfig(try transaction.conf())
                do { _ = try ha.addGroup(label: "g", serial: "1154438865287", members: ["154438865287"]) } catch {
                    throw LunaError(.generalError, "addGroup: \(error)")
                }
                transaction.setConf(ha.document)
                try transaction.appendObjects([StoredObject(handle: 9, label: "k", objectClass: .secretKey, keyType: "AES", size: 256)], on: "154438865287")
                _ = transaction.random.next()
                transaction.clock.now += 1
                // Every change above was made (checked here); only the refusal undoes them.
                let confHasTheGroup = try transaction.conf().text.contains("VirtualToken00Label = g;")
                let objects = try transaction.objectCount(on: "154438865287")
                reachedTheRefusal = confHasTheGroup && objects == 1
                throw LunaError(.pinIncorrect, "refused")
            }
        }
        #expect(reachedTheRefusal)
        #expect(try StateFingerprint.canonicalText(store) == before)
        #expect(try String(contentsOfFile: store.confPath, encoding: .utf8) == confBefore)
    }

    @Test func aSuccessfulCommandWritesStateAndConfTogether() throws {
        let home = try temporaryHome()
        let store = try open(home)
        try store.write { transaction throws(LunaError) in
            var ha = HAConfig(try transaction.conf())
            do { _ = try ha.addGroup(label: "g", serial: "1154438865287", members: ["154438865287"]) } catch {
                throw LunaError(.generalError, "addGroup: \(error)")
            }
            transaction.setConf(ha.document)
            try transaction.appendObjects([StoredObject(handle: 9, label: "k", objectClass: .secretKey, keyType: "AES", size: 256)], on: "154438865287")
        }
        #expect(try store.snapshot().objects["154438865287"]?.count == 1)
        #expect(try String(contentsOfFile: store.confPath, encoding: .utf8).contains("VirtualToken00Label = g;"))
    }

    /// Every byte of every file: the database, the WAL the store keeps (where writes land) and
    /// the conf. The -shm index is left out: readers record their read marks there by design.
    @Test func readOnlyTransactionsDoNotTouchTheFiles() throws {
        let home = try temporaryHome()
        let store = try open(home)
        try store.write { transaction throws(LunaError) in transaction.fleet.partitions[0].label = "written" }
        let files = [home + "/state.db", home + "/state.db-wal", store.confPath]
        func contents() -> [Data?] { files.map { FileManager.default.contents(atPath: $0) } }
        let before = contents()
        #expect(before.allSatisfy { $0 != nil }, "a file is missing: \(files)")
        #expect((before[1]?.count ?? 0) > 0, "the write did not land in the WAL")
        let fingerprint = try StateFingerprint.canonicalText(store)
        let label = try store.read { transaction throws(LunaError) in transaction.fleet.partitions[0].label }
        #expect(label == "written")
        #expect(contents() == before)
        #expect(try StateFingerprint.canonicalText(store) == fingerprint)
        #expect(try store.integrityCheck() == "ok")
        #expect(contents() == before)
    }
}
