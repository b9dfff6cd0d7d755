import LunaSim

/// `partition init -label L [-password P] [-domain D] [-applytemplate FILE] [-force]`: the
/// Partition SO password and the cloning domain are each asked twice, then `proceed`. An
/// uninitialized partition is initialized by whoever holds it; re-initializing one needs its
/// Partition SO logged in. A policy template (`-applytemplate`/`-at`, the Thales page
/// "partition init"; format in docs/policy-templates.md) is read and checked before any question,
/// and its policies are set with the initialization. A zeroized HSM's partitions wait for `hsm init`.
struct PartitionInit: WriteCommand {
    static let labelOption = RequiredOption<String>("label", shortcuts: ["l"], value: "label", help: "Partition label")
    static let passwordOption = Option<Secret>("password", shortcuts: ["p"], value: "password", help: "New Partition SO password (prompted twice if absent)")
    static let domainOption = Option<Secret>("domain", shortcuts: ["d"], value: "domain", help: "Cloning domain (prompted twice if absent)")
    static let templateOption = Option<String>("applytemplate", shortcuts: ["at"], value: "file", help: "Set the partition policies a policy template file gives")
    static let spec = CommandSpec(name: "init", shortNames: ["in"], summary: "Initialize the partition: label, Partition SO password, cloning domain",
                                  options: [labelOption, passwordOption, domainOption, templateOption, PartitionCommands.force])
    let label: String
    let password: Secret?
    let domain: Secret?
    let template: String?
    let force: Bool
    init(_ options: ParsedOptions) {
        label = options[Self.labelOption]
        password = options[Self.passwordOption]
        domain = options[Self.domainOption]
        template = options[Self.templateOption]
        force = options[PartitionCommands.force]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.currentPartition()
        if partition.isInitialized {
            try context.require([.po], on: partition, to: "re-initialize the partition")
        }
        try CredentialRules.checkLabel(label)
        var policies: (file: String, entries: [PolicyTemplate.Entry])?
        if let template {
            let entries = try PolicyTemplate.parse(try context.files.read(template), file: template)
            policies = (template, entries)
        }
        try context.read { transaction throws(LunaError) in
            try HSMService.requireInitialized(hosting: partition.serial, transaction)
            if let policies { try PolicyTemplate.check(policies.entries, file: policies.file, on: partition.serial, transaction) }
        }
        let poPassword = try context.newSecret(password, prompt: PartitionRenderer.poPasswordPrompt, again: PartitionRenderer.poPasswordAgainPrompt)
        try CredentialRules.checkPassword(poPassword, what: "Partition SO password")
        let cloningDomain = try context.newSecret(domain, prompt: PartitionRenderer.domainPrompt, again: PartitionRenderer.domainAgainPrompt)
        try CredentialRules.checkDomain(cloningDomain)
        try context.confirmProceed(PartitionRenderer.initWarning, force: force)
        try context.write { transaction throws(LunaError) in
            try PartitionService.initialize(partition.serial, label: label, poPassword: poPassword, domain: cloningDomain,
                                            template: policies, transaction)
        }
        // The partition's CO and CU are gone; only a PO login survives re-initialization.
        if let role = context.loggedIn(partition.serial), role != .po { context.session.logins[partition.serial] = nil }
        context.write(PartitionRenderer.initialized)
        if let policies { context.write(PolicyRenderer.templateApplied(policies.entries.count, file: policies.file)) }
    }
}
