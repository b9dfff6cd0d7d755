import LunaSim

/// `hsm changehsmpolicy -policy N[,N] -value V[,V] [-force]`, as the HSM SO; destructive changes
/// ask `proceed` first.
struct HSMChangePolicy: WriteCommand {
    static let spec = CommandSpec(name: "changehsmpolicy", shortNames: ["chp", "changepolicy"], summary: "Change HSM policies (as the HSM SO)",
                                  options: PolicyOptions.all)
    let request: PolicyOptions.Request
    init(_ options: ParsedOptions) { request = PolicyOptions.Request(options) }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.currentPartition()
        try context.require([.so], on: partition, to: "change HSM policies")
        let changes = try request.changes()
        let deleted = try context.checkAskApply(
            check: { transaction throws(LunaError) -> (HSM, PolicyService.Plan) in
                let hsm = try HSMService.hsm(hosting: partition.serial, transaction)
                return (hsm, try PolicyService.checkHSMChanges(changes, on: hsm.serial, transaction))
            },
            ask: { checked throws(LunaError) -> String in
                let (hsm, plan) = checked
                if !plan.destructive.isEmpty {
                    try context.confirmProceed(PolicyRenderer.destructiveWarning(plan.destructive, scope: "every partition of HSM \(hsm.serial)"), force: request.force)
                }
                return hsm.serial
            },
            apply: { transaction, serial throws(LunaError) in try PolicyService.changeHSMPolicies(changes, on: serial, transaction) })
        context.write(PolicyRenderer.changed(changes, kind: "HSM", deleted: deleted))
    }
}
