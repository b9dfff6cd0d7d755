import LunaShell
import LunaShellTestSupport
import LunaSim
import Testing

/// Questions (copy/remove/quit, proceed, passwords): a typo is asked again, the third one
/// cancels, Ctrl-C cancels with its own reason, and a cancelled command changes nothing.
@Suite struct QuestionTests {
    func world(_ replies: [ConsoleAnswer]) throws -> (TestWorld, Shell, ScriptedConsole) {
        let world = try TestWorld()
        let console = ScriptedConsole(replies: replies)
        return (world, try Shell(store: world.store, console: console), console)
    }

    @Test func aTypoAtCopyRemoveQuitIsAskedAgain() throws {
        let (world, shell, console) = try world([.line("cpy"), .line("copy")])
        #expect(shell.run(line: "hagroup createGroup -label G -slot 1 -password userpin1") == .success)
        let output = console.takeOutput()
        #expect(output.contains("          >  cpy\n\n        'cpy' is not an answer here: type 'copy', 'remove', 'quit'.\n          >  copy\n"), "\(output)")
        #expect(world.confText.contains("VirtualToken00Label = G;"))
    }

    @Test func threeUnrecognisedAnswersCancelAndChangeNothing() throws {
        let (world, shell, console) = try world([.line("yes"), .line("ok"), .line("sure"), .line("copy")])
        let conf = world.confText
        let outcome = shell.run(line: "hagroup createGroup -label G -slot 1 -password userpin1")
        let output = console.takeOutput()
        #expect(outcome != .success)
        #expect(output.hasSuffix("        No recognised answer after 3 attempts; nothing was changed.\n\nCommand Result : 0x1 (CKR_CANCEL)\n"), "\(output)")
        #expect(world.confText == conf)
    }

    @Test func ctrlCAtAQuestionOrAPasswordCancelsWithItsOwnReason() throws {
        let (world, shell, console) = try world([.interrupted, .interrupted])
        let conf = world.confText
        #expect(shell.run(line: "hagroup createGroup -label G -slot 1") != .success)
        #expect(console.takeOutput().contains("Cancelled (Ctrl-C); nothing was changed.\n\nCommand Result : 0x1 (CKR_CANCEL)"))
        #expect(shell.run(line: "hagroup createGroup -label G -slot 1 -password userpin1") != .success)
        #expect(console.takeOutput().contains("Cancelled (Ctrl-C); nothing was changed.\n\nCommand Result : 0x1 (CKR_CANCEL)"))
        #expect(world.confText == conf)
    }

    @Test func endOfInputIsNotCtrlC() throws {
        let (_, shell, console) = try world([])
        #expect(shell.run(line: "hagroup createGroup -label G -slot 1") != .success)
        #expect(console.takeOutput().contains("No password was given (end of input)."))
    }

    @Test func proceedIsAskedAgainAfterATypo() throws {
        let fresh = try TestWorld(fleet: RoleCommandTests.freshFleet)
        let console = ScriptedConsole(replies: [.line("proced"), .line("proceed")])
        let shell = try Shell(store: fresh.store, console: console)
        #expect(shell.run(line: "slot set -slot 2") == .success)
        #expect(shell.run(line: "role login -name po -password popin123") == .success)
        #expect(shell.run(line: "partition init -label par2 -password popin123 -domain cloningdomain1") == .success)
        let output = console.takeOutput()
        #expect(output.contains("quit now ->proced\n        'proced' is not an answer here: type 'proceed', 'quit'.\n"), "\(output)")
    }
}
