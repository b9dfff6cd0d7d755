import LunaShell
import LunaShellTestSupport
import LunaSim
import Testing

/// Issue 13, colour and progress: statuses and errors carry a meaning a terminal may colour (the
/// plain text unchanged), and long cloning reports progress only to a console that shows it.
@Suite struct StyledOutputTests {
    @Test func aDownMemberAndAnErrorCarryTheirMeaning() throws {
        let conf = EmbeddedDefaults.chrystokiConf + """
            VirtualToken = {
               VirtualToken00Label = g;
               VirtualToken00SN = 1154438865287;
               VirtualToken00Members = 154438865287,1999999999999;
            }

            """
        let world = try TestWorld(conf: conf)
        let console = StyleRecordingConsole()
        let shell = try Shell(store: world.store, console: console)
        shell.run(line: "hagroup listGroups -password \"\"")
        #expect(console.styled.contains(.init("down", .bad)), "\(console.styled)")
        #expect(console.styled.contains(.init("alive", .good)), "\(console.styled)")
        #expect(console.plain.contains("par0     alive\n") && console.plain.contains("------------      down\n"), "\(console.plain)")
        shell.run(line: "slot set -slot 99")
        #expect(console.styled.contains { $0.meaning == .error && $0.text.hasPrefix("Command Result : 0x") })
        // The plain text is what every other console writes, unchanged.
        #expect(world.run("hagroup listGroups -password \"\"").contains("------  1999999999999                      ------------      down\n"))
    }

    static func fleetWithObjects(_ count: Int) -> String {
        FleetFixture.standard.with { fleet in
            fleet.primary.objects = (0..<count).map { .init(label: "k\($0)", class: "secretKey", keyType: "AES", size: 256) }
            fleet.member.objects = []
        }.json
    }

    @Test func longCloningReportsProgressToAConsoleThatShowsIt() throws {
        let world = try TestWorld(fleet: Self.fleetWithObjects(2500))
        let console = StyleRecordingConsole()
        let shell = try Shell(store: world.store, console: console)
        shell.run(line: "role login -name co -password userpin1")
        shell.run(line: "partition clone -objects 0 -slot 1 -password userpin1")
        #expect(console.progressLines == ["        Cloning objects: 1000 of 2500 (40%)", "        Cloning objects: 2000 of 2500 (80%)",
                                          "        Cloning objects: 2500 of 2500 (100%)", nil], "\(console.progressLines)")
        #expect(!console.plain.contains("Cloning objects"), "progress reached the reply text")
        // A console that does not show progress (tests, batch, transcripts) gets none of it.
        let plain = try TestWorld(fleet: Self.fleetWithObjects(2500))
        let out = plain.run("role login -name co -password userpin1", "partition clone -objects 0 -slot 1 -password userpin1")
        #expect(out.contains("Command Result : No Error") && !out.contains("Cloning objects") && !out.contains("\u{1B}"))
    }

    @Test func synchronizingManyObjectsReportsProgressAndFewDoNot() throws {
        for (count, expectLines) in [(1500, true), (3, false)] {
            let world = try TestWorld(fleet: Self.fleetWithObjects(count))
            let console = StyleRecordingConsole()
            let shell = try Shell(store: world.store, console: console)
            shell.run(line: "hagroup createGroup -label g -slot 0 -password userpin1")
            shell.run(line: "hagroup addMember -group g -slot 1 -password userpin1")
            shell.run(line: "hagroup synchronize -group g -password userpin1")
            #expect(console.plain.contains("\(count) object(s) cloned to 1 member(s)"), "\(console.plain)")
            if expectLines {
                #expect(console.progressLines == ["        Cloning objects: \(count) of \(count) (100%)", nil], "\(console.progressLines)")
            } else {
                #expect(console.progressLines.isEmpty, "\(console.progressLines)")
            }
        }
    }
}

/// A console that keeps what a terminal console would colour and the progress lines it is given.
final class StyleRecordingConsole: Console {
    var plain = ""
    var styled: [StyledText.Part] = []
    var progressLines: [String?] = []
    let isTerminal = false

    func write(_ text: String) { plain += text }
    func write(_ text: StyledText) {
        plain += text.plain
        styled += text.parts
    }
    func progress(_ line: String?) { progressLines.append(line) }
    /// Keeps the primary's objects when createGroup asks copy/remove/quit.
    func ask(_ prompt: String, secret: Bool) -> ConsoleAnswer { secret ? .endOfInput : .line("copy") }
}

extension StyledText.Part {
    init(_ text: String, _ meaning: StyledText.Meaning) { self = StyledText(text, meaning).parts[0] }
}
