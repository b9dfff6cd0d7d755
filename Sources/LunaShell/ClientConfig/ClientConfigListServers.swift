import LunaSim

/// `clientconfig listservers`: the servers registered in Chrystoki.conf.
struct ClientConfigListServers: ReadCommand {
    static let spec = CommandSpec(name: "listservers", shortNames: ["ls"], summary: "List the Network HSM servers this client is registered with")
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let servers = try context.read { transaction throws(LunaError) in try ClientRegistrationService.listServers(transaction) }
        context.write(ClientConfigRenderer.servers(servers))
    }
}

/// `clientconfig verify`: the partitions this client reaches over NTLS.
struct ClientConfigVerify: ReadCommand {
    static let spec = CommandSpec(name: "verify", shortNames: ["v"], summary: "List the partitions this client reaches")
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        let partitions = try context.read { transaction throws(LunaError) in try ClientRegistrationService.verify(transaction) }
        context.write(ClientConfigRenderer.verified(partitions))
    }
}

/// `clientconfig restart`: the client services reload Chrystoki.conf; LunaCM lists its slots again.
struct ClientConfigRestart: ReadCommand {
    static let spec = CommandSpec(name: "restart", shortNames: ["r"], summary: "Restart the client services and list the slots again")
    init(_ options: ParsedOptions) {}

    func run(_ context: ReadContext) throws(LunaError) {
        context.write(ClientConfigRenderer.restarted)
        context.restartsAfterResult = true
    }
}
