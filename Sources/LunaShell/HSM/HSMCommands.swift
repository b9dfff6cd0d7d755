import LunaSim

/// The `hsm` commands (reference 3.4) on the HSM that hosts the current slot's partition: the
/// simulator lists no admin slot for network HSMs, so `hsm` acts on the selected partition's HSM
/// and `role login -name so` on that slot logs in its HSM SO. Changing HSM policies needs the SO.
enum HSMCommands {
    static let family = FamilySpec(name: "hsm", shortName: "hsm", summary: "HSM commands")

    static let commands: [CommandSpec] = [
        CommandSpec(family: "hsm", name: "showinfo", shortNames: ["si"], summary: "Show information about the HSM of the current slot"),
        CommandSpec(family: "hsm", name: "showpolicies", shortNames: ["sp"], summary: "Show the HSM's capabilities and policies",
                    options: [OptionSpec("verbose", shortcuts: ["v"], .flag, help: "Say what each policy takes and whether a change is destructive")]),
        CommandSpec(family: "hsm", name: "changehsmpolicy", shortNames: ["chp", "changepolicy"], summary: "Change HSM policies (as the HSM SO)",
                    options: [OptionSpec("policy", shortcuts: ["p"], required: true, value: "policy_id[,...]", help: "Policy number, or a comma-separated list"),
                              OptionSpec("value", shortcuts: ["v"], required: true, value: "value[,...]", help: "New value, or a comma-separated list"),
                              OptionSpec("force", shortcuts: ["f"], .flag, help: "Do not ask 'proceed'")],
                    mutates: true),
    ]

    static let handlers: [String: CommandHandler] = [
        "hsm.showinfo": { context throws(LunaError) in
            let partition = try context.currentPartition()
            let info = try context.store.read { transaction throws(LunaError) in
                try HSMService.info(hosting: partition.serial, slot: partition.slot, loggedIn: context.loggedIn(partition.serial), transaction)
            }
            context.write(HSMRenderer.showinfo(info))
        },
        "hsm.showpolicies": { context throws(LunaError) in
            let partition = try context.currentPartition()
            let (hsm, rows) = try context.store.read { transaction throws(LunaError) -> (HSM, [PolicyRenderer.Row]) in
                let hsm = try HSMService.hsm(hosting: partition.serial, transaction)
                return (hsm, PolicyCatalog.hsm.map {
                    PolicyRenderer.Row(definition: $0, capability: PolicyCatalog.hsmCapability($0, of: hsm),
                                       value: PolicyCatalog.value($0, in: hsm.policies))
                })
            }
            context.write(PolicyRenderer.render(title: "HSM policies for HSM: \(hsm.serial)", section: "HSM", rows: rows,
                                                verbose: context.command.has("verbose")))
        },
        "hsm.changehsmpolicy": { context throws(LunaError) in
            let partition = try context.currentPartition()
            try context.require([.so], on: partition, to: "change HSM policies")
            let changes = try PolicyService.pair(policies: context.command.text("policy") ?? "", values: context.command.text("value") ?? "")
            let (hsm, plan) = try context.store.read { transaction throws(LunaError) -> (HSM, PolicyService.Plan) in
                let hsm = try HSMService.hsm(hosting: partition.serial, transaction)
                return (hsm, try PolicyService.checkHSMChanges(changes, on: hsm.serial, transaction))
            }
            if !plan.destructive.isEmpty {
                try context.confirmProceed(PolicyRenderer.destructiveWarning(plan.destructive, scope: "every partition of HSM \(hsm.serial)"))
            }
            let deleted = try context.transaction { transaction throws(LunaError) in
                try PolicyService.changeHSMPolicies(changes, on: hsm.serial, transaction)
            }
            context.write(PolicyRenderer.changed(changes, kind: "HSM", deleted: deleted))
        },
    ]
}
