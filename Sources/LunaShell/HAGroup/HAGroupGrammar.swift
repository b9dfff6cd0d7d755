/// The `hagroup` family's grammar (reference section 2). Verified shortcuts: `ha`, `rt`, `-l`,
/// `-se`, `-sl`, `-g`, `-p`, `-c`, and `-serial` from an early deployment script; the other short
/// names are [M] choices in LunaCM's style, listed by `hagroup ?`.
extension HAGroupCommands {
    static let family = FamilySpec(name: "hagroup", shortName: "ha", summary: "High Availability commands")

    static let slot = OptionSpec("slot", shortcuts: ["sl"], .integer, value: "slot_id", help: "Slot of the member partition")
    static let serialNumber = OptionSpec("serialNumber", shortcuts: ["se", "serial"], value: "serial_number",
                                         help: "Serial number of the member partition")
    static let group = OptionSpec("group", shortcuts: ["g"], required: true, value: "group",
                                  help: "Label or HA group number of the group")
    static let password = OptionSpec("password", shortcuts: ["p"], .secret, value: "password",
                                     help: "Crypto Officer password or challenge secret (prompted if absent)")
    static let member: [[String]] = [["slot", "serialNumber"]]

    static let commands: [CommandSpec] = [
        CommandSpec(family: "hagroup", name: "createGroup", shortNames: ["cg"], summary: "Create an HA group",
                    options: [OptionSpec("label", shortcuts: ["l"], required: true, value: "label", help: "Label of the new group"),
                              slot, serialNumber, password],
                    exactlyOneOf: member, mutates: true),
        CommandSpec(family: "hagroup", name: "addMember", shortNames: ["am"], summary: "Add a member to an HA group",
                    options: [group, slot, serialNumber, password], exactlyOneOf: member, mutates: true),
        CommandSpec(family: "hagroup", name: "removeMember", shortNames: ["rmm"], summary: "Remove a member from an HA group",
                    options: [group, slot, serialNumber], exactlyOneOf: member, mutates: true),
        CommandSpec(family: "hagroup", name: "deleteGroup", shortNames: ["dg"], summary: "Delete an HA group",
                    options: [OptionSpec("label", shortcuts: ["l"], required: true, value: "label", help: "Label or HA group number of the group")],
                    mutates: true),
        CommandSpec(family: "hagroup", name: "listGroups", shortNames: ["lg"], summary: "List the HA groups",
                    options: [OptionSpec("group", shortcuts: ["g"], value: "group", help: "Show only this group (label or number)"), password]),
        CommandSpec(family: "hagroup", name: "synchronize", shortNames: ["sync"],
                    summary: "Synchronize the members, or enable/disable automatic synchronization",
                    options: [group, password,
                              OptionSpec("enable", shortcuts: ["e"], .flag, help: "Enable automatic synchronization"),
                              OptionSpec("disable", shortcuts: ["d"], .flag, help: "Disable automatic synchronization")],
                    mutates: true),
        CommandSpec(family: "hagroup", name: "addStandby", shortNames: ["as"], summary: "Make a member a standby member",
                    options: [group, slot, serialNumber], exactlyOneOf: member, mutates: true),
        CommandSpec(family: "hagroup", name: "removeStandby", shortNames: ["rs"], summary: "Make a standby member active again",
                    options: [group, slot, serialNumber], exactlyOneOf: member, mutates: true),
        CommandSpec(family: "hagroup", name: "recover", shortNames: ["rcv"], summary: "Recover the failed members of a group",
                    options: [group]),
        CommandSpec(family: "hagroup", name: "retry", shortNames: ["rt"], summary: "Set the auto-recovery retry count (0 disables, -1 unlimited)",
                    options: [OptionSpec("count", shortcuts: ["c"], .integer, required: true, value: "count", help: "Number of retries")],
                    mutates: true),
        CommandSpec(family: "hagroup", name: "interval", shortNames: ["int"], summary: "Set the auto-recovery interval",
                    options: [OptionSpec("interval", shortcuts: ["i"], .integer, required: true, value: "seconds", help: "Seconds between recovery attempts (60 to 1200)")],
                    mutates: true),
        CommandSpec(family: "hagroup", name: "recoveryMode", shortNames: ["rcm"], summary: "Set the HA recovery mode",
                    options: [OptionSpec("mode", shortcuts: ["m"], .choice(["activeBasic", "activeEnhanced"]), required: true,
                                         value: "activeBasic|activeEnhanced", help: "Recovery mode")],
                    mutates: true),
        CommandSpec(family: "hagroup", name: "HAOnly", shortNames: ["ho"], summary: "Show only HA virtual slots to applications",
                    options: [OptionSpec("enable", shortcuts: ["e"], .flag, help: "Enable HA Only mode"),
                              OptionSpec("disable", shortcuts: ["d"], .flag, help: "Disable HA Only mode"),
                              OptionSpec("show", shortcuts: ["s"], .flag, help: "Show the current setting")],
                    exactlyOneOf: [["enable", "disable", "show"]], mutates: true),
        CommandSpec(family: "hagroup", name: "haLog", shortNames: ["log"], summary: "Configure HA logging",
                    options: [OptionSpec("enable", shortcuts: ["e"], .flag, help: "Enable HA logging"),
                              OptionSpec("disable", shortcuts: ["d"], .flag, help: "Disable HA logging"),
                              OptionSpec("path", shortcuts: ["p"], value: "directory", help: "Directory of haErrorLog.txt"),
                              OptionSpec("maxLength", shortcuts: ["m"], .integer, value: "bytes", help: "Maximum log file length"),
                              OptionSpec("show", shortcuts: ["s"], .flag, help: "Show the current settings")],
                    mutates: true),
    ]
}
