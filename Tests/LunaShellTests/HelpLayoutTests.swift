import LunaShell
import LunaShellTestSupport
import LunaSim
import Testing

/// Issue 13, help: it wraps on word boundaries, one-of groups show as LunaCM shows them, unknown
/// names get a "did you mean".
@Suite struct HelpLayoutTests {
    let grammar = Grammar.lunacm

    func words(_ text: String) -> [String] { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) }

    @Test(arguments: [80, 60, 40])
    func everyHelpTextWrapsOnWordBoundaries(_ width: Int) {
        var topics: [HelpTopic] = [.all]
        topics += grammar.families.map { .family($0) }
        topics += grammar.commands.map { .command($0) }
        for topic in topics {
            let wrapped = HelpRenderer.render(topic, grammar: grammar, width: width)
            let unwrapped = HelpRenderer.render(topic, grammar: grammar, width: 10_000)
            #expect(words(wrapped) == words(unwrapped), "a word was cut or lost at \(width) columns: \(wrapped)")
            if width == 80 {
                for line in wrapped.split(separator: "\n") {
                    #expect(line.count <= 80, "line over 80 columns: '\(line)'")
                }
            }
        }
    }

    @Test func aNarrowHelpKeepsTheDescriptionColumn() {
        let text = HelpRenderer.render(.family(grammar.family("hagroup")!), grammar: grammar, width: 50)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let continuation = lines.filter { $0.hasPrefix("                          ") && !$0.trimmingPrefixSpaces.isEmpty }
        #expect(!continuation.isEmpty, "nothing wrapped at 50 columns: \(text)")
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(text)")
    }

    @Test func oneOfGroupsShowAsLunaCMShowsThem() {
        let createGroup = grammar.commands.first { $0.id == "hagroup.createGroup" }!
        #expect(createGroup.syntax == "hagroup createGroup -label <label> {-slot <slot_id> | -serialNumber <serial_number>} [-password <password>]")
        let haOnly = grammar.commands.first { $0.id == "hagroup.HAOnly" }!
        #expect(haOnly.syntax.contains("{-enable | -disable | -show}"), "\(haOnly.syntax)")
        let synchronize = grammar.commands.first { $0.id == "hagroup.synchronize" }!
        #expect(synchronize.syntax.hasSuffix("[-enable | -disable]"), "\(synchronize.syntax)")
        let text = HelpRenderer.render(.command(createGroup), grammar: grammar, width: 80)
        #expect(text.contains("Syntax: hagroup createGroup -label <label>\n        {-slot <slot_id> | -serialNumber <serial_number>} [-password <password>]\n"), "\(text)")
    }

    @Test func unknownNamesSuggestTheNearest() throws {
        let world = try TestWorld()
        let before = world.confText
        #expect(world.run("hagroup listGroup").contains("Unknown command: hagroup listGroup. Did you mean 'hagroup listGroups'?"))
        #expect(world.run("hgroup listGroups").contains("Unknown command: hgroup. Did you mean 'hagroup'?"))
        #expect(world.run("hagroup createGroup -lable g -slot 0").contains("Unknown option '-lable' for 'hagroup createGroup'. Did you mean '-label'?"))
        #expect(world.run("help hagroup adMember").contains("Did you mean 'hagroup addMember'?"))
        let far = world.run("frobnicate")
        #expect(far.contains("Unknown command: frobnicate. Type 'help'") && !far.contains("Did you mean"))
        #expect(world.confText == before, "a refused line changed the conf")
    }

    @Test func suggestionsIgnoreCaseAndPreferPrefixes() {
        #expect(NameSuggestions.nearest("LISTGROUP", among: ["listGroups", "addMember"]) == ["listGroups"])
        #expect(NameSuggestions.nearest("adMember", among: ["addMember", "addStandby", "removeMember"]) == ["addMember"])
        #expect(NameSuggestions.nearest("xyz", among: ["addMember", "slot"]).isEmpty)
        #expect(NameSuggestions.nearest("slto", among: ["slot", "partition"]) == ["slot"])
        #expect(NameSuggestions.nearest(String(repeating: "a", count: 100_000), among: ["a"]).isEmpty, "a huge word is not scanned")
    }
}

extension Substring {
    var trimmingPrefixSpaces: Substring { drop { $0 == " " } }
}
