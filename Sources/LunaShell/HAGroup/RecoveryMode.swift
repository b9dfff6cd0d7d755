import LunaSim

/// `hagroup recoveryMode -mode activeBasic|activeEnhanced` (`VirtualTokenActiveRecovery`).
struct RecoveryMode: WriteCommand {
    enum Mode: String, ChoiceValue { case activeBasic, activeEnhanced }
    static let modeOption = RequiredOption<Mode>("mode", shortcuts: ["m"], value: "activeBasic|activeEnhanced", help: "Recovery mode")
    static let spec = CommandSpec(name: "recoveryMode", shortNames: ["rcm"], summary: "Set the HA recovery mode",
                                  options: [modeOption])
    let mode: Mode
    init(_ options: ParsedOptions) { mode = options[Self.modeOption] }

    func run(_ context: WriteContext) throws(LunaError) {
        try context.write { transaction throws(LunaError) in try HASettingsService.setRecoveryMode(mode.rawValue, transaction) }
        context.write(HASettingsRenderer.recoveryModeSet(mode.rawValue))
    }
}
