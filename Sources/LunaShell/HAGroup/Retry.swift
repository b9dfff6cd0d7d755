import LunaSim

/// `hagroup retry -count N` (`ha rt -c 3`, verified): 0 turns auto-recovery off, -1 retries
/// without limit.
struct Retry: WriteCommand {
    static let countOption = RequiredOption<Int>("count", shortcuts: ["c"], value: "count", help: "Number of retries")
    static let spec = CommandSpec(name: "retry", shortNames: ["rt"], summary: "Set the auto-recovery retry count (0 disables, -1 unlimited)",
                                  options: [countOption])
    let count: Int
    init(_ options: ParsedOptions) { count = options[Self.countOption] }

    func run(_ context: WriteContext) throws(LunaError) {
        try context.write { transaction throws(LunaError) in try HASettingsService.setRetry(count, transaction) }
        context.write(HASettingsRenderer.retrySet(count))
    }
}
