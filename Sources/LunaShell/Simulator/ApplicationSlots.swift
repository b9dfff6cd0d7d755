import LunaSim

/// `simulator applicationSlots`: the slots an application sees through the Luna PKCS#11
/// library, which LunaCM's `slot list` does not show (Thales, "HA Only").
struct ApplicationSlots: ReadCommand {
    static let spec = CommandSpec(name: "applicationSlots", shortNames: ["as"],
                                  summary: "List the slots an application sees through the PKCS#11 library", simulatorExtension: true)
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let (slots, haOnly) = try context.read { transaction throws(LunaError) in
            (try HARuntime.applicationSlots(transaction), try HASettingsService.settings(transaction).haOnly)
        }
        context.write(RuntimeRenderer.applicationSlots(slots, haOnly: haOnly))
    }
}
