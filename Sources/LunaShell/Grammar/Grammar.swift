/// The whole command language: every family and command LunaCM-sim understands. Each family
/// contributes its commands from its own folder; nothing else in the shell knows a command name.
public struct Grammar: Sendable {
    public let families: [FamilySpec]
    public let commands: [CommandSpec]

    public init(families: [FamilySpec], commands: [CommandSpec]) {
        self.families = families
        self.commands = commands
    }

    public static let lunacm = Grammar(
        families: [SlotCommands.family, HAGroupCommands.family, RoleCommands.family, PartitionCommands.family,
                   HSMCommands.family, SimulatorCommands.family],
        commands: GeneralCommands.commands + SlotCommands.commands + HAGroupCommands.commands
            + RoleCommands.commands + PartitionCommands.commands + HSMCommands.commands
            + SimulatorCommands.commands)

    public func family(_ word: String) -> FamilySpec? { families.first { $0.matches(word) } }

    public func topLevel(_ word: String) -> CommandSpec? {
        commands.first { $0.family == nil && $0.matches(word) }
    }

    public func command(_ word: String, in family: FamilySpec) -> CommandSpec? {
        commands.first { $0.family == family.name && $0.matches(word) }
    }

    /// The command the words after a family name select, and how many words it took. A command
    /// may be named by two words (`partition archive backup`); the longest match wins.
    public func command(_ words: ArraySlice<String>, in family: FamilySpec) -> (CommandSpec, Int)? {
        var best: (CommandSpec, Int)?
        for command in commands where command.family == family.name {
            let nameWords = command.nameWords
            guard words.count >= nameWords.count, nameWords.count > (best?.1 ?? 0) else { continue }
            let typed = words.prefix(nameWords.count)
            if nameWords.count == 1 ? command.matches(typed[typed.startIndex])
                : zip(nameWords, typed).allSatisfy({ $0 == $1.lowercased() }) {
                best = (command, nameWords.count)
            }
        }
        return best
    }

    public func commands(in family: FamilySpec) -> [CommandSpec] {
        commands.filter { $0.family == family.name }
    }
}
