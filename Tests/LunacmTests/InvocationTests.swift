@testable import lunacm
import Testing

/// `lunacm -c|-q WORDS...` skips swift-argument-parser for start-up speed; it must mean exactly
/// what the parser would have made of it.
@Suite struct InvocationTests {
    static let commandLines: [[String]] = [
        ["-c", "slot", "list"],
        ["-q", "haGroup", "listGroups", "-group", "G2", "-password", ""],
        ["-c", "hagroup", "createGroup", "-label", "my group", "-password", "--home"],
        ["-c", "slot list"],
    ]

    @Test(arguments: commandLines)
    func theQuickRouteAgreesWithTheArgumentParser(_ arguments: [String]) throws {
        let quick = try #require(Invocation.singleCommandOnly(arguments))
        #expect(quick == Invocation(try Options.parse(arguments)))
    }

    @Test func anythingElseGoesThroughTheArgumentParser() {
        #expect(Invocation.singleCommandOnly(["--home", "/tmp/x", "-c", "slot", "list"]) == nil)
        #expect(Invocation.singleCommandOnly(["-c"]) == nil)
        #expect(Invocation.singleCommandOnly(["--echo"]) == nil)
        #expect(Invocation.singleCommandOnly([]) == nil)
    }

    /// Both routes refuse a command flag with nothing to run, rather than run nothing and exit 0.
    @Test(arguments: [["-c"], ["-c", ""], ["-q", " "], ["--bail", "-q"], ["-f", "x", "-c", "", ""]])
    func bothRoutesRefuseAnEmptyCommand(_ arguments: [String]) {
        guard case .failure(let exit) = Invocation.parse(arguments) else {
            Issue.record("\(arguments) parsed")
            return
        }
        #expect(exit.status == 2)
        #expect(exit.toStandardError)
        #expect(exit.message.hasPrefix("Missing a command after"))
    }
}
