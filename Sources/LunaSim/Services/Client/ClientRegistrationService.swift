import ChrystokiConf

/// Client registration with Network HSMs: the state LunaCM's `clientconfig` and the `vtl` tool
/// share. Servers live in Chrystoki.conf (`LunaSA Client { ServerNameNN; ... }`, edited through
/// `ServerConfig`); partition assignment lives in the state. Every operation checks everything
/// before it changes anything, never prints, and returns a typed result.
public enum ClientRegistrationService {
    /// One registered server, with the fleet HSM that answers at its address (nil: none does).
    public struct ServerEntry: Sendable, Equatable {
        public var index: Int
        public var name: String
        public var port: Int
        public var htlRequired: Bool
        public var hsmSerial: String?
    }

    /// A partition this client reaches over NTLS.
    public struct ReachablePartition: Sendable, Equatable {
        public var slot: Int
        public var serial: String
        public var label: String
        public var hsmSerial: String
        public var server: String?
    }

    /// A simulated client certificate and key, and where the conf now says they are. Writing the
    /// files is the caller's business (`ClientFiles` says where a simulated file goes).
    public struct ClientCertificate: Sendable, Equatable {
        public var name: String
        public var certificatePath: String
        public var privateKeyPath: String
        public var certificatePEM: String
        public var privateKeyPEM: String
    }

    /// What `clientconfig deploy` did.
    public struct DeployResult: Sendable, Equatable {
        public var server: ServerEntry
        public var partitionLabel: String
        public var partitionSerial: String
        /// False when the server was registered already (a second partition on the same HSM).
        public var serverAdded: Bool
        /// A new client certificate, when the conf did not already name this client's.
        public var certificate: ClientCertificate?
    }

    /// Where `createCert` puts certificates when the conf names no `ClientCertFile`: the Luna
    /// client's default layout (docs/lunacm-behaviour.md §5.2).
    public static let defaultCertificateDirectory = "/usr/safenet/lunaclient/cert/client"

    // MARK: Reading

    public static func listServers(_ transaction: StateTransaction) throws(LunaError) -> [ServerEntry] {
        try transaction.registeredServers().map { entry($0, transaction.fleet) }
    }

    /// The Network HSM partitions this client reaches, in slot order (`vtl verify`,
    /// `clientconfig verify`). PCIe and cloud partitions are not NTLS and are not listed.
    public static func verify(_ transaction: StateTransaction) throws(LunaError) -> [ReachablePartition] {
        try transaction.visiblePartitions().compactMap { partition in
            guard let hsm = transaction.fleet.hsm(of: partition), hsm.kind == .network else { return nil }
            return ReachablePartition(slot: partition.slot, serial: partition.serial, label: partition.label,
                                      hsmSerial: hsm.serial, server: hsm.server)
        }
    }

    /// The server CA file the conf names (`LunaSA Client { ServerCAFile }`), which a server's
    /// certificate joins when it is registered.
    public static func serverCAFile(_ transaction: StateTransaction) throws(LunaError) -> String? {
        ServerConfig(try transaction.conf()).serverCAFile
    }

    /// A server certificate is a PEM certificate: refused before anything changes otherwise.
    public static func checkServerCertificate(_ bytes: [UInt8], path: String) throws(LunaError) -> [UInt8] {
        guard String(decoding: bytes, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            throw LunaError(.argumentsBad, "The file \(path) is not a PEM certificate (no BEGIN CERTIFICATE line).")
        }
        return bytes
    }

    // MARK: Servers

    /// `vtl addServer -n <host>`: registers a Network HSM of the fleet. A host no fleet HSM answers
    /// at is refused, so a typo is caught (the real tool does not connect; documented choice).
    public static func addServer(_ host: String, port: Int = ServerConfig.defaultPort, htlRequired: Bool = false,
                                 _ transaction: StateTransaction) throws(LunaError) -> ServerEntry {
        try checkHost(host)
        var config = ServerConfig(try transaction.conf())
        if let existing = config.server(named: host) {
            throw LunaError(.argumentsBad, "Server \(existing.name) is already registered (server ID \(existing.index)).")
        }
        guard let hsm = networkHSM(at: host, transaction.fleet) else {
            throw LunaError(.deviceError, "No Network HSM of the simulated fleet answers at \(host).")
        }
        do { try config.register(host, port: port, htlRequired: htlRequired) } catch {
            throw LunaError(error)
        }
        transaction.setConf(config.document)
        var updated = hsm
        updated.registered = true
        transaction.fleet.update(updated)
        return entry(config.server(named: host)!, transaction.fleet)
    }

    /// `vtl deleteServer -n <host>`: unregisters a server and renumbers the later ones. Refused
    /// while an HA group member lives on that HSM, since the group would lose it, unless `force`
    /// (then the member is simply unreachable, as when an appliance goes away).
    public static func deleteServer(_ host: String, force: Bool = false,
                                    _ transaction: StateTransaction) throws(LunaError) -> ServerEntry {
        try checkHost(host)
        var config = ServerConfig(try transaction.conf())
        guard let registered = config.server(named: host) else {
            throw LunaError(.argumentsBad, "Server \(host) is not registered with this client.")
        }
        let removed = entry(registered, transaction.fleet)
        if !force, let hsm = networkHSM(at: host, transaction.fleet) {
            let onHSM = Set(transaction.fleet.partitions.filter { $0.hsmSerial == hsm.serial }.map(\.serial))
            for group in try transaction.groupDefinitions() {
                if let member = group.members.first(where: onHSM.contains) {
                    throw LunaError(.operationNotAllowed, "Partition \(member) on \(registered.name) is a member of HA group \(group.label); remove it from the group first, or add -force.")
                }
            }
        }
        do { try config.unregister(registered.name) } catch {
            throw LunaError(error)
        }
        transaction.setConf(config.document)
        if var hsm = networkHSM(at: host, transaction.fleet) {
            hsm.registered = false
            transaction.fleet.update(hsm)
        }
        return removed
    }

    // MARK: Certificates

    /// `vtl createCert -n <name>`: a new (simulated) client certificate and key beside the one
    /// the conf names, `<dir>/<name>.pem` and `<dir>/<name>Key.pem`, and the conf pointed at them.
    public static func createCertificate(_ name: String, _ transaction: StateTransaction) throws(LunaError) -> ClientCertificate {
        try checkClientName(name)
        var config = ServerConfig(try transaction.conf())
        let directory = certificateDirectory(config.clientCertFile)
        let certificate = makeCertificate(name, directory: directory, transaction)
        do {
            try config.setClientCertificate(certificate: certificate.certificatePath, privateKey: certificate.privateKeyPath)
        } catch {
            throw LunaError(error)
        }
        transaction.setConf(config.document)
        return certificate
    }

    // MARK: Deploy

    /// `clientconfig deploy -server <host> -user admin -password <pw> -client <name>
    /// -partition <label> [-force]`: logs into the appliance as `admin` (the simulator checks the
    /// HSM SO password of that HSM; a wrong one is not counted as an SO login failure), creates
    /// the client certificate when the conf does not already name `<name>.pem`, registers the
    /// server and assigns the partition. Deploying what is already deployed needs `force`.
    public static func deploy(server host: String, user: String, password: String, client: String,
                              partition label: String, force: Bool = false,
                              _ transaction: StateTransaction) throws(LunaError) -> DeployResult {
        try checkHost(host)
        try checkClientName(client)
        guard let hsm = networkHSM(at: host, transaction.fleet) else {
            throw LunaError(.deviceError, "No Network HSM of the simulated fleet answers at \(host).")
        }
        guard user == "admin" else {
            throw LunaError(.userTypeInvalid, "Only the appliance's admin user can register clients; '\(user)' cannot.")
        }
        guard let soPassword = hsm.soPassword else {
            throw LunaError(.pinIncorrect, "HSM \(hsm.serial) at \(host) has no HSM SO password in the simulated fleet (set soPassword in the fleet file).")
        }
        guard soPassword.matches(password) else {
            throw LunaError(.pinIncorrect, "The admin password is incorrect for \(host).")
        }
        guard var partition = transaction.fleet.partitions.first(where: { $0.hsmSerial == hsm.serial && $0.label == label }) else {
            throw LunaError(.argumentsBad, "HSM \(hsm.serial) at \(host) has no partition labelled \(label).")
        }
        var config = ServerConfig(try transaction.conf())
        let alreadyRegistered = config.server(named: host) != nil
        if alreadyRegistered, partition.assigned, !force {
            throw LunaError(.argumentsBad, "Partition \(label) on \(host) is already deployed to this client; add -force to deploy it again.")
        }
        let directory = certificateDirectory(config.clientCertFile)
        var certificate: ClientCertificate?
        if force || config.clientCertFile != directory + "/" + client + ".pem" {
            let made = makeCertificate(client, directory: directory, transaction)
            do {
                try config.setClientCertificate(certificate: made.certificatePath, privateKey: made.privateKeyPath)
            } catch {
                throw LunaError(error)
            }
            certificate = made
        }
        if !alreadyRegistered {
            do { try config.register(host) } catch { throw LunaError(error) }
        }
        transaction.setConf(config.document)
        var registeredHSM = hsm
        registeredHSM.registered = true
        transaction.fleet.update(registeredHSM)
        partition.assigned = true
        transaction.fleet.update(partition)
        return DeployResult(server: entry(config.server(named: host)!, transaction.fleet), partitionLabel: partition.label,
                            partitionSerial: partition.serial, serverAdded: !alreadyRegistered, certificate: certificate)
    }

    // MARK: Internals

    static func networkHSM(at host: String, _ fleet: Fleet) -> HSM? {
        fleet.hsms.first { $0.kind == .network && $0.server?.lowercased() == host.lowercased() }
    }

    private static func entry(_ server: RegisteredServerConfig, _ fleet: Fleet) -> ServerEntry {
        ServerEntry(index: server.index, name: server.name, port: server.port, htlRequired: server.htlRequired,
                    hsmSerial: networkHSM(at: server.name, fleet)?.serial)
    }

    private static func checkHost(_ host: String) throws(LunaError) {
        do { try ServerConfig.validateHost(host) } catch { throw LunaError(error) }
    }

    /// A client name becomes a file name and a certificate's common name: 1 to 64 letters,
    /// digits, `.`, `-` or `_`, not starting with `.` or `-`.
    static func checkClientName(_ name: String) throws(LunaError) {
        let allowed = name.unicodeScalars.allSatisfy {
            $0.value < 0x80 && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_")
        }
        guard (1...64).contains(name.count), allowed, !name.hasPrefix("."), !name.hasPrefix("-") else {
            throw LunaError(.argumentsBad, "Invalid client name \(name.debugDescription): use 1 to 64 letters, digits, '.', '-' or '_'.")
        }
    }

    /// The directory of the configured client certificate: the value itself when it ends in `/`
    /// (as deployment scripts write it), else its parent; the default layout when unset.
    static func certificateDirectory(_ clientCertFile: String?) -> String {
        guard let path = clientCertFile, path.hasPrefix("/") else { return defaultCertificateDirectory }
        if path.hasSuffix("/") {
            let trimmed = String(path.dropLast())
            return trimmed.isEmpty ? "/" : trimmed
        }
        guard let slash = path.lastIndex(of: "/") else { return defaultCertificateDirectory }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// Simulated PEM blocks from the seeded random source: repeatable, and plainly not real keys.
    private static func makeCertificate(_ name: String, directory: String, _ transaction: StateTransaction) -> ClientCertificate {
        let base = directory == "/" ? "/" + name : directory + "/" + name
        let certificateBody = Array("lunasim simulated client certificate CN=\(name)\n".utf8) + transaction.random.bytes(48)
        let keyBody = Array("lunasim simulated client private key CN=\(name)\n".utf8) + transaction.random.bytes(64)
        return ClientCertificate(name: name, certificatePath: base + ".pem", privateKeyPath: base + "Key.pem",
                                 certificatePEM: PEM.encode(certificateBody, label: "CERTIFICATE"),
                                 privateKeyPEM: PEM.encode(keyBody, label: "PRIVATE KEY"))
    }
}

/// PEM armour with LF line endings and 64-column lines.
enum PEM {
    static func encode(_ bytes: [UInt8], label: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var text = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
            for position in 0..<4 {
                if position <= chunk.count {
                    text.append(alphabet[Int((value >> UInt32(18 - 6 * position)) & 0x3f)])
                } else {
                    text.append("=")
                }
            }
            index += 3
        }
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        return "-----BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----\n"
    }
}
