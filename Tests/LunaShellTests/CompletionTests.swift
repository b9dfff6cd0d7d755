import LunaShell
import LunaSim
import Testing

/// Tab completion (issue 13, "Tab completion through libedit"): what the completer offers for a
/// line, from the grammar and a snapshot of the state. The pseudo-terminal side is in
/// LunacmTests (TerminalCompletionTests).
@Suite struct CompletionTests {
    let completer = Completer()
    let values = CompletionValues(slots: [0, 1, 5], partitionSlots: [0, 1], partitionSerials: ["154438865287", "1238700701509"],
                                  groupLabels: ["myHAgroup", "other"], groupNumbers: ["11154438865287"])

    func complete(_ line: String) -> Completion { completer.complete(line, values: values) }

    @Test func aFamilyPrefixCompletesToTheFamilyAndASpace() {
        #expect(complete("ha").candidates == ["hagroup"])
        #expect(complete("ha").replacement == "hagroup ")
        #expect(complete("HAg").replacement == "hagroup ")
        #expect(complete("  sl").replacement == "slot ")
    }

    @Test func anEmptyLineOffersEveryFamilyAndTopLevelCommand() {
        let offered = Set(complete("").candidates)
        for family in Grammar.lunacm.families { #expect(offered.contains(family.name)) }
        #expect(offered.isSuperset(of: ["help", "exit", "quit", "clear"]))
        #expect(complete("").replacement == nil)
    }

    @Test func ambiguousCommandsShareTheirStartThenNeedAListing() {
        let add = complete("hagroup add")
        #expect(Set(add.candidates) == ["addMember", "addStandby"])
        #expect(add.replacement == nil, "nothing to add: the second Tab lists")
        let a = complete("hagroup a")
        #expect(a.replacement == "add")
        #expect(complete("ha cre").replacement == "createGroup ")
    }

    @Test func aShortNameCompletesWhenNoFullNameMatches() {
        #expect(complete("hagroup lg").candidates == ["lg"])
        #expect(complete("hagroup listg").candidates == ["listGroups"])
    }

    @Test func twoWordCommandsCompleteTheirSecondWord() {
        let partition = Grammar.lunacm.family("partition")!
        let twoWord = Grammar.lunacm.commands(in: partition).filter { $0.name.contains(" ") }
        #expect(!twoWord.isEmpty)
        for spec in twoWord {
            let words = spec.name.split(separator: " ").map(String.init)
            #expect(complete("partition \(words[0]) ").candidates.contains(words[1]), "\(spec.name)")
        }
    }

    @Test func optionNamesCompleteAfterTheCommandAndAfterItsShortNames() {
        #expect(complete("hagroup createGroup -la").replacement == "-label ")
        #expect(Set(complete("hagroup createGroup ").candidates) == ["-label", "-slot", "-serialNumber", "-password"])
        #expect(complete("ha cg -l g -s").candidates.sorted() == ["-serialNumber", "-slot"])
        // A one-of group is spent once one of it is given (here by a shortcut).
        #expect(Set(complete("ha am -g myHAgroup -sl 1 ").candidates) == ["-password"])
        #expect(complete("hagroup addMember -g x -").candidates.sorted() == ["-password", "-serialNumber", "-slot"])
    }

    @Test func aValueIsNotAnOptionName() {
        #expect(complete("hagroup createGroup -label ").candidates.isEmpty, "a new label cannot be listed")
        #expect(complete("hagroup createGroup foo").candidates.isEmpty)
    }

    @Test func valuesComeFromTheState() {
        #expect(Set(complete("hagroup addMember -group ").candidates) == ["myHAgroup", "other", "11154438865287"])
        #expect(complete("hagroup addMember -group my").replacement == "myHAgroup ")
        #expect(complete("hagroup addMember -group MY").replacement == "myHAgroup ")
        #expect(complete("slot set -slot ").candidates == ["0", "1", "5"])
        #expect(complete("hagroup addMember -group g -slot ").candidates == ["0", "1"], "members are partitions, not virtual slots")
        #expect(complete("ha am -g g -se 12").replacement == "1238700701509 ")
    }

    @Test func aLabelWithABlankIsOfferedQuoted() throws {
        var spaced = values
        spaced.groupLabels = ["my group"]
        spaced.groupNumbers = []
        let completion = completer.complete("hagroup listGroups -group my", values: spaced)
        #expect(completion.replacement == "\"my group\" ")
        #expect(try Tokenizer.tokenize("hagroup listGroups -group " + completion.replacement!) == ["hagroup", "listGroups", "-group", "my group"])
    }

    @Test func choicesAndPoliciesComplete() {
        #expect(Set(complete("hagroup recoveryMode -mode ").candidates) == ["activeBasic", "activeEnhanced"])
        #expect(complete("hagroup recoveryMode -mode activeE").replacement == "activeEnhanced ")
        // Role names of one word: a name with a space would need quotes to be typed.
        #expect(Set(complete("role login -name ").candidates) == ["co", "cu", "so", "po", "au", "lco", "Auditor"])
        #expect(complete("role login -name \"Crypto").candidates.isEmpty)
        let policies = complete("partition changePolicy -policy ").candidates
        #expect(policies == PolicyCatalog.partition.map { String($0.number) })
        #expect(complete("hsm changePolicy -policy ").candidates == PolicyCatalog.hsm.map { String($0.number) })
        #expect(Set(complete("hagroup haOnly -").candidates).isSuperset(of: ["-enable", "-disable", "-show"]))
    }

    @Test func aSecretIsNeverCompleted() {
        for line in ["role login -name co -password ", "role login -name co -password us",
                     "hagroup createGroup -label g -slot 0 -password ", "hagroup addMember -group myHAgroup -password my"] {
            #expect(complete(line).candidates.isEmpty, "\(line)")
            #expect(complete(line).replacement == nil)
        }
    }

    @Test func helpTopicsComplete() {
        #expect(complete("help hag").replacement == "hagroup ")
        #expect(complete("help hagroup listg").replacement == "listGroups ")
    }

    @Test func anOpenQuoteOrAnUnknownWordOffersNothing() {
        #expect(complete("hagroup createGroup -label \"my gr").candidates.isEmpty)
        #expect(complete("nosuch ").candidates.isEmpty)
        #expect(complete("hagroup nosuch -").candidates.isEmpty)
    }

    @Test func theListingIsSortedInColumnsThatFitTheWidth() {
        let listing = CompletionListRenderer.render(["addStandby", "addMember"], width: 80)
        #expect(listing == "addMember   addStandby\n")
        let narrow = CompletionListRenderer.render(["ccc", "a", "bb"], width: 6)
        #expect(narrow == "a\nbb\nccc\n")
    }

    @Test func theLiveValuesAreReadFromTheStore() throws {
        let world = try TestWorld(answers: ["userpin1"])
        let before = try world.store.read { transaction throws(LunaError) in try CompletionValues.read(transaction) }
        #expect(before.groupLabels.isEmpty)
        #expect(before.partitionSlots == [0, 1])
        _ = world.run("hagroup createGroup -label fresh -slot 0")
        let after = try world.store.read { transaction throws(LunaError) in try CompletionValues.read(transaction) }
        #expect(after.groupLabels == ["fresh"])
        #expect(after.slots.count == 3, "the new group's virtual slot: \(after.slots)")
        #expect(completer.complete("hagroup addMember -group fr", values: after).replacement == "fresh ")
    }
}
