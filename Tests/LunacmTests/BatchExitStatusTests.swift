import Foundation
import Testing

@Suite struct BatchExitStatusTests {
    @Test func everyLineRunsAndOneFailureMakesTheStatusOne() throws {
        let lunacm = Lunacm()
        let result = try lunacm.run([], stdin: "slot list\nbogus command\nslot set -slot 1\n")
        #expect(result.status == 1)
        #expect(result.out.contains("Label ->                par1"))
        #expect(result.out.contains("Unknown command: bogus"))
        #expect(result.out.contains("Command Result : 0x7 (CKR_ARGUMENTS_BAD)"))
        #expect(result.out.hasSuffix("Current Slot Id: 1 (Luna User Slot 7.3.0 (PW) Key Export With Cloning Mode)\nCommand Result : No Error\n"))
        #expect(!result.out.contains("lunacm:>"), "no prompt in batch mode")
        #expect(!result.out.contains("Available HSMs"), "no banner in batch mode")
    }

    @Test func bailStopsAtTheFirstFailure() throws {
        let result = try Lunacm().run(["--bail"], stdin: "slot list\nbogus command\nslot set -slot 1\n")
        #expect(result.status == 1)
        #expect(result.out.contains("CKR_ARGUMENTS_BAD"))
        #expect(!result.out.contains("Current Slot Id: 1"))
    }

    @Test func allSucceedingIsStatusZero() throws {
        let result = try Lunacm().run([], stdin: "# a comment\n\nslot list\n   # indented comment\nslot set -slot 0\n")
        #expect(result.status == 0)
        #expect(!result.out.contains("comment"))
    }

    @Test func singleCommandAsSeparateWordsOrOneString() throws {
        let lunacm = Lunacm()
        let words = try lunacm.run(["-c", "slot", "set", "-slot", "9"])
        #expect(words.status == 1)
        #expect(words.out.contains("Command Result : 0x3 (CKR_SLOT_ID_INVALID)"))
        let string = try lunacm.run(["-c", "slot set -slot 9"])
        #expect(string.out == words.out && string.status == 1)
        let quiet = try lunacm.run(["-q", "slot", "list"])
        #expect(quiet.status == 0)
        #expect(quiet.out.hasPrefix("\n        Slot Id ->              0\n"))
        #expect(quiet.out.hasSuffix("Command Result : No Error\n"))
    }

    @Test func echoPrefixesEachCommand() throws {
        let result = try Lunacm().run(["--echo"], stdin: "slot set -slot 1\n# note\n")
        #expect(result.out == "lunacm:> slot set -slot 1\nCurrent Slot Id: 1 (Luna User Slot 7.3.0 (PW) Key Export With Cloning Mode)\nCommand Result : No Error\n")
    }

    @Test func scriptFileRunsLikeStdin() throws {
        let lunacm = Lunacm()
        let script = lunacm.scratch + "/script.txt"
        try "slot set -slot 1\nslot set -slot 7\n".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try lunacm.run(["-f", script])
        #expect(result.status == 1)
        #expect(result.out.contains("Slot 7 does not exist."))
    }

    @Test func exitStopsTheBatch() throws {
        let result = try Lunacm().run([], stdin: "exit\nbogus\n")
        #expect(result.status == 0)
        #expect(result.out.isEmpty)
    }

    @Test func usageErrorsAreStatusTwo() throws {
        let lunacm = Lunacm()
        #expect(try lunacm.run(["--no-such-flag"]).status == 2)
        let missing = try lunacm.run(["-f", "/nonexistent/script"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("/nonexistent/script"))
    }

    @Test func invalidUTF8LineIsAnErrorNotACrash() throws {
        let bytes = Array("slot list\n".utf8) + [0xff, 0xfe, 0x0a] + Array("slot set -slot 1\n".utf8)
        let result = try Lunacm().run([], stdinBytes: bytes)
        #expect(result.status == 1)
        #expect(result.out.contains("not valid UTF-8"))
        #expect(result.out.contains("Current Slot Id: 1"))
    }
}
