import ChrystokiConf
import Foundation
@testable import LunaShell
import LunaShellTestSupport
import LunaSim
import Testing

/// A command declares read or write access by the protocol it adopts; a read command's store
/// cannot write. These rogue commands try anyway: each must fail loudly, with a LunaCM-style
/// error, and leave the state and Chrystoki.conf exactly as they were.
@Suite struct CommandAccessTests {
    /// Renames a partition in memory from a read command.
    struct RenamesInARead: ReadCommand {
        static let spec = CommandSpec(name: "rename", summary: "test only")
        init(_ options: ParsedOptions) {}
        func run(_ context: ReadContext) throws(LunaError) {
            try context.read { transaction throws(LunaError) in transaction.fleet.partitions[0].label = "changed" }
        }
    }

    /// Inserts an object row (an SQL write) from a read command.
    struct InsertsInARead: ReadCommand {
        static let spec = CommandSpec(name: "insert", summary: "test only")
        init(_ options: ParsedOptions) {}
        func run(_ context: ReadContext) throws(LunaError) {
            try context.read { transaction throws(LunaError) in
                try transaction.appendObjects([StoredObject(handle: 1, label: "k", objectClass: .secretKey, keyType: "AES", size: 256)],
                                              on: "154438865287")
            }
        }
    }

    /// Adds an HA group to Chrystoki.conf from a read command.
    struct EditsConfInARead: ReadCommand {
        static let spec = CommandSpec(name: "edit", summary: "test only")
        init(_ options: ParsedOptions) {}
        func run(_ context: ReadContext) throws(LunaError) {
            try context.read { transaction throws(LunaError) in
                try transaction.editHA { ha throws(ConfError) in try ha.addGroup(label: "g", serial: "1154438865287", members: ["154438865287"]) }
            }
        }
    }

    /// The same rename, declared a writer: it is allowed.
    struct RenamesInAWrite: WriteCommand {
        static let spec = CommandSpec(name: "renamew", summary: "test only")
        init(_ options: ParsedOptions) {}
        func run(_ context: WriteContext) throws(LunaError) {
            try context.write { transaction throws(LunaError) in transaction.fleet.partitions[0].label = "changed" }
        }
    }

    static let grammar = Grammar(Grammar.lunacm.familyLists + [
        CommandFamily(FamilySpec(name: "rogue", shortName: "rg", summary: "test only"),
                      [RenamesInARead.self, InsertsInARead.self, EditsConfInARead.self, RenamesInAWrite.self]),
    ])

    func world() throws -> (TestWorld, Shell) {
        let world = try TestWorld()
        return (world, try Shell(store: world.store, console: world.console, grammar: Self.grammar))
    }

    @Test(arguments: [("rogue rename", "the fleet"), ("rogue insert", "readonly"), ("rogue edit", "Chrystoki.conf")])
    func aWriteFromAReadCommandFailsAndChangesNothing(line: String, names: String) throws {
        let (world, shell) = try world()
        let state = FleetFileWriter.write(try world.store.snapshot())
        let conf = world.confText
        let outcome = shell.run(line: line)
        let output = world.console.takeOutput()
        guard case .failure(let error) = outcome else {
            Issue.record("\(line) succeeded: \(output)")
            return
        }
        #expect(error.code == .generalError)
        #expect(error.reason.contains(names), "\(error.reason)")
        #expect(output.hasSuffix("Command Result : 0x5 (CKR_GENERAL_ERROR)\n"), "\(output)")
        #expect(FleetFileWriter.write(try world.store.snapshot()) == state)
        #expect(world.confText == conf)
    }

    @Test func theSameChangeFromAWriteCommandIsApplied() throws {
        let (world, shell) = try world()
        #expect(shell.run(line: "rogue renamew") == .success)
        #expect(try world.store.snapshot().fleet.partitions[0].label == "changed")
    }

    @Test func accessIsDerivedFromTheProtocolAdopted() {
        let entries = Dictionary(uniqueKeysWithValues: Self.grammar.entries.map { ($0.spec.id, $0.spec.access) })
        #expect(entries["rogue.rename"] == .read)
        #expect(entries["rogue.renamew"] == .write)
        #expect(entries["slot.list"] == .read)
        #expect(entries["hagroup.addMember"] == .write)
    }
}
