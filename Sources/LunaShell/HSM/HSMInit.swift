import LunaSim

/// `hsm init -label L [-password P] [-domain D] [-force]` (the Thales page "hsm init"; `-l`,
/// `-p`, `-d`, `-f`). On a zeroized HSM it needs no login and asks the new HSM SO password and
/// the cloning domain twice each, then `proceed`: this is how a zeroized HSM comes back. On an
/// initialized HSM the HSM SO must be logged in; the label changes, every partition is erased,
/// the SO password and domain are kept (so `-password` and `-domain` are refused there).
struct HSMInit: WriteCommand {
    static let labelOption = RequiredOption<String>("label", shortcuts: ["l"], value: "hsm_label", help: "HSM label")
    static let passwordOption = Option<Secret>("password", shortcuts: ["p"], value: "password", help: "New HSM SO password, on a zeroized HSM (prompted twice if absent)")
    static let domainOption = Option<Secret>("domain", shortcuts: ["d"], value: "domain", help: "HSM cloning domain, on a zeroized HSM (prompted twice if absent)")
    static let forceFlag = Flag("force", shortcuts: ["f"], help: "Do not ask 'proceed'")
    static let spec = CommandSpec(name: "init", shortNames: ["in"], summary: "Initialize the HSM of the current slot (a zeroized one, or as the HSM SO)",
                                  options: [labelOption, passwordOption, domainOption, forceFlag])
    let label: String
    let password: Secret?
    let domain: Secret?
    let force: Bool
    init(_ options: ParsedOptions) {
        label = options[Self.labelOption]
        password = options[Self.passwordOption]
        domain = options[Self.domainOption]
        force = options[Self.forceFlag]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let partition = try context.currentPartition()
        let hsm = try context.read { transaction throws(LunaError) in try HSMService.hsm(hosting: partition.serial, transaction) }
        try HSMService.checkLabel(label)
        if hsm.initialized {
            try context.require([.so], on: partition, to: "re-initialize HSM \(hsm.serial)")
            guard password == nil, domain == nil else {
                throw LunaError.badArguments("HSM \(hsm.serial) is initialized: re-initializing keeps its HSM SO password and cloning domain, so -password and -domain are not taken.")
            }
            try context.confirmProceed(HSMRenderer.reinitWarning(hsm), force: force)
            _ = try context.write { transaction throws(LunaError) in try HSMService.reinitialize(hsm.serial, label: label, transaction) }
        } else {
            let soPassword = try context.newSecret(password, prompt: HSMRenderer.soPasswordPrompt, again: HSMRenderer.soPasswordAgainPrompt)
            try CredentialRules.checkPassword(soPassword, what: "HSM SO password")
            let cloningDomain = try context.newSecret(domain, prompt: HSMRenderer.domainPrompt, again: HSMRenderer.domainAgainPrompt)
            try CredentialRules.checkDomain(cloningDomain)
            try context.confirmProceed(HSMRenderer.initWarning(hsm), force: force)
            try context.write { transaction throws(LunaError) in
                try HSMService.initialize(hsm.serial, label: label, soPassword: soPassword, domain: cloningDomain, transaction)
            }
        }
        try context.endLogins(onHSM: hsm.serial)
        context.write(HSMRenderer.initialized(label))
    }
}
