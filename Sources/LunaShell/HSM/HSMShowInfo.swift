import LunaSim

/// `hsm showinfo`: the HSM behind the current slot.
struct HSMShowInfo: ReadCommand {
    static let spec = CommandSpec(name: "showinfo", shortNames: ["si"], summary: "Show information about the HSM of the current slot")
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let partition = try context.currentPartition()
        let role = context.loggedIn(partition.serial)
        let info = try context.read { transaction throws(LunaError) in
            try HSMService.info(hosting: partition.serial, slot: partition.slot, loggedIn: role, transaction)
        }
        context.write(HSMRenderer.showinfo(info))
    }
}
