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
        let before = FleetFileWriter.write(try store.snapshot())
        let confBefore = try String(contentsOfFile: store.confPath, encoding: .utf8)
        #expect(throws: LunaError.self) {
            try store.write { transaction throws(LunaError) in
                transaction.fleet.partitions[0].label = "changed"
                var ha = HAConfig(try transaction.conf())
                _ = try? ha.addGroup(label: "g", serial: "1154438865287", members: ["154438865287"])
                transaction.setConf(ha.document)
                try transaction.appendObjects([StoredObject(handle: 9, label: "k", objectClass: .secretKey, keyType: "AES", size: 256)], on: "154438865287")
                throw LunaError(.pinIncorrect, "refused")
            }
        }
        #expect(FleetFileWriter.write(try store.snapshot()) == before)
        #expect(try String(contentsOfFile: store.confPath, encoding: .utf8) == confBefore)
    }

    @Test func aSuccessfulCommandWritesStateAndConfTogether() throws {
        let home = try temporaryHome()
        let store = try open(home)
        try store.write { transaction throws(LunaError) in
            var ha = HAConfig(try transaction.conf())
            _ = try? ha.addGroup(label: "g", serial: "1154438865287", members: ["154438865287"])
            transaction.setConf(ha.document)
            try transaction.appendObjects([StoredObject(handle: 9, label: "k", objectClass: .secretKey, keyType: "AES", size: 256)], on: "154438865287")
        }
        #expect(try store.snapshot().objects["154438865287"]?.count == 1)
        #expect(try String(contentsOfFile: store.confPath, encoding: .utf8).contains("VirtualToken00Label = g;"))
    }

    @Test func readOnlyTransactionsDoNotTouchTheFiles() throws {
        let home = try temporaryHome()
        let store = try open(home)
        let modified = try FileManager.default.attributesOfItem(atPath: home + "/state.db")[.modificationDate] as? Date
        let confModified = try FileManager.default.attributesOfItem(atPath: store.confPath)[.modificationDate] as? Date
        _ = try store.read { transaction throws(LunaError) in transaction.fleet.partitions.count }
        #expect(try FileManager.default.attributesOfItem(atPath: home + "/state.db")[.modificationDate] as? Date == modified)
        #expect(try FileManager.default.attributesOfItem(atPath: store.confPath)[.modificationDate] as? Date == confModified)
        #expect(try store.integrityCheck() == "ok")
    }
}
