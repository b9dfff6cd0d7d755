import ChrystokiConf
import LunaSim

/// Runs one parsed vtl command against the state home: reads in a read transaction, changes in
/// the store's write transaction (with the conf, and the simulated client files written inside
/// it, so a refusal leaves everything as it was). Returns the text for stdout and the exit
/// status: 0 on success, 1 on a refusal.
public struct VTLRunner {
    public let store: StateStore
    public let home: String
    public let files: ClientFileSystem

    public init(store: StateStore, home: String, files: ClientFileSystem) {
        self.store = store
        self.home = home
        self.files = files
    }

    public struct Outcome: Equatable, Sendable {
        public var output: String
        public var status: Int32
    }

    public func run(_ command: VTLCommand) -> Outcome {
        do {
            return Outcome(output: try perform(command), status: 0)
        } catch {
            return Outcome(output: VTLRenderer.failure(error), status: 1)
        }
    }

    private func perform(_ command: VTLCommand) throws(LunaError) -> String {
        switch command {
        case .help(let topic):
            return try VTLHelp.text(topic)
        case .createCert(let name):
            let certificate = try store.write { transaction throws(LunaError) in
                let made = try ClientRegistrationService.createCertificate(name, transaction)
                try save(made.privateKeyPEM, at: made.privateKeyPath, mode: 0o600)
                try save(made.certificatePEM, at: made.certificatePath, mode: 0o644)
                return made
            }
            return VTLRenderer.createCert(certificate)
        case .addServer(let host, let certificateFile, let port, let htl):
            let pem = try serverCertificate(certificateFile)
            let server = try store.write { transaction throws(LunaError) in
                let added = try ClientRegistrationService.addServer(host, port: port, htlRequired: htl, transaction)
                if let caFile = ServerConfig(try transaction.conf()).serverCAFile {
                    try append(pem, to: caFile)
                }
                return added
            }
            return VTLRenderer.addServer(server)
        case .deleteServer(let host, let force):
            let server = try store.write { transaction throws(LunaError) in
                try ClientRegistrationService.deleteServer(host, force: force, transaction)
            }
            return VTLRenderer.deleteServer(server)
        case .listServers:
            return VTLRenderer.listServers(try store.read { transaction throws(LunaError) in
                try ClientRegistrationService.listServers(transaction)
            })
        case .verify:
            return VTLRenderer.verify(try store.read { transaction throws(LunaError) in
                try ClientRegistrationService.verify(transaction)
            })
        case .listSlots:
            return VTLRenderer.listSlots(try store.read { transaction throws(LunaError) in try VTLSlots.rows(transaction) })
        case .haShow:
            return try store.read { transaction throws(LunaError) in
                VTLRenderer.haShow(settings: try HASettingsService.settings(transaction),
                                   groups: try HAGroupService.groups(transaction))
            }
        case .haOnly(let enabled):
            guard let enabled else {
                let settings = try store.read { transaction throws(LunaError) in try HASettingsService.settings(transaction) }
                return VTLRenderer.haOnly(enabled: settings.haOnly, changed: false)
            }
            try store.write { transaction throws(LunaError) in try HASettingsService.setHAOnly(enabled, transaction) }
            return VTLRenderer.haOnly(enabled: enabled, changed: true)
        case .haNewGroup(let label, let serial, let password):
            // vtl never asks: objects already on the partition are kept, as answering `copy`.
            let group = try store.write { transaction throws(LunaError) in
                try HAGroupService.createGroup(label: label, member: .serial(serial), secret: password,
                                               objects: .copy, openSessions: [], transaction)
            }
            return VTLRenderer.newGroup(group)
        case .haAddMember(let group, let serial, let password):
            let result = try store.write { transaction throws(LunaError) in
                try HAGroupService.addMember(GroupReference(group), member: .serial(serial), secret: password,
                                             objects: .copy, openSessions: [], transaction)
            }
            return VTLRenderer.addMember(result.serial, result.group)
        case .haRemoveMember(let group, let serial):
            let result = try store.write { transaction throws(LunaError) in
                try HAGroupService.removeMember(GroupReference(group), member: .serial(serial), transaction)
            }
            return VTLRenderer.removeMember(result.serial, result.group)
        case .haStandby(let group, let serial, let standby):
            let updated = try store.write { transaction throws(LunaError) in
                try HAGroupService.setStandby(GroupReference(group), member: .serial(serial), standby: standby, transaction)
            }
            return VTLRenderer.standby(updated.serial, updated.group, standby: standby)
        case .haSynchronize(let group, let password):
            let result = try store.write { transaction throws(LunaError) in
                try HAGroupService.synchronize(GroupReference(group), secret: password, openSessions: [], transaction)
            }
            return VTLRenderer.synchronize(result.group, objects: result.objects)
        case .haAutoRecovery(let retry):
            try store.write { transaction throws(LunaError) in try HASettingsService.setRetry(retry, transaction) }
            return VTLRenderer.autoRecovery(retry)
        }
    }

    /// The server certificate `addServer -c` names: a readable PEM certificate, read before
    /// anything changes.
    private func serverCertificate(_ path: String) throws(LunaError) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try files.read(path) } catch {
            throw LunaError(.argumentsBad, "Unable to read the server certificate file \(path).")
        }
        guard String(decoding: bytes, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            throw LunaError(.argumentsBad, "The file \(path) is not a PEM certificate (no BEGIN CERTIFICATE line).")
        }
        return bytes
    }

    private func simulated(_ path: String) throws(LunaError) -> String {
        guard let local = ClientFiles.simulatedPath(for: path, home: home) else {
            throw LunaError(.argumentsBad, "The path \(path) in Chrystoki.conf is not an absolute path without '..'.")
        }
        return local
    }

    private func save(_ text: String, at path: String, mode: UInt32) throws(LunaError) {
        let local = try simulated(path)
        do { try files.write(Array(text.utf8), to: local, mode: mode) } catch {
            throw LunaError.storage("Cannot write \(local): \(error)")
        }
    }

    /// The real client adds a server's certificate to its CA file; so does the simulated one.
    private func append(_ certificate: [UInt8], to path: String) throws(LunaError) {
        let local = try simulated(path)
        var bytes = files.exists(local) ? ((try? files.read(local)) ?? []) : []
        if let last = bytes.last, last != 0x0a { bytes.append(0x0a) }
        bytes += certificate
        if bytes.last != 0x0a { bytes.append(0x0a) }
        do { try files.write(bytes, to: local, mode: 0o644) } catch {
            throw LunaError.storage("Cannot write \(local): \(error)")
        }
    }
}

extension VTLRunner {
    /// `--help` needs no state home: it is answered before one is opened (or created).
    public static func helpOnly(_ command: VTLCommand) -> Outcome {
        guard case .help(let topic) = command else { return Outcome(output: "", status: 0) }
        do {
            return Outcome(output: try VTLHelp.text(topic), status: 0)
        } catch {
            return Outcome(output: VTLRenderer.failure(error), status: 1)
        }
    }
}
