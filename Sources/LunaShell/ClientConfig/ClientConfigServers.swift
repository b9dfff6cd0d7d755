import ChrystokiConf
import LunaSim

/// `clientconfig addserver -server H -certificate FILE [-port N] [-htl]`: registers a server
/// whose certificate was fetched by hand; the certificate joins the server CA file.
struct ClientConfigAddServer: WriteCommand {
    static let certificateOption = RequiredOption<String>("certificate", shortcuts: ["cert", "c"], value: "server.pem", help: "The server's certificate file")
    static let portOption = RangedOption("port", shortcuts: ["p"], range: 1...65535, value: "port", help: "NTLS port (default 1792)")
    static let htlFlag = Flag("htl", help: "The server requires Host Trust Links")
    static let spec = CommandSpec(name: "addserver", shortNames: ["as"], summary: "Register a Network HSM server with its certificate",
                                  options: [ClientConfigCommands.server, certificateOption, portOption, htlFlag])
    let server: String
    let certificate: String
    let port: Int?
    let htl: Bool
    init(_ options: ParsedOptions) {
        server = options[ClientConfigCommands.server]
        certificate = options[Self.certificateOption]
        port = options[Self.portOption]
        htl = options[Self.htlFlag]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let pem = try ClientRegistrationService.checkServerCertificate(Array(try context.files.read(certificate).utf8), path: certificate)
        let entry = try context.write { transaction throws(LunaError) in
            let entry = try ClientRegistrationService.addServer(server, port: port ?? ServerConfig.defaultPort, htlRequired: htl, transaction)
            if let caFile = try ClientRegistrationService.serverCAFile(transaction) {
                try context.clientFiles.append(pem, toCAFile: caFile, home: context.home)
            }
            return entry
        }
        context.write(ClientConfigRenderer.serverAdded(entry))
    }
}

/// `clientconfig deleteserver -server H [-force]`: unregisters a server; refused while an HA
/// group member lives on it, unless forced.
struct ClientConfigDeleteServer: WriteCommand {
    static let forceFlag = Flag("force", shortcuts: ["f"], help: "Delete even when a group member lives on the server")
    static let spec = CommandSpec(name: "deleteserver", shortNames: ["ds"], summary: "Unregister a Network HSM server",
                                  options: [ClientConfigCommands.server, forceFlag])
    let server: String
    let force: Bool
    init(_ options: ParsedOptions) {
        server = options[ClientConfigCommands.server]
        force = options[Self.forceFlag]
    }

    func run(_ context: WriteContext) throws(LunaError) {
        let entry = try context.write { transaction throws(LunaError) in
            try ClientRegistrationService.deleteServer(server, force: force, transaction)
        }
        context.write(ClientConfigRenderer.serverDeleted(entry))
    }
}
