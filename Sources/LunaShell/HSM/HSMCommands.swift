/// The `hsm` family (docs/lunacm-behaviour.md, "hsm"), on the HSM that hosts the current slot's
/// partition: the simulator lists no admin slot for network HSMs, so `hsm` acts on the selected
/// partition's HSM and `role login -name so` on that slot logs in its HSM SO.
enum HSMCommands {
    static let family = FamilySpec(name: "hsm", shortName: "hsm", summary: "HSM commands")
    static let list = CommandFamily(family, [HSMShowInfo.self, HSMShowPolicies.self, HSMChangePolicy.self, HSMInit.self, HSMZeroize.self])
}
