/// The `clientconfig` family (docs/lunacm-behaviour.md §3.5): registering this client with
/// Network HSMs and the partitions they assign it. Registration lives in Chrystoki.conf
/// (`LunaSA Client { ServerNameNN ... }`) and assignment in the state; `vtl` edits the same.
enum ClientConfigCommands {
    static let family = FamilySpec(name: "clientconfig", shortName: "cc", summary: "Client configuration commands")
    static let list = CommandFamily(family, [
        ClientConfigDeploy.self, ClientConfigListServers.self, ClientConfigVerify.self, ClientConfigRestart.self,
        ClientConfigAddServer.self, ClientConfigDeleteServer.self,
    ])

    /// `-server <host>`, as deploy, addserver and deleteserver take it.
    static let server = RequiredOption<String>("server", shortcuts: ["n", "s"], value: "hostname|IP", help: "Network HSM appliance address")
}
