import LunaSim

/// The `partition` family's grammar (reference 3.3). Verified short names: `par`, `changepo`,
/// `con`; `-policy`/`-p`, `-value`/`-v`, `-verbose`/`-v` on showpolicies, `-slot`/`-s`,
/// `-force`/`-f`; `-label`/`-l` and `-domain`/`-d` for init. The rest are [M].
extension PartitionCommands {
    static let family = FamilySpec(name: "partition", shortName: "par", summary: "Partition commands")

    static let force = OptionSpec("force", shortcuts: ["f"], .flag, help: "Do not ask 'proceed'")

    static let archiveOptions = [
        OptionSpec("smkOnly", shortcuts: ["smk"], .flag, help: "Back up or restore only the SMK (required by the simulator)"),
        OptionSpec("partition", shortcuts: ["par"], value: "backup_name", help: "Name of the backup on the simulated Backup HSM (default: <label>-smk)"),
    ]

    static let commands: [CommandSpec] = [
        CommandSpec(family: "partition", name: "showinfo", shortNames: ["si"], summary: "Show information about the current partition"),
        CommandSpec(family: "partition", name: "showpolicies", shortNames: ["sp"], summary: "Show the partition's capabilities and policies",
                    options: [OptionSpec("slot", shortcuts: ["s"], .integer, value: "slot_id", help: "Slot of the partition (default: the current slot)"),
                              OptionSpec("verbose", shortcuts: ["v"], .flag, help: "Say what each policy takes and whether a change is destructive")]),
        CommandSpec(family: "partition", name: "changepolicy", shortNames: ["changepo", "cp"], summary: "Change partition policies (as the Partition SO)",
                    options: [OptionSpec("policy", shortcuts: ["p"], required: true, value: "policy_id[,...]", help: "Policy number, or a comma-separated list"),
                              OptionSpec("value", shortcuts: ["v"], required: true, value: "value[,...]", help: "New value, or a comma-separated list"),
                              force],
                    mutates: true),
        CommandSpec(family: "partition", name: "contents", shortNames: ["con"], summary: "List the objects visible to the logged-in role"),
        CommandSpec(family: "partition", name: "init", shortNames: ["in"], summary: "Initialize the partition: label, Partition SO password, cloning domain",
                    options: [OptionSpec("label", shortcuts: ["l"], required: true, value: "label", help: "Partition label"),
                              OptionSpec("password", shortcuts: ["p"], .secret, value: "password", help: "New Partition SO password (prompted twice if absent)"),
                              OptionSpec("domain", shortcuts: ["d"], .secret, value: "domain", help: "Cloning domain (prompted twice if absent)"),
                              force],
                    mutates: true),
        CommandSpec(family: "partition", name: "clear", shortNames: ["cl"], summary: "Delete every object on the partition (as the Crypto Officer)",
                    options: [force], mutates: true),
        CommandSpec(family: "partition", name: "clone", shortNames: ["clo"], summary: "Clone objects to another partition in the same cloning domain",
                    options: [OptionSpec("objects", shortcuts: ["o"], required: true, value: "handles|0", help: "Object handles (comma-separated), or 0 for all"),
                              OptionSpec("slot", shortcuts: ["s"], .integer, required: true, value: "slot_id", help: "Target slot"),
                              OptionSpec("password", shortcuts: ["p"], .secret, value: "password", help: "Crypto Officer password of the target (prompted if absent)"),
                              force],
                    mutates: true),
        CommandSpec(family: "partition", name: "archive backup", summary: "Back up the current partition's SMK to the simulated Backup HSM",
                    options: archiveOptions, mutates: true),
        CommandSpec(family: "partition", name: "archive restore", summary: "Restore an SMK from the simulated Backup HSM to the current partition",
                    options: archiveOptions, mutates: true),
    ]
}
