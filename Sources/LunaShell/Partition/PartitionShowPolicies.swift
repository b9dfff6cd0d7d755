import LunaSim

/// `partition showpolicies [-slot N] [-verbose] [-exporttemplate FILE]`: capabilities and
/// policies of a partition; `-exporttemplate`/`-et` (the Thales page "partition showpolicies")
/// also writes them as a policy template (docs/policy-templates.md) that `partition init
/// -applytemplate` takes.
struct PartitionShowPolicies: ReadCommand {
    static let slotOption = Option<Int>("slot", shortcuts: ["s"], value: "slot_id", help: "Slot of the partition (default: the current slot)")
    static let verboseFlag = Flag("verbose", shortcuts: ["v"], help: "Say what each policy takes and whether a change is destructive")
    static let exportOption = Option<String>("exporttemplate", shortcuts: ["et"], value: "file", help: "Also write the partition policies to a policy template file")
    static let spec = CommandSpec(name: "showpolicies", shortNames: ["sp"], summary: "Show the partition's capabilities and policies",
                                  options: [slotOption, verboseFlag, exportOption])
    let slot: Int?
    let verbose: Bool
    let export: String?
    init(_ options: ParsedOptions) {
        slot = options[Self.slotOption]
        verbose = options[Self.verboseFlag]
        export = options[Self.exportOption]
    }

    func run(_ context: ReadContext) throws(LunaError) {
        var partition = try context.currentPartition()
        var template = ""
        let rows = try context.read { transaction throws(LunaError) -> [PolicyRenderer.Row] in
            if let slot {
                guard let other = transaction.fleet.partition(slot: slot) else {
                    if try SlotService.virtualSlots(transaction).contains(where: { $0.slot == slot }) {
                        throw LunaError(.functionNotSupported, "Slot \(slot) is an HA virtual slot; name a member's physical slot.")
                    }
                    throw LunaError.slotInvalid(slot)
                }
                partition = other
            }
            let hsm = try HSMService.hsm(hosting: partition.serial, transaction)
            template = PolicyTemplate.text(for: partition, hsm: hsm)
            return PolicyCatalog.partition.map {
                PolicyRenderer.Row(definition: $0, capability: PolicyCatalog.partitionCapability($0, on: hsm),
                                   value: PolicyCatalog.value($0, in: partition.policies))
            }
        }
        // The file first: a template that cannot be written fails the command before any output.
        if let export { try context.files.write(template, to: export) }
        context.write(PolicyRenderer.render(title: "Partition policies for Partition: \(partition.label)", section: "Partition",
                                            rows: rows, verbose: verbose))
        if let export {
            context.write(PolicyRenderer.templateExported(rows.filter { !$0.definition.capabilityOnly }.count, file: export))
        }
    }
}
