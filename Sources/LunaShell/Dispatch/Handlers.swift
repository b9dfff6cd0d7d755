/// Every command's handler by command id. Families register in their own folders.
enum Handlers {
    static let all: [String: CommandHandler] = [
        GeneralCommands.handlers, SlotCommands.handlers, HAGroupCommands.handlers, RoleCommands.handlers,
        PartitionCommands.handlers, HSMCommands.handlers, SimulatorCommands.handlers,
    ].reduce(into: [:]) { all, family in all.merge(family) { first, _ in first } }
}
