import ChrystokiConf
import Foundation
import GRDB
@testable import LunaSim
import Testing

/// A command is one commit over state.db and Chrystoki.conf: what a kill leaves behind between
/// the commit and the rename is finished by the next lunacm, and what it leaves before the commit
/// is thrown away.
@Suite struct ConfJournalTests {
    func home() throws -> String {
        let home = NSTemporaryDirectory() + "lunasim-journal-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return home
    }

    func open(_ home: String) throws -> StateStore {
        let store = try StateStore(home: home, confPath: home + "/Chrystoki.conf",
                                   seeding: { () throws(FleetFileError) in try Seeding.make(fleet: nil) })
        try store.installConf()
        return store
    }

    func stagedFiles(_ home: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: home).filter { $0.hasSuffix(".pending") }
    }

    @Test func aCommittedButUnpublishedConfIsPublishedByTheNextOpen() throws {
        let home = try home()
        _ = try open(home)
        // What a kill right after the commit leaves: the state vouches for a staged file.
        let queue = try DatabaseQueue(path: home + "/state.db")
        try queue.write { db in _ = try ConfJournal(confPath: home + "/Chrystoki.conf").stage("New = {\n}\n", db) }
        try queue.close()
        #expect(try stagedFiles(home).count == 1)
        let store = try open(home)
        #expect(try String(contentsOfFile: store.confPath, encoding: .utf8) == "New = {\n}\n")
        #expect(try stagedFiles(home).isEmpty)
    }

    @Test func readersSeeTheCommittedConfBeforeItIsPublished() throws {
        let home = try home()
        let store = try open(home)
        let queue = try DatabaseQueue(path: home + "/state.db")
        try queue.write { db in _ = try ConfJournal(confPath: home + "/Chrystoki.conf").stage("New = {\n}\n", db) }
        try queue.close()
        #expect(try store.read { transaction throws(LunaError) in try transaction.conf().text } == "New = {\n}\n")
    }

    @Test func aStagedFileThatWasNeverCommittedIsDiscarded() throws {
        let home = try home()
        let store = try open(home)
        let before = try String(contentsOfFile: store.confPath, encoding: .utf8)
        // What a kill before the commit leaves: a staged file the state knows nothing of.
        _ = try AtomicFile.stage(Array("Stray = {\n}\n".utf8), for: store.confPath, name: ".Chrystoki.conf.lunasim-1-9.pending")
        try store.write { transaction throws(LunaError) in transaction.clock.now += 1 }
        #expect(try String(contentsOfFile: store.confPath, encoding: .utf8) == before)
        #expect(try stagedFiles(home).isEmpty)
    }

    @Test func anUnwritableConfDirectoryFailsTheCommandAndChangesNoState() throws {
        // Root ignores modes, so use a conf path whose directory does not exist.
        let home = try home()
        let store = try StateStore(home: home, confPath: home + "/missing-dir/Chrystoki.conf",
                                   seeding: { () throws(FleetFileError) in try Seeding.make(fleet: nil) })
        let before = try StateFingerprint.canonicalText(store)
        let document = try ConfDocument.parse("A = {\n}\n")
        #expect(throws: LunaError.self) {
            try store.write { transaction throws(LunaError) in
                transaction.fleet.partitions[0].label = "x"
                transaction.setConf(document)
            }
        }
        #expect(try StateFingerprint.canonicalText(store) == before)
    }
}
