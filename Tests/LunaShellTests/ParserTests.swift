@testable import LunaShell
import LunaSim
import Testing

@Suite struct ParserTests {
    let parser = Parser()

    func command(_ line: String) throws -> ParsedCommand {
        guard case .command(let command) = try parser.parse(try Tokenizer.tokenize(line)) else {
            Issue.record("expected a command for \(line)")
            throw LunaError.badArguments("not a command")
        }
        return command
    }

    func error(_ line: String) -> LunaError? {
        do {
            _ = try parser.parse(try Tokenizer.tokenize(line))
            return nil
        } catch {
            return error
        }
    }

    @Test func commandAndOptionNamesAreCaseInsensitive() throws {
        let parsed = try command("SLOT Set -SLOT 1")
        #expect(parsed.spec.id == "slot.set")
        #expect((try parsed.make() as? SlotSet)?.slot == 1)
    }

    @Test func listedShortNamesAndShortcutsWork() throws {
        #expect(try command("sl s -s 1").spec.id == "slot.set")
        #expect(try command("slot l").spec.id == "slot.list")
    }

    @Test func prefixesThatAreNotListedShortNamesAreRefused() {
        // Reference 1.4: only the exact short name listed in the syntax help, no prefix matching.
        #expect(error("slot lis")?.code == .argumentsBad)
        #expect(error("slo list")?.code == .argumentsBad)
        #expect(error("slot set -sl 1")?.code == .argumentsBad)
    }

    @Test func unknownCommandNamesTheWord() {
        let failure = error("bogus command")
        #expect(failure?.code == .argumentsBad)
        #expect(failure?.reason.contains("bogus") == true)
    }

    @Test func unknownOptionMissingValueBadNumberAndRepeatsAreRefused() {
        #expect(error("slot set -slot 1 -colour red")?.reason.contains("Unknown option '-colour'") == true)
        #expect(error("slot set -slot")?.reason.contains("needs a value") == true)
        #expect(error("slot set -slot one")?.reason.contains("not a valid number") == true)
        #expect(error("slot set -slot 99999999999999999999999")?.reason.contains("not a valid number") == true)
        #expect(error("slot set -slot 1 -s 2")?.reason.contains("more than once") == true)
        #expect(error("slot set")?.reason.contains("Missing required option -slot") == true)
        #expect(error("slot set 1")?.reason.contains("Unexpected argument") == true)
    }

    @Test func negativeNumbersAreValuesNotOptions() throws {
        #expect((try command("slot set -slot -1").make() as? SlotSet)?.slot == -1)
    }

    @Test func questionMarkAndHelpGiveHelpTopics() throws {
        guard case .help(.all) = try parser.parse(["?"]) else { Issue.record("? is help"); return }
        guard case .help(.family(let family)) = try parser.parse(["slot"]) else { Issue.record("slot alone"); return }
        #expect(family.name == "slot")
        guard case .help(.command(let spec)) = try parser.parse(["slot", "set", "?"]) else { Issue.record("slot set ?"); return }
        #expect(spec.id == "slot.set")
        guard case .help(.command(let same)) = try parser.parse(["help", "slot", "set"]) else { Issue.record("help slot set"); return }
        #expect(same.id == "slot.set")
    }
}
