import LunaSim

/// `hsm zeroize [-force]`, as the HSM SO: after `proceed`, the HSM loses its SO, cloning domain
/// and every partition's objects and roles, as three bad HSM SO logins do (docs/hsm-showinfo.md); it is
/// brought back with `hsm init`.
struct HSMZeroize: WriteCommand {
    static let forceFlag = Flag("force", shortcuts: ["f"], help: "Do not ask 'proceed'")
    static let spec = CommandSpec(name: "zeroize", shortNames: ["ze"], summary: "Zeroize the HSM of the current slot (as the HSM SO)",
                                  options: [forceFlag])
    let force: Bool
    init(_ options: ParsedOptions) { force = options[Self.forceFlag] }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.currentPartition()
        try context.require([.so], on: partition, to: "zeroize the HSM")
        let hsm = try context.read { transaction throws(LunaError) in try HSMService.hsm(hosting: partition.serial, transaction) }
        try context.confirmProceed(HSMRenderer.zeroizeWarning(hsm), force: force)
        try context.write { transaction throws(LunaError) in try HSMService.zeroize(hsm.serial, transaction) }
        try context.endLogins(onHSM: hsm.serial)
        context.write(HSMRenderer.zeroized(hsm))
    }
}
