import ChrystokiConf
import Foundation
import LunaSim
import Testing

/// Client registration (issue 14 item 1, issue 17): the fleet's server fields, what the client
/// sees, and `ClientRegistrationService`. Every refusal leaves the state and the conf as they were.
@Suite struct ClientRegistrationTests {
    static func repositoryFile(_ relative: String) throws -> [UInt8] {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return Array(try Data(contentsOf: url.appendingPathComponent(relative)))
    }

    /// A home seeded from `fleet` (nil: the default) as lunacm seeds one.
    static func open(fleet: String? = nil) throws -> (store: StateStore, home: String) {
        let home = NSTemporaryDirectory() + "lunasim-client-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let bytes = try fleet.map { try repositoryFile($0) }
        let store = try StateStore(home: home, confPath: home + "/Chrystoki.conf",
                                   seeding: { () throws(FleetFileError) in try Seeding.make(fleet: bytes) })
        try store.installConf()
        return (store, home)
    }

    static func conf(_ home: String) -> String {
        (try? String(contentsOfFile: home + "/Chrystoki.conf", encoding: .utf8)) ?? "<missing>"
    }

    /// Runs `body` expecting a refusal with `code`; checks the conf bytes and the state are unchanged.
    static func expectRefusal(_ store: StateStore, _ home: String, _ code: ReturnCode, reason: String? = nil,
                              _ body: (StateTransaction) throws(LunaError) -> Void) throws {
        let conf = conf(home)
        let state = try store.snapshot()
        do {
            try store.write(body)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == code)
            if let reason { #expect(error.reason == reason) }
        }
        #expect(Self.conf(home) == conf)
        #expect(try store.snapshot() == state)
    }

    // MARK: Seeding and visibility

    @Test func theDefaultFleetAndConfAgreeByteForByte() throws {
        let (store, home) = try Self.open()
        #expect(Self.conf(home) == EmbeddedDefaults.chrystokiConf)
        let servers = try store.read { t throws(LunaError) in try ClientRegistrationService.listServers(t) }
        #expect(servers.map(\.name) == ["192.0.2.11", "192.0.2.12"])
        #expect(servers.map(\.hsmSerial) == ["700101", "700102"])
        #expect(try store.read { t throws(LunaError) in try SlotService.list(t) }.map(\.slot) == [0, 1])
    }

    @Test func aBlankClientSeesNoPartitionAndItsConfListsNoServer() throws {
        let (store, home) = try Self.open(fleet: "Config/fleets/blank-client.json")
        let conf = Self.conf(home)
        #expect(!conf.contains("ServerName"))
        // Everything else of the default conf is kept.
        var expected = ServerConfig(try ConfDocument.parse(EmbeddedDefaults.chrystokiConf))
        try expected.unregister("192.0.2.11")
        try expected.unregister("192.0.2.12")
        #expect(conf == expected.document.text)
        #expect(try store.read { t throws(LunaError) in try SlotService.list(t) }.isEmpty)
        #expect(try store.read { t throws(LunaError) in try SlotService.lowestSlot(t) } == nil)
        #expect(try store.read { t throws(LunaError) in try ClientRegistrationService.verify(t) }.isEmpty)
    }

    @Test func anInvisiblePartitionCannotStartOrJoinAGroup() throws {
        let (store, home) = try Self.open(fleet: "Config/fleets/blank-client.json")
        try Self.expectRefusal(store, home, .slotIDInvalid,
                               reason: "Partition par0 (154438865287) is not visible to this client: its Network HSM 700101 at 192.0.2.11 is not registered in Chrystoki.conf (register it with 'clientconfig deploy' or 'vtl addServer').") { t throws(LunaError) in
            _ = try HAGroupService.createGroup(label: "g", member: .slot(0), secret: "userpin1", objects: nil, openSessions: [], t)
        }
        // Registered but not assigned: still invisible, with the other reason.
        _ = try store.write { t throws(LunaError) in try ClientRegistrationService.addServer("192.0.2.11", t) }
        try Self.expectRefusal(store, home, .slotIDInvalid,
                               reason: "Partition par0 (154438865287) is not visible to this client: Network HSM 700101 at 192.0.2.11 has not assigned it to this client (assign it with 'clientconfig deploy').") { t throws(LunaError) in
            _ = try HAGroupService.createGroup(label: "g", member: .serial("154438865287"), secret: "userpin1", objects: nil, openSessions: [], t)
        }
    }

    // MARK: deploy

    @Test func deployRegistersTheServerAssignsThePartitionAndMakesTheGroupPossible() throws {
        let (store, home) = try Self.open(fleet: "Config/fleets/blank-client.json")
        let first = try store.write { t throws(LunaError) in
            try ClientRegistrationService.deploy(server: "192.0.2.11", user: "admin", password: "sopin123",
                                                 client: "web1", partition: "par0", t)
        }
        #expect(first.serverAdded && first.partitionSerial == "154438865287" && first.server.index == 0)
        #expect(first.certificate?.certificatePath == "/usr/safenet/lunaclient/cert/client/web1.pem")
        #expect(first.certificate?.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----\n") == true)
        let second = try store.write { t throws(LunaError) in
            try ClientRegistrationService.deploy(server: "192.0.2.12", user: "admin", password: "sopin123",
                                                 client: "web1", partition: "par1", t)
        }
        #expect(second.certificate == nil, "the conf already names web1's certificate")
        let conf = Self.conf(home)
        #expect(conf.contains("   ServerName00 = 192.0.2.11;\n   ServerPort00 = 1792;\n   ServerHtl00 = 0;\n   ServerName01 = 192.0.2.12;\n"))
        #expect(conf.contains("   ClientCertFile = /usr/safenet/lunaclient/cert/client/web1.pem;\n"))
        #expect(try store.read { t throws(LunaError) in try SlotService.list(t) }.map(\.slot) == [0, 1])
        let exported = try store.snapshot()
        #expect(exported.fleet.hsms.map(\.registered) == [true, true])
        #expect(exported.fleet.partitions.map(\.assigned) == [true, true])
        _ = try store.write { t throws(LunaError) in
            try HAGroupService.createGroup(label: "g", member: .slot(0), secret: "userpin1", objects: nil, openSessions: [], t)
        }
    }

    @Test func deployRefusalsChangeNothing() throws {
        let (store, home) = try Self.open(fleet: "Config/fleets/blank-client.json")
        try Self.expectRefusal(store, home, .pinIncorrect, reason: "The admin password is incorrect for 192.0.2.11.") { t throws(LunaError) in
            _ = try ClientRegistrationService.deploy(server: "192.0.2.11", user: "admin", password: "wrong", client: "web1", partition: "par0", t)
        }
        try Self.expectRefusal(store, home, .userTypeInvalid) { t throws(LunaError) in
            _ = try ClientRegistrationService.deploy(server: "192.0.2.11", user: "operator", password: "sopin123", client: "web1", partition: "par0", t)
        }
        try Self.expectRefusal(store, home, .deviceError, reason: "No Network HSM of the simulated fleet answers at 192.0.2.99.") { t throws(LunaError) in
            _ = try ClientRegistrationService.deploy(server: "192.0.2.99", user: "admin", password: "sopin123", client: "web1", partition: "par0", t)
        }
        try Self.expectRefusal(store, home, .argumentsBad, reason: "HSM 700101 at 192.0.2.11 has no partition labelled par1.") { t throws(LunaError) in
            _ = try ClientRegistrationService.deploy(server: "192.0.2.11", user: "admin", password: "sopin123", client: "web1", partition: "par1", t)
        }
        try Self.expectRefusal(store, home, .argumentsBad) { t throws(LunaError) in
            _ = try ClientRegistrationService.deploy(server: "192.0.2.11", user: "admin", password: "sopin123", client: "../x", partition: "par0", t)
        }
        _ = try store.write { t throws(LunaError) in
            try ClientRegistrationService.deploy(server: "192.0.2.11", user: "admin", password: "sopin123", client: "web1", partition: "par0", t)
        }
        try Self.expectRefusal(store, home, .argumentsBad, reason: "Partition par0 on 192.0.2.11 is already deployed to this client; add -force to deploy it again.") { t throws(LunaError) in
            _ = try ClientRegistrationService.deploy(server: "192.0.2.11", user: "admin", password: "sopin123", client: "web1", partition: "par0", t)
        }
        let forced = try store.write { t throws(LunaError) in
            try ClientRegistrationService.deploy(server: "192.0.2.11", user: "admin", password: "sopin123", client: "web1", partition: "par0", force: true, t)
        }
        #expect(!forced.serverAdded && forced.certificate != nil)
    }

    @Test func theDefaultFleetHasNoSOPasswordToDeployWith() throws {
        let (store, home) = try Self.open()
        try Self.expectRefusal(store, home, .pinIncorrect) { t throws(LunaError) in
            _ = try ClientRegistrationService.deploy(server: "192.0.2.11", user: "admin", password: "x", client: "web1", partition: "par0", t)
        }
    }

    // MARK: addServer and deleteServer

    @Test func deletingAServerRenumbersAndHidesItsPartitions() throws {
        let (store, home) = try Self.open()
        let removed = try store.write { t throws(LunaError) in try ClientRegistrationService.deleteServer("192.0.2.11", t) }
        #expect(removed.index == 0 && removed.hsmSerial == "700101")
        #expect(Self.conf(home).contains("   ServerName00 = 192.0.2.12;\n   ServerPort00 = 1792;\n   ServerHtl00 = 0;\n}"))
        #expect(try store.read { t throws(LunaError) in try SlotService.list(t) }.map(\.slot) == [1])
        #expect(try store.snapshot().fleet.hsms.map(\.registered) == [false, true])
        _ = try store.write { t throws(LunaError) in try ClientRegistrationService.addServer("192.0.2.11", t) }
        #expect(try store.read { t throws(LunaError) in try SlotService.list(t) }.map(\.slot) == [0, 1])
    }

    @Test func aServerWithAGroupMemberIsKeptUnlessForced() throws {
        let (store, home) = try Self.open()
        _ = try store.write { t throws(LunaError) in
            try HAGroupService.createGroup(label: "g", member: .slot(0), secret: "userpin1", objects: nil, openSessions: [], t)
        }
        try Self.expectRefusal(store, home, .operationNotAllowed,
                               reason: "Partition 154438865287 on 192.0.2.11 is a member of HA group g; remove it from the group first, or add -force.") { t throws(LunaError) in
            _ = try ClientRegistrationService.deleteServer("192.0.2.11", t)
        }
        _ = try store.write { t throws(LunaError) in try ClientRegistrationService.deleteServer("192.0.2.11", force: true, t) }
        #expect(!Self.conf(home).contains("192.0.2.11"))
    }

    @Test func addAndDeleteRefusalsChangeNothing() throws {
        let (store, home) = try Self.open()
        try Self.expectRefusal(store, home, .argumentsBad, reason: "Server 192.0.2.12 is already registered (server ID 1).") { t throws(LunaError) in
            _ = try ClientRegistrationService.addServer("192.0.2.12", t)
        }
        try Self.expectRefusal(store, home, .deviceError) { t throws(LunaError) in
            _ = try ClientRegistrationService.addServer("hsm9.example.com", t)
        }
        try Self.expectRefusal(store, home, .argumentsBad) { t throws(LunaError) in
            _ = try ClientRegistrationService.addServer("a;b", t)
        }
        try Self.expectRefusal(store, home, .argumentsBad, reason: "Server 192.0.2.99 is not registered with this client.") { t throws(LunaError) in
            _ = try ClientRegistrationService.deleteServer("192.0.2.99", t)
        }
    }

    @Test func createCertificateFollowsTheConfiguredDirectory() throws {
        let (store, home) = try Self.open()
        let made = try store.write { t throws(LunaError) in try ClientRegistrationService.createCertificate("app-01", t) }
        #expect(made.certificatePath == "/usr/safenet/lunaclient/cert/client/app-01.pem")
        #expect(made.privateKeyPath == "/usr/safenet/lunaclient/cert/client/app-01Key.pem")
        #expect(made.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----\n") && made.certificatePEM.hasSuffix("-----END CERTIFICATE-----\n"))
        #expect(Self.conf(home).contains("   ClientCertFile = /usr/safenet/lunaclient/cert/client/app-01.pem;\n"))
        // Same seed, same home history: the same simulated certificate.
        let (again, _) = try Self.open()
        let twin = try again.write { t throws(LunaError) in try ClientRegistrationService.createCertificate("app-01", t) }
        #expect(twin == made)
        try Self.expectRefusal(store, home, .argumentsBad) { t throws(LunaError) in
            _ = try ClientRegistrationService.createCertificate("a b", t)
        }
    }

    @Test func theSimulatedFileOfAConfPathStaysInTheHome() {
        #expect(ClientFiles.simulatedPath(for: "/usr/safenet/x.pem", home: "/h") == "/h/client-files/usr/safenet/x.pem")
        #expect(ClientFiles.simulatedPath(for: "/usr/../etc/passwd", home: "/h") == nil)
        #expect(ClientFiles.simulatedPath(for: "cert.pem", home: "/h") == nil)
    }

    // MARK: Fleet file

    @Test func fleetFieldsRoundTripThroughExport() throws {
        var random = RandomSource(seed: 1)
        let snapshot = try FleetFileReader.read(try Self.repositoryFile("Config/fleets/blank-client.json"), random: &random)
        #expect(snapshot.fleet.hsms.map(\.server) == ["192.0.2.11", "192.0.2.12"])
        #expect(snapshot.fleet.hsms.map(\.registered) == [false, false])
        #expect(snapshot.fleet.partitions.map(\.assigned) == [false, false])
        var again = RandomSource(seed: 1)
        #expect(try FleetFileReader.read(FleetFileWriter.write(snapshot), random: &again) == snapshot)
        var third = RandomSource(seed: 1)
        let fresh = try FleetFileReader.read(try Self.repositoryFile("Config/fleets/fresh-partition.json"), random: &third)
        #expect(fresh.fleet.hsms.map(\.server) == ["192.0.2.11", "192.0.2.12", "192.0.2.13"])
    }

    @Test func aNetworkHSMWithoutAServerGetsOneFromItsPlace() throws {
        let text = #"{"hsms":[{"serial":"1","partitions":[]},{"serial":"2","kind":"pcie","partitions":[]},{"serial":"3","partitions":[]},{"serial":"4","server":"hsm4.example.com","partitions":[]}]}"#
        var random = RandomSource(seed: 1)
        let snapshot = try FleetFileReader.read(Array(text.utf8), random: &random)
        #expect(snapshot.fleet.hsms.map(\.server) == ["192.0.2.11", nil, "192.0.2.13", "hsm4.example.com"])
        let exported = String(decoding: FleetFileWriter.write(snapshot), as: UTF8.self)
        #expect(!exported.contains("192.0.2.1") && exported.contains("\"server\" : \"hsm4.example.com\""))
    }

    @Test func anInMemorySeededStoreAlignsItsConfToo() throws {
        let directory = NSTemporaryDirectory() + "lunasim-client-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let confPath = directory + "/Chrystoki.conf"
        try EmbeddedDefaults.chrystokiConf.write(toFile: confPath, atomically: true, encoding: .utf8)
        let seeding = try Seeding.make(fleet: try Self.repositoryFile("Config/fleets/fresh-partition.json"))
        let store = try StateStore(inMemoryWith: seeding.snapshot, confPath: confPath)
        let conf = try String(contentsOfFile: confPath, encoding: .utf8)
        #expect(conf == EmbeddedDefaults.chrystokiConf.replacing(
            "   ServerHtl01 = 0;\n", with: "   ServerHtl01 = 0;\n   ServerName02 = 192.0.2.13;\n   ServerPort02 = 1792;\n   ServerHtl02 = 0;\n"))
        #expect(try store.read { t throws(LunaError) in try SlotService.list(t) }.map(\.slot) == [0, 1, 2])
    }

    @Test(arguments: [
        (#"{"hsms":[{"serial":"1","kind":"pcie","server":"10.0.0.1","partitions":[]}]}"#, "hsms[0].server: only a network HSM has a server address"),
        (#"{"hsms":[{"serial":"1","server":"a b","partitions":[]}]}"#, #"hsms[0].server: expected a host name or IP address, found "a b""#),
        (#"{"hsms":[{"serial":"1","server":"h","partitions":[]},{"serial":"2","server":"H","partitions":[]}]}"#, "hsms[1].server: server H is already the address of HSM 1"),
        (#"{"hsms":[{"serial":"1","registered":"yes","partitions":[]}]}"#, nil),
        (#"{"hsms":[{"serial":"1","partitions":[{"label":"p","serial":"2","slot":0,"assigned":1}]}]}"#, nil),
    ])
    func badRegistrationFieldsAreRefused(_ text: String, _ message: String?) throws {
        var random = RandomSource(seed: 1)
        do {
            _ = try FleetFileReader.read(Array(text.utf8), random: &random)
            Issue.record("expected a refusal")
        } catch {
            if let message { #expect("\(error)" == message) }
        }
    }
}

/// A state written before client registration existed (schema 3) is migrated in place and keeps
/// every partition visible: its HSMs have no server address.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs the sqlite3 CLI to build a schema 3 state"))
struct RegistrationMigrationTests {
    @Test func aSchema3StateKeepsEveryPartitionVisible() throws {
        let (store, home) = try ClientRegistrationTests.open(fleet: "Config/fleets/blank-client.json")
        #expect(try store.read { t throws(LunaError) in try SlotService.list(t) }.isEmpty)
        // Turn the state back into what lunacm wrote before registration.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [home + "/state.db", """
            ALTER TABLE hsm DROP COLUMN server; ALTER TABLE hsm DROP COLUMN registered;
            ALTER TABLE partition DROP COLUMN assigned;
            ALTER TABLE hsm DROP COLUMN label; ALTER TABLE hsm DROP COLUMN licenses;
            ALTER TABLE hsm DROP COLUMN initialized; ALTER TABLE hsm DROP COLUMN domain;
            DROP TABLE haFault; DROP TABLE haMember; DROP TABLE objectAttributes; DROP TRIGGER objectAttributesFollowObject;
            PRAGMA user_version = 3;
            """]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let reopened = try StateStore(home: home, confPath: home + "/Chrystoki.conf",
                                      seeding: { () throws(FleetFileError) in try Seeding.make(fleet: nil) })
        #expect(!reopened.wasSeeded)
        let fleet = try reopened.snapshot().fleet
        #expect(fleet.hsms.map(\.server) == [nil, nil])
        #expect(try reopened.read { t throws(LunaError) in try SlotService.list(t) }.map(\.slot) == [0, 1])
    }
}
