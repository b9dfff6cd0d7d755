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
                try files.save(made, home: home)
                return made
            }
            return VTLRenderer.createCert(certificate)
        case .addServer(let host, let certificateFile, let port, let htl):
            let pem = try files.serverCertificate(certificateFile)
            let server = try store.write { transaction throws(LunaError) in
                let added = try ClientRegistrationService.addServer(host, port: port, htlRequired: htl, transaction)
                if let caFile = try ClientRegistrationService.serverCAFile(transaction) {
                    try files.append(pem, toCAFile: caFile, home: home)
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
