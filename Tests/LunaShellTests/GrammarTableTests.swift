import LunaShell
import Testing

@Suite struct GrammarTableTests {
    let grammar = Grammar.lunacm

    @Test func noTwoCommandsInAFamilyShareANameOrShortName() {
        var seen: [String: String] = [:]
        for command in grammar.commands {
            for word in [command.name] + command.shortNames {
                let key = "\(command.family ?? "")/\(word.lowercased())"
                #expect(seen[key] == nil, "\(key) is used by \(seen[key] ?? "") and \(command.id)")
                seen[key] = command.id
            }
        }
    }

    @Test func noTwoOptionsOfACommandShareANameOrShortcut() {
        for command in grammar.commands {
            var seen: Set<String> = []
            for option in command.options {
                for word in [option.name] + option.shortcuts {
                    #expect(seen.insert(word.lowercased()).inserted, "\(command.id): -\(word) is ambiguous")
                }
            }
        }
    }

    @Test func helpListsEveryFamilyAndTopLevelCommand() {
        let text = HelpRenderer.render(.all, grammar: grammar)
        for family in grammar.families { #expect(text.contains(family.name)) }
        for command in grammar.commands where command.family == nil { #expect(text.contains(command.name)) }
    }

    @Test func familyHelpListsEveryCommandOfTheFamily() {
        for family in grammar.families {
            let text = HelpRenderer.render(.family(family), grammar: grammar)
            for command in grammar.commands(in: family) { #expect(text.contains(command.name)) }
        }
    }

    @Test func commandHelpShowsSyntaxAndEachOption() {
        for command in grammar.commands {
            let text = HelpRenderer.render(.command(command), grammar: grammar, width: 1000)
            #expect(text.contains("Syntax: \(command.syntax)"))
            for option in command.options { #expect(text.contains("-\(option.name)")) }
        }
    }
}
