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
}
