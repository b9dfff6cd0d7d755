import LunaSim

/// `role setdomain [-domain D]`: the PO sets the cloning domain of a partition initialized
/// without one.
struct RoleSetDomain: WriteCommand {
    static let domainOption = Option<Secret>("domain", shortcuts: ["d"], value: "domain", help: "The cloning domain (prompted twice if absent)")
    static let spec = CommandSpec(name: "setdomain", shortNames: ["sd"], summary: "Set the cloning domain of a partition initialized without one",
                                  options: [domainOption])
    let domain: Secret?
    init(_ options: ParsedOptions) { domain = options[Self.domainOption] }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.currentPartition()
        try context.require([.po], on: partition, to: "set the cloning domain")
        let value = try context.newSecret(domain, prompt: RoleRenderer.domainPrompt, again: RoleRenderer.domainAgainPrompt)
        try context.write { transaction throws(LunaError) in try RoleService.setDomain(value, on: partition.serial, transaction) }
        context.write(RoleRenderer.done)
    }
}
