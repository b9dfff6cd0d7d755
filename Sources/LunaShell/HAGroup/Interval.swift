import LunaSim

/// `hagroup interval -interval S`: seconds between recovery attempts.
struct Interval: WriteCommand {
    static let secondsOption = RequiredOption<Int>("interval", shortcuts: ["i"], value: "seconds",
                                                   help: "Seconds between recovery attempts (60 to 1200)")
    static let spec = CommandSpec(name: "interval", shortNames: ["int"], summary: "Set the auto-recovery interval",
                                  options: [secondsOption])
    let seconds: Int
    init(_ options: ParsedOptions) { seconds = options[Self.secondsOption] }

    func run(_ context: WriteContext) throws(LunaError) {
        try context.write { transaction throws(LunaError) in try HASettingsService.setInterval(seconds, transaction) }
        context.write(HASettingsRenderer.intervalSet(seconds))
    }
}
