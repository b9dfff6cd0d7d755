import LunaSim

/// `clientconfig deploy -server H -client C -partition P [-user admin] [-password PW] [-force]`:
/// the one-step NTLS setup (the appliance admin logs in, the client certificate is made if the
/// conf does not already name it, the server is registered and the partition assigned). LunaCM
/// then restarts itself to load the new slot list (a modelled choice, docs/lunacm-behaviour.md
/// §3.5).
struct ClientConfigDeploy: WriteCommand {
    static let clientOption = RequiredOption<String>("client", shortcuts: ["c"], value: "client_name", help: "Name this client registers under")
    static let partitionOption = RequiredOption<String>("partition", shortcuts: ["par"], value: "partition_label", help: "Label of the partition to assign")
    static let userOption = Option<String>("user", shortcuts: ["u"], value: "username", help: "Appliance user (default: admin)")
    static let passwordOption = Option<Secret>("password", shortcuts: ["pw"], value: "password", help: "Appliance admin password (prompted if absent)")
    static let forceFlag = Flag("force", shortcuts: ["f"], help: "Deploy again what is already deployed")
    static let spec = CommandSpec(name: "deploy", shortNames: ["dep"], summary: "Register this client with a Network HSM and assign a partition",
                                  options: [ClientConfigCommands.server, clientOption, partitionOption, userOption, passwordOption, forceFlag])

    let server: String
    let client: String
    let partition: String
    let user: String
    let password: Secret?
    let force: Bool

    init(_ options: ParsedOptions) {
        server = options[ClientConfigCommands.server]
        client = options[Self.clientOption]
        partition = options[Self.partitionOption]
        user = options[Self.userOption] ?? "admin"
        password = options[Self.passwordOption]
        force = options[Self.forceFlag]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let secret = try context.secret(password, prompt: ClientConfigRenderer.passwordPrompt(user: user, server: server))
        let result = try context.write { transaction throws(LunaError) in
            let result = try ClientRegistrationService.deploy(server: server, user: user, password: secret, client: client,
                                                              partition: partition, force: force, transaction)
            if let certificate = result.certificate { try context.clientFiles.save(certificate, home: context.home) }
            return result
        }
        context.write(ClientConfigRenderer.deployed(result, client: client))
        context.restartsAfterResult = true
    }
}
