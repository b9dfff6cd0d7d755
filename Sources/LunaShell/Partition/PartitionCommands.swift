/// The `partition` family (docs/lunacm-behaviour.md, "partition"), on the current physical slot.
/// Verified short names: `par`, `changepo`, `con`; `-policy`/`-p`, `-value`/`-v`, `-verbose`/`-v`,
/// `-slot`/`-s`, `-force`/`-f`, `-label`/`-l`, `-domain`/`-d`. The rest are modelled.
enum PartitionCommands {
    static let family = FamilySpec(name: "partition", shortName: "par", summary: "Partition commands")
    static let list = CommandFamily(family, [
        PartitionShowInfo.self, PartitionShowPolicies.self, PartitionChangePolicy.self, PartitionContents.self,
        PartitionInit.self, PartitionClear.self, PartitionClone.self, PartitionArchiveBackup.self, PartitionArchiveRestore.self,
        PartitionArchiveList.self, PartitionArchiveContents.self, PartitionArchiveDelete.self,
    ])

    static let force = Flag("force", shortcuts: ["f"], help: "Do not ask 'proceed'")
}
