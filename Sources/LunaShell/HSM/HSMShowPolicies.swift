import LunaSim

/// `hsm showpolicies [-verbose]`: the HSM's capabilities and policies.
struct HSMShowPolicies: ReadCommand {
    static let verboseFlag = Flag("verbose", shortcuts: ["v"], help: "Say what each policy takes and whether a change is destructive")
    static let spec = CommandSpec(name: "showpolicies", shortNames: ["sp"], summary: "Show the HSM's capabilities and policies",
                                  options: [verboseFlag])
    let verbose: Bool
    init(_ options: ParsedOptions) { verbose = options[Self.verboseFlag] }

    func run(_ context: ReadContext) throws(LunaError) {
        let partition = try context.currentPartition()
        let (hsm, rows) = try context.read { transaction throws(LunaError) -> (HSM, [PolicyRenderer.Row]) in
            let hsm = try HSMService.hsm(hosting: partition.serial, transaction)
            return (hsm, PolicyCatalog.hsm.map {
                PolicyRenderer.Row(definition: $0, capability: PolicyCatalog.hsmCapability($0, of: hsm),
                                   value: PolicyCatalog.value($0, in: hsm.policies))
            })
        }
        context.write(PolicyRenderer.render(title: "HSM policies for HSM: \(hsm.serial)", section: "HSM", rows: rows, verbose: verbose))
    }
}
