import LunaSim

/// `partition init -label L [-password P] [-domain D] [-force]`: the Partition SO password and the
/// cloning domain are each asked twice, then `proceed`. An uninitialized partition is
/// initialized by whoever holds it; re-initializing one needs its Partition SO logged in.
struct PartitionInit: WriteCommand {
    static let labelOption = RequiredOption<String>("label", shortcuts: ["l"], value: "label", help: "Partition label")
    static let passwordOption = Option<Secret>("password", shortcuts: ["p"], value: "password", help: "New Partition SO password (prompted twice if absent)")
    static let domainOption = Option<Secret>("domain", shortcuts: ["d"], value: "domain", help: "Cloning domain (prompted twice if absent)")
    static let spec = CommandSpec(name: "init", shortNames: ["in"], summary: "Initialize the partition: label, Partition SO password, cloning domain",
                                  options: [labelOption, passwordOption, domainOption, PartitionCommands.force])
    let label: String
    let password: Secret?
    let domain: Secret?
    let force: Bool
    init(_ options: ParsedOptions) {
        label = options[Self.labelOption]
        password = options[Self.passwordOption]
        domain = options[Self.domainOption]
        force = options[PartitionCommands.force]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.currentPartition()
        if partition.isInitialized {
            try context.require([.po], on: partition, to: "re-initialize the partition")
        }
        try CredentialRules.checkLabel(label)
        try context.read { transaction throws(LunaError) in try HSMService.requireInitialized(hosting: partition.serial, transaction) }
        let poPassword = try context.newSecret(password, prompt: PartitionRenderer.poPasswordPrompt, again: PartitionRenderer.poPasswordAgainPrompt)
        try CredentialRules.checkPassword(poPassword, what: "Partition SO password")
        let cloningDomain = try context.newSecret(domain, prompt: PartitionRenderer.domainPrompt, again: PartitionRenderer.domainAgainPrompt)
        try CredentialRules.checkDomain(cloningDomain)
        try context.confirmProceed(PartitionRenderer.initWarning, force: force)
        try context.write { transaction throws(LunaError) in
            try PartitionService.initialize(partition.serial, label: label, poPassword: poPassword, domain: cloningDomain, transaction)
        }
        // The partition's CO and CU are gone; only a PO login survives re-initialization.
        if let role = context.loggedIn(partition.serial), role != .po { context.session.logins[partition.serial] = nil }
        context.write(PartitionRenderer.initialized)
    }
}
