import Foundation
import Testing

/// Issue 13, colour on a terminal only: at a tmux pane `down` is red, `alive` green and an error
/// red, unless NO_COLOR is set; a recorded transcript stays plain either way.
@Suite(.serialized) struct TerminalColourTests {
    static let enabled = TerminalSecretsTests.enabled

    /// The member table of a group whose third member is not in the fleet (so it is `down`).
    func homeWithADownMember(_ lunacm: Lunacm) throws {
        #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
        let conf = lunacm.file(lunacm.confPath) + """

            VirtualToken = {
               VirtualToken00Label = g;
               VirtualToken00SN = 1154438865287;
               VirtualToken00Members = 154438865287,1238700701509,1999999999999;
            }

            """
        try conf.write(toFile: lunacm.confPath, atomically: true, encoding: .utf8)
    }

    static let listGroups = "hagroup listGroups -password \"\""

    @Test(.enabled(if: enabled, "needs tmux"))
    func aTerminalColoursDownAndAnErrorButNoColourDoesNot() throws {
        for noColour in [false, true] {
            let lunacm = Lunacm(environment: noColour ? ["NO_COLOR": "1"] : [:])
            try homeWithADownMember(lunacm)
            let transcript = lunacm.scratch + "/recorded.lunacm"
            let (pane, _) = try TerminalSecretsTests().startPane(lunacm, lunacmArguments: "--record '\(transcript)'")
            defer { _ = try? pane.tmux(["kill-server"]) }
            #expect(try pane.waitFor("lunacm:>"))
            try pane.type(Self.listGroups)
            try pane.key("Enter")
            #expect(try pane.waitFor("down"), "\(pane.shown)")
            try pane.type("hagroup listGroup")
            try pane.key("Enter")
            #expect(try pane.waitFor("Did you mean 'hagroup listGroups'?"), "\(pane.shown)")
            // -e keeps the escape sequences the program wrote.
            let screen = try pane.tmux(["capture-pane", "-p", "-e", "-J", "-S", "-200", "-t", "t"])
            try pane.type("exit")
            try pane.key("Enter")
            if noColour {
                #expect(!screen.contains("\u{1B}[31m") && !screen.contains("\u{1B}[32m"), "NO_COLOR=1 still coloured: \(screen)")
            } else {
                #expect(screen.contains("\u{1B}[31mdown"), "down not in red: \(screen)")
                #expect(screen.contains("\u{1B}[32malive"), "alive not in green: \(screen)")
                // tmux re-emits an attribute only where it changes: the reason line turns red, and
                // nothing turns it back before the result line.
                let error = screen.components(separatedBy: "\u{1B}[31mUnknown command: hagroup listGroup.").last ?? ""
                let beforeResult = error.components(separatedBy: "Command Result : 0x7").first ?? ""
                #expect(screen.contains("\u{1B}[31mUnknown command: hagroup listGroup.") && error.contains("Command Result : 0x7")
                        && !beforeResult.contains("\u{1B}[39m") && !beforeResult.contains("\u{1B}[0m"),
                        "the error not in red: \(screen)")
            }
            // The pane's script writes exit.txt once lunacm has ended (and closed the transcript).
            _ = try #require(waitForFile(lunacm.scratch + "/exit.txt"), "lunacm did not exit: \(pane.shown)")
            let recorded = lunacm.file(transcript)
            #expect(recorded.contains("down") && !recorded.contains("\u{1B}"), "an escape code in the transcript: \(recorded)")
        }
    }

    func waitForFile(_ path: String, timeout: TimeInterval = 20) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return text }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }
}

/// Output that is not a terminal never carries an escape code, NO_COLOR or not.
@Suite struct NoEscapeCodesTests {
    @Test(arguments: [[:], ["NO_COLOR": "1"], ["TERM": "xterm-256color"]])
    func pipedAndBatchOutputIsPlain(_ environment: [String: String]) throws {
        let lunacm = Lunacm(environment: environment)
        try TerminalColourTests().homeWithADownMember(lunacm)
        let single = try lunacm.run(["-c", TerminalColourTests.listGroups])
        #expect(single.out.contains("down"))
        let batch = try lunacm.run([], stdin: TerminalColourTests.listGroups + "\nhagroup listGroup\nslot set -slot 99\n")
        #expect(batch.out.contains("down") && batch.out.contains("Did you mean"))
        #expect(batch.status == 1)
        let script = lunacm.scratch + "/script.txt"
        try (TerminalColourTests.listGroups + "\nbogus\n").write(toFile: script, atomically: true, encoding: .utf8)
        let file = try lunacm.run(["-f", script, "--echo"])
        let recorded = lunacm.scratch + "/batch.lunacm"
        let record = try lunacm.run(["--record", recorded], stdin: TerminalColourTests.listGroups + "\nbogus\n")
        for (name, text) in [("-c", single.out + single.err), ("stdin", batch.out + batch.err), ("-f", file.out + file.err),
                             ("--record", record.out + record.err), ("transcript", lunacm.file(recorded))] {
            #expect(!text.contains("\u{1B}"), "\(name) carries an escape code: \(text)")
        }
    }
}
