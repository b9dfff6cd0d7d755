/// Every command's handler by command id. Families register in their own folders.
enum Handlers {
    static let all: [String: CommandHandler] = GeneralCommands.handlers
        .merging(SlotCommands.handlers, uniquingKeysWith: { first, _ in first })
}
