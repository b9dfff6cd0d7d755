import ChrystokiConf
import Foundation
import LunaSim
import Testing

/// Objects the PKCS#11 library makes: where they land, what lunacm then sees, and that their
/// attributes go with them.
@Suite struct TokenObjectServiceTests {
    let par0 = "154438865287", par1 = "1238700701509"

    func openStore() throws -> StateStore {
        let home = NSTemporaryDirectory() + "lunasim-token-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let store = try StateStore(home: home, confPath: home + "/Chrystoki.conf",
                                   seeding: { () throws(FleetFileError) in try Seeding.make(fleet: nil) })
        try store.installConf()
        return store
    }

    func key(_ label: String) -> StoredObject {
        StoredObject(handle: 0, label: label, objectClass: .secretKey, keyType: "AES", size: 256, material: Array(repeating: 7, count: 32))
    }

    @Test func aKeyOnAPhysicalSlotIsAPartitionObjectWithItsAttributes() throws {
        let store = try openStore()
        let placements = try store.write { transaction throws(LunaError) in
            try TokenObjectService.create([(key("app-key"), [1, 2, 3])], slot: 0, transaction)
        }
        #expect(placements == [[TokenObjectService.Placement(serial: par0, handle: 1)]])
        let rows = try store.read { transaction throws(LunaError) in try transaction.objectsWithAttributes(on: par0) }
        #expect(rows.map(\.object.label) == ["app-key"])
        #expect(rows.map(\.attributes) == [[1, 2, 3]])
    }

    @Test func aKeyOnAnHASlotLandsOnEveryMember() throws {
        let store = try openStore()
        try store.write { transaction throws(LunaError) in
            var ha = HAConfig(try transaction.conf())
            do throws(ConfError) { _ = try ha.addGroup(label: "ha1", serial: "1154438865287", members: [par0, par1]) } catch { throw LunaError(error) }
            transaction.setConf(ha.document)
        }
        let placements = try store.write { transaction throws(LunaError) in
            try TokenObjectService.create([(key("ha-key"), [9])], slot: 5, transaction)
        }
        #expect(placements[0].map(\.serial) == [par0, par1])
        for serial in [par0, par1] {
            let rows = try store.read { transaction throws(LunaError) in try transaction.objectsWithAttributes(on: serial) }
            #expect(rows.filter { $0.object.label == "ha-key" }.map(\.attributes) == [[9]])
        }
    }

    @Test func attributesGoWithTheirObjectAndNeverPassToAReusedHandle() throws {
        let store = try openStore()
        try store.write { transaction throws(LunaError) in
            _ = try TokenObjectService.create([(key("first"), [1])], slot: 0, transaction)
        }
        // lunacm deletes it (simulator destroyObject); the next object gets the same handle.
        try store.write { transaction throws(LunaError) in _ = try transaction.removeObject(handle: 1, on: par0) }
        try store.write { transaction throws(LunaError) in _ = try transaction.appendObjects([key("second")], on: par0) }
        let rows = try store.read { transaction throws(LunaError) in try transaction.objectsWithAttributes(on: par0) }
        #expect(rows.map(\.object.handle) == [1])
        #expect(rows.map(\.object.label) == ["second"])
        #expect(rows[0].attributes == nil)
    }

    @Test func destroyRefusesBeforeDeletingAnyCopyWhenOneIsMissing() throws {
        let store = try openStore()
        let placements = try store.write { transaction throws(LunaError) in
            try TokenObjectService.create([(key("kept"), [1])], slot: 0, transaction)
        }
        let missing = TokenObjectService.Placement(serial: par1, handle: 42)
        #expect(throws: LunaError.self) {
            try store.write { transaction throws(LunaError) in try TokenObjectService.destroy(placements[0] + [missing], transaction) }
        }
        #expect(try store.read { transaction throws(LunaError) in try transaction.objects(on: par0) }.map(\.label) == ["kept"])
    }

    @Test func updateRelabelsEveryCopy() throws {
        let store = try openStore()
        let placements = try store.write { transaction throws(LunaError) in
            try TokenObjectService.create([(key("old"), [1])], slot: 0, transaction)
        }
        try store.write { transaction throws(LunaError) in
            try TokenObjectService.update(placements[0], label: "new", attributes: [2], transaction)
        }
        let rows = try store.read { transaction throws(LunaError) in try transaction.objectsWithAttributes(on: par0) }
        #expect(rows.map(\.object.label) == ["new"])
        #expect(rows.map(\.attributes) == [[2]])
    }
}
