import Foundation
import LunaShell
import LunaShellTestSupport
import LunaSim
import Testing

/// `clientconfig` on a blank client (Config/fleets/blank-client.json): nothing is visible until
/// a server is registered and a partition assigned; registration is Chrystoki.conf's
/// `LunaSA Client` entries, assignment is the state.
@Suite struct ClientConfigCommandTests {
    static let blankFleet = try! String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Config/fleets/blank-client.json"), encoding: .utf8)

    func blank() throws -> (TestWorld, Shell, MemoryClientFiles) {
        let world = try TestWorld(fleet: Self.blankFleet)
        let files = MemoryClientFiles()
        return (world, try Shell(store: world.store, console: world.console, files: files), files)
    }

    func run(_ shell: Shell, _ world: TestWorld, _ line: String) -> (Shell.Outcome, String) {
        let outcome = shell.run(line: line)
        return (outcome, world.console.takeOutput())
    }

    @Test func deployRegistersTheServerAssignsThePartitionAndRestarts() throws {
        let (world, shell, files) = try blank()
        #expect(run(shell, world, "slot list").1.contains("No slots are available."))
        let (outcome, output) = run(shell, world, "clientconfig deploy -server 192.0.2.11 -client web1 -partition par0 -password sopin123")
        #expect(outcome == .success, "\(output)")
        #expect(output.contains("Server 192.0.2.11 registered as server ID 0."))
        #expect(output.contains("Partition par0 (154438865287) is assigned to client web1."))
        #expect(output.contains("Current Slot Id: 0"), "LunaCM restarts and lists the new slot")
        #expect(world.confText.contains("ServerName00 = 192.0.2.11;"))
        #expect(world.confText.contains("ClientCertFile = /usr/safenet/lunaclient/cert/client/web1.pem;"))
        #expect(files.files.keys.contains { $0.hasSuffix("client-files/usr/safenet/lunaclient/cert/client/web1.pem") })
        #expect(run(shell, world, "slot list").1.contains("Serial Number ->        154438865287"))
    }

    @Test func listServersAndVerifyShowWhatWasDeployed() throws {
        let (world, shell, _) = try blank()
        _ = run(shell, world, "cc dep -n 192.0.2.11 -c web1 -par par0 -pw sopin123")
        _ = run(shell, world, "clientconfig deploy -server 192.0.2.12 -client web1 -partition par1 -password sopin123")
        let servers = run(shell, world, "clientconfig listservers").1
        #expect(servers.contains("        0             192.0.2.11                NTLS      no\n"), "\(servers)")
        #expect(servers.contains("        1             192.0.2.12                NTLS      no\n"), "\(servers)")
        let verified = run(shell, world, "clientconfig verify").1
        #expect(verified.contains("1     1238700701509   par1"), "\(verified)")
    }

    @Test(arguments: [
        ("clientconfig deploy -server 192.0.2.99 -client web1 -partition par0 -password sopin123", "0x30 (CKR_DEVICE_ERROR)"),
        ("clientconfig deploy -server 192.0.2.11 -client web1 -partition par0 -password wrong123", "0xa0 (CKR_PIN_INCORRECT)"),
        ("clientconfig deploy -server 192.0.2.11 -client web1 -partition nosuch -password sopin123", "0x7 (CKR_ARGUMENTS_BAD)"),
        ("clientconfig deploy -server 192.0.2.11 -client web1 -partition par0 -user operator -password sopin123", "0x103 (CKR_USER_TYPE_INVALID)"),
        ("clientconfig deploy -server 192.0.2.11 -partition par0 -password sopin123", "0x7 (CKR_ARGUMENTS_BAD)"),
        ("clientconfig deleteserver -server 192.0.2.11", "0x7 (CKR_ARGUMENTS_BAD)"),
        ("clientconfig addserver -server 192.0.2.11 -certificate /nonexistent/server.pem", "0x7 (CKR_ARGUMENTS_BAD)"),
    ])
    func refusalsChangeNothing(line: String, code: String) throws {
        let (world, shell, files) = try blank()
        let state = FleetFileWriter.write(try world.store.snapshot())
        let conf = world.confText
        let (outcome, output) = run(shell, world, line)
        #expect(outcome != .success)
        #expect(output.hasSuffix("Command Result : \(code)\n"), "\(output)")
        #expect(FleetFileWriter.write(try world.store.snapshot()) == state)
        #expect(world.confText == conf)
        #expect(files.files.isEmpty)
    }

    @Test func addServerTakesTheCertificateIntoTheCAFileAndDeleteServerUnregisters() throws {
        let (world, shell, files) = try blank()
        let certificate = world.directory + "/server.pem"
        try "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".write(toFile: certificate, atomically: true, encoding: .utf8)
        let (added, output) = run(shell, world, "clientconfig addserver -server 192.0.2.12 -certificate \(certificate)")
        #expect(added == .success, "\(output)")
        #expect(world.confText.contains("ServerName00 = 192.0.2.12;"))
        #expect(files.files.keys.contains { $0.hasSuffix("cert/server/CAFile.pem") })
        let (deleted, text) = run(shell, world, "clientconfig deleteserver -server 192.0.2.12")
        #expect(deleted == .success, "\(text)")
        #expect(!world.confText.contains("ServerName00"))
    }

    @Test func aServerHoldingAGroupMemberIsNotDeletedUnlessForced() throws {
        let world = try TestWorld()
        #expect(world.shell.run(line: "hagroup createGroup -label G -slot 0 -password userpin1") == .success)
        _ = world.console.takeOutput()
        #expect(world.shell.run(line: "clientconfig deleteserver -server 192.0.2.11") != .success)
        #expect(world.console.takeOutput().contains("member of HA group G"))
        #expect(world.shell.run(line: "clientconfig deleteserver -server 192.0.2.11 -force") == .success)
        _ = world.console.takeOutput()
        #expect(!world.run("slot list").contains("Serial Number ->        154438865287\n"))
    }
}
