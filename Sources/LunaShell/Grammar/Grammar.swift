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
        families: [SlotCommands.family, HAGroupCommands.family, RoleCommands.family],
        commands: GeneralCommands.commands + SlotCommands.commands + HAGroupCommands.commands
            + RoleCommands.commands)

    public func family(_ word: String) -> FamilySpec? { families.first { $0.matches(word) } }

    public func topLevel(_ word: String) -> CommandSpec? {
        commands.first { $0.family == nil && $0.matches(word) }
    }

    public func command(_ word: String, in family: FamilySpec) -> CommandSpec? {
        commands.first { $0.family == family.name && $0.matches(word) }
    }

    public func commands(in family: FamilySpec) -> [CommandSpec] {
        commands.filter { $0.family == family.name }
    }
}
