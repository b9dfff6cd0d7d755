import LunaSim

/// `partition changepolicy -policy N[,N] -value V[,V] [-force]`, as the Partition SO: every change
/// is checked before any is made, and destructive ones ask `proceed` first.
struct PartitionChangePolicy: WriteCommand {
    static let spec = CommandSpec(name: "changepolicy", shortNames: ["changepo", "cp"], summary: "Change partition policies (as the Partition SO)",
                                  options: PolicyOptions.all)
    let request: PolicyOptions.Request
    init(_ options: ParsedOptions) { request = PolicyOptions.Request(options) }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.currentPartition()
        try context.require([.po], on: partition, to: "change partition policies")
        let changes = try request.changes()
        let deleted = try context.checkAskApply(
            check: { transaction throws(LunaError) in try PolicyService.checkPartitionChanges(changes, on: partition.serial, transaction) },
            ask: { plan throws(LunaError) in
                if !plan.destructive.isEmpty {
                    try context.confirmProceed(PolicyRenderer.destructiveWarning(plan.destructive, scope: "partition \(partition.label)"), force: request.force)
                }
            },
            apply: { transaction, _ throws(LunaError) in try PolicyService.changePartitionPolicies(changes, on: partition.serial, transaction) })
        context.write(PolicyRenderer.changed(changes, kind: "Partition", deleted: deleted))
    }
}
