import Foundation
import Testing

/// A real client's Chrystoki.conf is rarely the file the installer wrote: operators comment it,
/// leave blank lines and add sections for their own tools. Every HA command that edits the conf,
/// run through lunacm end to end, must keep all of that byte for byte and in order, and the file
/// must stay readable by the next lunacm (issue 16; lunacm-reference "Chrystoki.conf").
@Suite struct AnnotatedConfTests {
    /// The repository's default conf (Config/Chrystoki.conf) with comments before, inside and
    /// after sections, trailing comments on entries, runs of blank lines, an unknown section and
    /// an empty VirtualToken section holding only a comment (the group must go inside it).
    static let annotated: String = {
        let configFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config").path
        let base = (try? String(contentsOfFile: configFolder + "/Chrystoki.conf", encoding: .utf8)) ?? ""
        var out = "# Chrystoki.conf of build host 7, edited by hand\n// keep the next line\n\n"
        for line in base.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasSuffix("= {") {
                out += "\n# section \(line.dropLast(4))\n" + line + "\n   // inside the section\n"
            } else if line.hasPrefix("   ") && line.hasSuffix(";") {
                out += line + "   # was " + line.split(separator: "=").last!.dropLast().trimmingCharacters(in: .whitespaces) + "\n"
            } else {
                out += line + "\n"
            }
        }
        out += """

            VendorTool = {
               # a section no Luna tool knows
               Colour = blue;

               Shape = round;   // trailing
            }

            VirtualToken = {
               # HA groups are added below
            }


            # end of file

            """
        return out
    }()

    /// Every line of `old` appears in `new`, in the same order (commands may only add lines, or
    /// remove the ones they added).
    static func keepsEveryLine(_ old: String, _ new: String) -> Bool {
        var lines = new.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        outer: for line in old.split(separator: "\n", omittingEmptySubsequences: false) {
            while let candidate = lines.next() { if candidate == line { continue outer } }
            return false
        }
        return true
    }

    @Test func everyHACommandKeepsCommentsBlankLinesAndUnknownSections() throws {
        #expect(Self.annotated.contains("LunaG5Slots = 3;   # was 3"), "the default conf was not found")
        let lunacm = Lunacm()
        try FileManager.default.createDirectory(atPath: lunacm.home, withIntermediateDirectories: true)
        try Self.annotated.write(toFile: lunacm.confPath, atomically: true, encoding: .utf8)
        // Every hagroup command that writes the conf (reference: the hagroup commands of lunacm 7.x).
        let steps: [(command: [String], stdin: String, listed: String?)] = [
            (["hagroup", "createGroup", "-label", "G1", "-slot", "0", "-password", "userpin1"], "", "HA Group Label:  G1"),
            (["hagroup", "addMember", "-group", "G1", "-slot", "1", "-password", "userpin1"], "copy\n",
             "Group Members:  154438865287, 1238700701509"),
            (["hagroup", "addStandby", "-group", "G1", "-slot", "1"], "", "Standby Members:  1238700701509"),
            (["hagroup", "removeStandby", "-group", "G1", "-slot", "1"], "", "Standby Members:  <none>"),
            (["hagroup", "synchronize", "-group", "G1", "-disable"], "", nil),
            (["hagroup", "recoveryMode", "-mode", "activeEnhanced"], "", nil),
            (["hagroup", "interval", "-interval", "120"], "", nil),
            (["hagroup", "HAOnly", "-enable"], "", nil),
            (["hagroup", "HAOnly", "-disable"], "", nil),
            (["hagroup", "retry", "-count", "5"], "", nil),
            (["hagroup", "haLog", "-path", "/var/log/lunasim", "-maxLength", "262144"], "", nil),
            (["hagroup", "removeMember", "-group", "G1", "-slot", "1"], "", "Group Members:  154438865287\n"),
            (["hagroup", "deleteGroup", "-label", "G1"], "", nil),
        ]
        var previous = Self.annotated
        for step in steps {
            let name = step.command.prefix(2).joined(separator: " ")
            let result = try lunacm.run(["-c"] + step.command, stdin: step.stdin)
            #expect(result.status == 0, "\(name): \(result.out)\(result.err)")
            #expect(result.out.contains("Command Result : No Error\n") && !result.out.contains("Command Result : 0x"),
                    "\(name): \(result.out)")
            let conf = lunacm.file(lunacm.confPath)
            #expect(conf != previous, "\(name) did not change the conf")
            #expect(Self.keepsEveryLine(Self.annotated, conf), "\(name) lost or reordered a line of the annotated conf:\n\(conf)")
            #expect(conf.contains("VendorTool = {\n   # a section no Luna tool knows\n   Colour = blue;\n\n   Shape = round;   // trailing\n}\n"),
                    "\(name) changed the unknown section")
            let listed = try lunacm.run(["-c", "hagroup", "listgroups"])
            #expect(listed.status == 0, "after \(name) the conf no longer reads: \(listed.out)\(listed.err)")
            if let expected = step.listed { #expect(listed.out.contains(expected), "after \(name): \(listed.out)") }
            previous = conf
        }
        let final = try lunacm.run(["-c", "hagroup", "listgroups"])
        #expect(!final.out.contains("G1"), "\(final.out)")
        // The group went inside the existing VirtualToken section and left nothing of itself
        // there; the recovery mode stays, and so does the operator's comment.
        let conf = lunacm.file(lunacm.confPath)
        #expect(!conf.contains("VirtualToken00"), "\(conf)")
        #expect(conf.components(separatedBy: "VirtualToken = {").count == 2, "\(conf)")
        #expect(conf.contains("   VirtualTokenActiveRecovery = activeEnhanced;\n"), "\(conf)")
    }
}
