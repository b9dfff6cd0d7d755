import Foundation
import Testing

/// Issue 13 at a real keyboard (a tmux pane): Tab completion through libedit. The completer's own
/// cases are in LunaShellTests (CompletionTests).
@Suite(.serialized) struct TerminalCompletionTests {
    static let enabled = TerminalSecretsTests.enabled

    /// A pane running lunacm on a home that already exists (seeded by one batch command).
    func startLunacm(_ lunacm: Lunacm, arguments: String = "") throws -> TerminalSecretsTests.Pane {
        #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
        let (pane, _) = try TerminalSecretsTests().startPane(lunacm, lunacmArguments: arguments)
        #expect(try pane.waitFor("lunacm:>"), "no prompt: \(pane.shown)")
        return pane
    }

    /// The screen's lines, trailing blanks dropped.
    func lines(_ pane: TerminalSecretsTests.Pane) throws -> [String] {
        try pane.screen().split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
    }

    func waitForLine(_ pane: TerminalSecretsTests.Pane, _ wanted: (String) -> Bool, timeout: TimeInterval = 20) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try lines(pane).contains(where: wanted) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    @Test(.enabled(if: enabled, "needs tmux"))
    func tabCompletesCommandsListsChoicesAndOffersLiveValues() throws {
        let lunacm = Lunacm()
        let pane = try startLunacm(lunacm)
        defer { _ = try? pane.tmux(["kill-server"]) }

        // ha<Tab>: the family, and a space after it.
        try pane.type("ha")
        try pane.key("Tab")
        #expect(try waitForLine(pane) { $0 == "lunacm:>hagroup" }, "\(pane.shown)")
        try pane.type("listGroups -password \"\"")
        try pane.key("Enter")
        #expect(try pane.waitFor("There are no HA groups configured."), "the completed line did not run: \(pane.shown)")

        // hagroup add<Tab><Tab>: both commands listed, then the line is redrawn as it was.
        try pane.type("hagroup add")
        try pane.key("Tab")
        try pane.key("Tab")
        #expect(try waitForLine(pane) { $0 == "addMember   addStandby" }, "\(pane.shown)")
        #expect(try waitForLine(pane) { $0 == "lunacm:>hagroup add" }, "line not redrawn: \(pane.shown)")
        try pane.key("C-u")

        // slot set -slot <Tab><Tab>: the slots of the default fleet.
        try pane.type("slot set -slot ")
        try pane.key("Tab")
        try pane.key("Tab")
        #expect(try waitForLine(pane) { $0 == "0  1" }, "\(pane.shown)")
        try pane.key("C-u")

        // A group made in this session is offered at once (the state is read at each Tab).
        try pane.type("hagroup createGroup -label myHAgroup -slot 0 -password userpin1")
        try pane.key("Enter")
        #expect(try pane.waitFor("created with group number"), "\(pane.shown)")
        try pane.type("hagroup addMember -group ")
        try pane.key("Tab")
        try pane.key("Tab")
        #expect(try waitForLine(pane) { $0.hasPrefix("1154438865287") && $0.hasSuffix("myHAgroup") }, "label and number not listed: \(pane.shown)")
        try pane.type("my")
        try pane.key("Tab")
        #expect(try waitForLine(pane) { $0 == "lunacm:>hagroup addMember -group myHAgroup" }, "\(pane.shown)")
        // A shortcut, then the options still open: the one-of group, then the password.
        try pane.tmux(["send-keys", "-t", "t", "-l", "--", "-sl"])
        try pane.key("Tab")
        #expect(try waitForLine(pane) { $0 == "lunacm:>hagroup addMember -group myHAgroup -slot" }, "\(pane.shown)")
        try pane.type("1 -password ")
        try pane.key("Tab")
        try pane.key("Tab")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try lines(pane).last { $0.hasPrefix("lunacm:>") } == "lunacm:>hagroup addMember -group myHAgroup -slot 1 -password",
                "a secret was completed: \(pane.shown)")
        try pane.key("C-u")
        try pane.type("exit")
        try pane.key("Enter")
    }
}
