import Foundation
import LunaShell
import LunaSim
import Testing

/// Policy templates (docs/policy-templates.md): an exported template initializes another
/// partition with the same policies; a bad file is refused with its line number, before any
/// question, and changes nothing.
@Suite struct PolicyTemplateTests {
    /// par0 with non-default policies 11 and 20; par1 (slot 1) not initialized.
    static let fleet = """
        {"hsms":[{"serial":"700101","partitions":[{"label":"par0","serial":"154438865287","slot":0,"domain":"d1",
          "coPassword":"userpin1","coPasswordChanged":true,"policies":{"0":1,"4":1,"11":0,"20":5}}]},
          {"serial":"700102","partitions":[{"label":"par1","serial":"1238700701509","slot":1}]}]}
        """

    func world() throws -> TestWorld { try TestWorld(fleet: Self.fleet) }

    func file(_ world: TestWorld, _ name: String) -> String? {
        try? String(contentsOfFile: world.directory + "/" + name, encoding: .utf8)
    }

    func write(_ world: TestWorld, _ name: String, _ text: String) throws {
        try text.write(toFile: world.directory + "/" + name, atomically: true, encoding: .utf8)
    }

    func policies(_ world: TestWorld, slot: Int) throws -> PolicyTable {
        try #require(try world.store.read { transaction throws(LunaError) in transaction.fleet.partition(slot: slot)?.policies })
    }

    @Test func exportThenApplyGivesTheSamePolicies() throws {
        let world = try world()
        let shown = world.run("partition showpolicies -et t.txt")
        #expect(shown.hasSuffix("        Policy template with 26 partition policies written to t.txt.\n\nCommand Result : No Error\n"))
        let text = try #require(file(world, "t.txt"))
        #expect(text.hasPrefix(PolicyTemplate.header + "\n"))
        #expect(text.contains("\n20 = 5    # Max failed user logins allowed\n"))
        #expect(text.contains("\n11 = 0    # Allow changing key attributes\n"))
        let reply = world.run("slot set -slot 1", "partition init -label par1 -password popin123 -domain d1 -applytemplate t.txt -force")
        #expect(reply.contains("        Policy template t.txt applied: 26 partition policies set.\n\nCommand Result : No Error\n"))
        let applied = try policies(world, slot: 1)
        let source = try policies(world, slot: 0)
        for definition in PolicyCatalog.partition where !definition.capabilityOnly {
            #expect(PolicyCatalog.value(definition, in: applied) == PolicyCatalog.value(definition, in: source))
        }
        #expect(applied[20] == 5)
    }

    @Test(arguments: [
        ("# header\n\n0 = 1\nseven = 1\n", "t.txt, line 4: expected '<policy number> = <value>', found 'seven = 1'.", "0x7 (CKR_ARGUMENTS_BAD)"),
        ("0=1\n4 = 1 # ok\n0 = 0\n", "t.txt, line 3: policy 0 was already set on line 1.", "0x7 (CKR_ARGUMENTS_BAD)"),
        ("# nothing\n\n", "t.txt: the template sets no policy.", "0x7 (CKR_ARGUMENTS_BAD)"),
        ("0 = 1\n99 = 1\n", "t.txt, line 2: There is no partition policy 99.", "0x8000007d (CKR_CONFIG_FAILS_DEPENDENCIES)"),
        ("22 = 1\n", "t.txt, line 1: The partition policy 22 (Allow activation) cannot be turned on: its capability is 0 on this partition.", "0x8000007d (CKR_CONFIG_FAILS_DEPENDENCIES)"),
        ("20 = 11\n", "t.txt, line 1: The partition policy 20 (Max failed user logins allowed) takes a value from 1 to 10 (it may only be lowered), not 11.", "0x8000007d (CKR_CONFIG_FAILS_DEPENDENCIES)"),
        ("1 = 2 = 3\n", "t.txt, line 1: expected '<policy number> = <value>', found '1 = 2 = 3'.", "0x7 (CKR_ARGUMENTS_BAD)"),
    ])
    func badTemplatesAreRefusedWithTheirLineAndChangeNothing(text: String, reason: String, code: String) throws {
        let world = try world()
        try write(world, "t.txt", text)
        _ = world.run("slot set -slot 1")
        let before = try world.store.snapshot()
        // No answers scripted: a question asked before the refusal would fail differently.
        let reply = world.run("partition init -label par1 -applytemplate t.txt")
        #expect(reply == "\n        \(reason)\n\nCommand Result : \(code)\n")
        #expect(try world.store.snapshot() == before)
    }

    @Test func missingFilesAndUnwritableExportsAreRefused() throws {
        let world = try world()
        #expect(world.run("slot set -slot 1", "partition init -label par1 -at nope.txt -force").hasSuffix(
            "\n        The file nope.txt does not exist.\n\nCommand Result : 0x7 (CKR_ARGUMENTS_BAD)\n"))
        _ = world.run("slot set -slot 0")
        #expect(world.run("partition showpolicies -exporttemplate no-such-dir/t.txt") ==
            "\n        The file no-such-dir/t.txt cannot be written (does its directory exist, and may this user write there?).\n\nCommand Result : 0x5 (CKR_GENERAL_ERROR)\n")
    }
}
