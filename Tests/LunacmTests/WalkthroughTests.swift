import Foundation
import Testing

/// The README walkthrough, run as its reader would: a fresh home seeded
/// from Config/fleets/fresh-partition.json, then the walkthrough's session on stdin, one process.
@Suite struct WalkthroughTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The lines of the README's first ```text block (the walkthrough session): commands (`lunacm:> ...`) and the
    /// answers typed at prompts (lines starting with `> `).
    static func session() throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(text.components(separatedBy: "```text\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n").compactMap { line -> String? in
            if line.hasPrefix("lunacm:> ") { return String(line.dropFirst("lunacm:> ".count)) }
            if line.hasPrefix("> ") { return String(line.dropFirst(2)) }
            return nil
        }.joined(separator: "\n") + "\n"
    }

    @Test func aNewUserTakesTheFreshPartitionIntoAGroup() throws {
        let lunacm = Lunacm()
        let fleet = Self.root.appendingPathComponent("Config/fleets/fresh-partition.json").path
        let result = try lunacm.run(["--fleet", fleet, "--reset", "--bail"], stdin: try Self.session())
        #expect(result.status == 0, "\(result.out)")
        #expect(result.out.contains("Member 154438865288 successfully added to group myHAgroup."))
        let list = try lunacm.run(["-c", "hagroup", "listgroups", "-password", "userpin1"])
        #expect(list.out.contains("Group Members:  154438865287, 154438865288"))
    }
}
