import LunaSim

/// `simulator advanceClock -seconds N`: the simulated clock paces HA recovery and stamps the HA
/// log; nothing in lunacm-sim reads the wall clock.
struct AdvanceClock: WriteCommand {
    static let secondsOption = RangedOption("seconds", shortcuts: ["s"], range: FaultService.clockStepRange, required: true,
                                            value: "seconds", help: "Seconds to move the clock forward (1 to 31536000)")
    static let spec = CommandSpec(name: "advanceClock", shortNames: ["ac"], summary: "Move the simulated clock forward",
                                  options: [secondsOption], simulatorExtension: true)
    let seconds: Int
    init(_ options: ParsedOptions) { seconds = options[Self.secondsOption] ?? 0 }

    func run(_ context: WriteContext) throws(LunaError) {
        let now = try context.write { transaction throws(LunaError) in try FaultService.advanceClock(seconds: seconds, transaction) }
        context.write(RuntimeRenderer.clockAdvanced(seconds: seconds, now: now))
    }
}
