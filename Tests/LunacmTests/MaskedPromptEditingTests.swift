import Foundation
import Testing

/// The masked prompt in a real pty (tmux), keys sent as a terminal sends them. Issue 13: Up, Left
/// and Ctrl-U were taken as password characters, so the right password then failed, and each
/// failure counted toward the Crypto Officer lockout. An extension of TerminalSecretsTests, so it
/// runs serialized with the other tmux tests (several tmux servers at once starved each other).
extension TerminalSecretsTests {

    /// The line the masked prompt left on screen, e.g. `        enter password: ********`.
    func promptLines(_ screen: String) -> [Substring] {
        // An erased star leaves a blank cell behind: trailing blanks are not part of what shows.
        screen.split(separator: "\n").filter { $0.contains("enter password:") }.map { line in
            line[..<(line.lastIndex { $0 != " " }.map(line.index(after:)) ?? line.startIndex)]
        }
    }

    @Test(.enabled(if: enabled, "needs tmux"))
    func editingKeysAtAMaskedPromptAreNotPasswordCharacters() throws {
        let lunacm = Lunacm()
        #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
        let (pane, sttyFile) = try startPane(lunacm, lunacmArguments: "")
        defer { _ = try? pane.tmux(["kill-server"]) }
        #expect(try pane.waitFor("lunacm:>"), "no prompt: \(pane.shown)")

        // Up, Left, a wrong start cleared with Ctrl-U, then the right password.
        try pane.type("role login -name co")
        try pane.key("Enter")
        #expect(try pane.waitFor("enter password:"), "\(pane.shown)")
        for key in ["Up", "Left"] { try pane.key(key) }
        try pane.type("xxx")
        try pane.key("C-u")
        // The password and the next command arrive in one write, as when pasted: what follows
        // Enter is the next command's, not flushed with the masked prompt's terminal settings.
        try pane.type("userpin1\rrole logout\r")
        #expect(try pane.waitFor("lunacm:>", count: 3), "\(pane.shown)")

        // Ctrl-W erases words; Home, End, Delete and F5 are escape sequences, ignored.
        try pane.type("role login -name co")
        try pane.key("Enter")
        #expect(try pane.waitFor("enter password:", count: 2), "\(pane.shown)")
        try pane.type("two words")
        try pane.key("C-w")
        try pane.key("C-w")
        try pane.type("user")
        for key in ["Home", "End", "DC", "F5", "Right"] { try pane.key(key) }
        try pane.type("pin1")
        try pane.key("Enter")
        #expect(try pane.waitFor("lunacm:>", count: 4), "\(pane.shown)")
        try pane.type("role logout")
        try pane.key("Enter")
        #expect(try pane.waitFor("lunacm:>", count: 5))
        let screen = try pane.screen()

        // Ctrl-D on the empty main prompt ends the session without drawing ^D.
        try pane.key("C-d")
        let stty = try #require(waitForFile(sttyFile), "lunacm did not exit on Ctrl-D: \(pane.shown)")
        let final = try pane.screen()

        #expect(!screen.contains("CKR_PIN_INCORRECT"), "\(screen)")
        #expect(screen.components(separatedBy: "Command Result : No Error").count - 1 == 4, "\(screen)")
        // What stays on screen is one star per character of the password that was sent.
        let prompts = promptLines(screen)
        #expect(prompts.count == 2)
        for line in prompts {
            #expect(line.hasSuffix("enter password: ********"), "\(line)")
            #expect(!line.hasSuffix("*********"), "\(line)")
        }
        #expect(!final.contains("^D"), "\(final)")
        #expect(lunacm.file(lunacm.scratch + "/exit.txt") == "lunacm-exit=0\n")
        #expect(!stty.contains("-echo ") && stty.contains(" echo "), "echo not restored: \(stty)")
        #expect(!stty.contains("-icanon") && !stty.contains("-isig") && !stty.contains("-iexten"), "\(stty)")
        #expect(!stty.contains("-icrnl") && !stty.contains("-ixon"), "input modes not restored: \(stty)")

        // No failed login reached the state: every CO failure counter is still 0.
        let fleet = try lunacm.export()
        #expect(fleet.contains("\"coFailedLogins\" : 0"))
        #expect(fleet.firstMatch(of: #/"coFailedLogins" : [1-9]/#) == nil, "\(fleet)")
    }

    @Test(.enabled(if: enabled, "needs tmux"))
    func ctrlDOnAnEmptyMaskedPromptEndsInputAndTheSessionGoesOn() throws {
        let lunacm = Lunacm()
        #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
        let (pane, sttyFile) = try startPane(lunacm, lunacmArguments: "")
        defer { _ = try? pane.tmux(["kill-server"]) }
        #expect(try pane.waitFor("lunacm:>"), "no prompt: \(pane.shown)")
        try pane.type("role login -name co")
        try pane.key("Enter")
        #expect(try pane.waitFor("enter password:"), "\(pane.shown)")
        try pane.key("C-d")
        #expect(try pane.waitFor("lunacm:>", count: 2), "Ctrl-D did not end the prompt: \(pane.shown)")
        let screen = try pane.screen()
        try pane.type("exit")
        try pane.key("Enter")
        let stty = try #require(waitForFile(sttyFile), "\(pane.shown)")
        #expect(screen.contains("CKR_CANCEL") || screen.contains("end of input"), "\(screen)")
        #expect(!screen.contains("CKR_PIN_INCORRECT"), "\(screen)")
        #expect(!screen.contains("^D"), "\(screen)")
        #expect(!stty.contains("-echo ") && !stty.contains("-icanon"), "\(stty)")
    }
}
