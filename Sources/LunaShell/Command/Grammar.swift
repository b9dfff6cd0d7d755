/// The whole command language: every family and command lunacm-sim understands, built from the
/// families' lists. Nothing else in the shell knows a command name.
public struct Grammar: Sendable {
    /// A command as the dispatcher sees it: its spec (family filled in) and the type to build.
    public struct Entry: Sendable {
        public let spec: CommandSpec
        public let type: any LunaCommand.Type
    }

    public let families: [FamilySpec]
    public let entries: [Entry]
    /// The lists this grammar was built from, so a variant can add to them.
    public let familyLists: [CommandFamily]
    public var commands: [CommandSpec] { entries.map(\.spec) }

    public init(_ lists: [CommandFamily]) {
        familyLists = lists
        families = lists.compactMap(\.spec)
        entries = lists.flatMap { list in
            list.commands.map { type in
                Entry(spec: type.spec.registered(in: list.spec?.name, access: type.access), type: type)
            }
        }
    }

    public static let lunacm = Grammar([
        GeneralCommands.list, SlotCommands.list, HAGroupCommands.list, RoleCommands.list,
        PartitionCommands.list, HSMCommands.list, ClientConfigCommands.list, SimulatorCommands.list,
    ])

    public func family(_ word: String) -> FamilySpec? { families.first { $0.matches(word) } }

    public func topLevel(_ word: String) -> Entry? {
        entries.first { $0.spec.family == nil && $0.spec.matches(word) }
    }

    /// The command the words after a family name select, and how many words it took. A command
    /// may be named by two words (`partition archive backup`); the longest match wins.
    public func command(_ words: ArraySlice<String>, in family: FamilySpec) -> (Entry, Int)? {
        var best: (Entry, Int)?
        for entry in entries where entry.spec.family == family.name {
            let nameWords = entry.spec.nameWords
            guard words.count >= nameWords.count, nameWords.count > (best?.1 ?? 0) else { continue }
            let typed = words.prefix(nameWords.count)
            if nameWords.count == 1 ? entry.spec.matches(typed[typed.startIndex])
                : zip(nameWords, typed).allSatisfy({ $0 == $1.lowercased() }) {
                best = (entry, nameWords.count)
            }
        }
        return best
    }

    public func commands(in family: FamilySpec) -> [CommandSpec] {
        entries.filter { $0.spec.family == family.name }.map(\.spec)
    }
}
