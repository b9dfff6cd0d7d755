import LunaSim

/// `simulator showFaults`: HSMs down, links down and the simulated clock.
struct ShowFaults: ReadCommand {
    static let spec = CommandSpec(name: "showFaults", shortNames: ["sf"], summary: "Show the injected faults and the simulated clock",
                                  simulatorExtension: true)
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let (faults, clock) = try context.read { transaction throws(LunaError) in try FaultService.show(transaction) }
        context.write(RuntimeRenderer.faults(faults, clock: clock))
    }
}
