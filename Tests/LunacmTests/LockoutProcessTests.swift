import Foundation
import Testing

/// Reference 7.2: failed-login counters live in the state, so a lockout reached in one lunacm
/// process holds in the next; the Partition SO's `role resetpw` (HSM policy 15) lifts it.
@Suite struct LockoutProcessTests {
    static let freshFleet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Config/fleets/fresh-partition.json").path

    @Test func tenBadLoginsInOneProcessLockTheCOForTheNext() throws {
        let lunacm = Lunacm()
        let bad = (1...10).map { "role login -name co -password wrongpin\($0)\n" }.joined()
        let first = try lunacm.run(["--fleet", Self.freshFleet, "--reset"], stdin: bad)
        #expect(first.status == 1)
        #expect(first.out.components(separatedBy: "Command Result : 0xa0 (CKR_PIN_INCORRECT)").count == 11)

        let show = try lunacm.run(["-c", "role", "show", "-name", "co"])
        #expect(show.out.contains("        State of role 'Crypto Officer':\n        Locked out.\n"))
        let login = try lunacm.run(["-c", "role", "login", "-name", "co", "-password", "userpin1"])
        #expect(login.status == 1)
        #expect(login.out.hasSuffix("Command Result : 0xa4 (CKR_PIN_LOCKED)\n"))

        let reset = try lunacm.run([], stdin: "role login -name po -password popin123\nrole resetpw -name co -password newpin11\n")
        #expect(reset.status == 0, "\(reset.out)")
        let again = try lunacm.run(["-c", "role", "login", "-name", "co", "-password", "newpin11"])
        #expect(again.status == 0, "\(again.out)")
        #expect(!(try lunacm.run(["-c", "role", "show", "-name", "co"])).out.contains("Locked out"))
    }

    /// Nine failures spread over processes still allow a login (which resets the counter); the
    /// tenth, in yet another process, locks.
    @Test func nineBadLoginsAcrossProcessesStillAllowALogin() throws {
        let lunacm = Lunacm()
        let bad = (1...5).map { "role login -name co -password wrongpin\($0)\n" }.joined()
        #expect(try lunacm.run(["--fleet", Self.freshFleet, "--reset"], stdin: bad).status == 1)
        #expect(try lunacm.run([], stdin: (6...9).map { "role login -name co -password wrongpin\($0)\n" }.joined()).status == 1)
        #expect(try lunacm.export().contains("\"coFailedLogins\" : 9"))
        let login = try lunacm.run(["-c", "role", "login", "-name", "co", "-password", "userpin1"])
        #expect(login.status == 0, "\(login.out)")
        #expect(login.out.hasSuffix("Command Result : No Error\n"))
        #expect(try lunacm.export().contains("\"coFailedLogins\" : 0"))
        // From zero again: nine in one process, the tenth in the next locks.
        _ = try lunacm.run([], stdin: (1...9).map { "role login -name co -password wrongpin\($0)\n" }.joined())
        let tenth = try lunacm.run(["-c", "role", "login", "-name", "co", "-password", "wrongpin10"])
        #expect(tenth.out.contains("10 consecutive failures locked out the Crypto Officer and Crypto User."))
        let locked = try lunacm.run(["-c", "role", "login", "-name", "co", "-password", "userpin1"])
        #expect(locked.out.hasSuffix("Command Result : 0xa4 (CKR_PIN_LOCKED)\n"))
    }

    @Test func countersSurviveExportAndAFleetFile() throws {
        let lunacm = Lunacm()
        _ = try lunacm.run(["--fleet", Self.freshFleet, "--reset"], stdin: "role login -name co -password wrongpin1\n")
        let exported = try lunacm.export()
        #expect(exported.contains("\"coFailedLogins\" : 1"))
        #expect(!exported.contains("popin123"))
    }
}
