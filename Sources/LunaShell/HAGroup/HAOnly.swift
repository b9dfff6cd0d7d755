import LunaSim

/// `hagroup HAOnly -enable | -disable | -show`: whether applications see only the HA virtual
/// slots (`HAConfiguration { HAOnly }`); LunaCM itself still lists the physical slots.
struct HAOnly: WriteCommand {
    enum Action: Sendable { case enable, disable, show }
    static let actionOption = OneOf<Action>(flags: [
        (Flag("enable", shortcuts: ["e"], help: "Enable HA Only mode"), .enable),
        (Flag("disable", shortcuts: ["d"], help: "Disable HA Only mode"), .disable),
        (Flag("show", shortcuts: ["s"], help: "Show the current setting"), .show),
    ])
    static let spec = CommandSpec(name: "HAOnly", shortNames: ["ho"], summary: "Show only HA virtual slots to applications",
                                  options: [actionOption])
    let action: Action
    init(_ options: ParsedOptions) { action = options[Self.actionOption] }

    func run(_ context: WriteContext) throws(LunaError) {
        if action == .show {
            let settings = try context.read { transaction throws(LunaError) in try HASettingsService.settings(transaction) }
            context.write(HASettingsRenderer.haOnlyShown(settings.haOnly))
            return
        }
        let enabled = action == .enable
        try context.write { transaction throws(LunaError) in try HASettingsService.setHAOnly(enabled, transaction) }
        context.write(HASettingsRenderer.haOnlySet(enabled))
    }
}
