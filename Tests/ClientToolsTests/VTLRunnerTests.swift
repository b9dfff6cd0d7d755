import ChrystokiConf
import Foundation
import LunaSim
import Testing
@testable import VTLKit

/// In-memory files, so a test sees exactly what vtl wrote.
final class MemoryFiles: ClientFileSystem, @unchecked Sendable {
    var files: [String: [UInt8]] = [:]
    var modes: [String: UInt32] = [:]
    struct Missing: Error {}

    func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[path] else { throw Missing() }
        return bytes
    }

    func exists(_ path: String) -> Bool { files[path] != nil }

    func write(_ bytes: [UInt8], to path: String, mode: UInt32) throws {
        files[path] = bytes
        modes[path] = mode
    }
}

/// vtl's commands against a real state home, in process: the layouts, and that each refusal
/// leaves the conf bytes and the state as they were.
@Suite struct VTLRunnerTests {
    let home = NSTemporaryDirectory() + "vtl-runner-" + UUID().uuidString
    let files = MemoryFiles()

    func runner() throws -> VTLRunner {
        let opened = try VTLHome.open(explicit: home, environment: [:])
        return VTLRunner(store: opened.store, home: opened.home, files: files)
    }

    func run(_ words: String...) throws -> VTLRunner.Outcome {
        try runner().run(try VTLCommand.parse(words))
    }

    var conf: String { (try? String(contentsOfFile: home + "/Chrystoki.conf", encoding: .utf8)) ?? "<missing>" }

    func expectUnchanged(_ words: String..., output: String) throws {
        let state = try runner().store.snapshot()
        let before = conf
        let outcome = try runner().run(try VTLCommand.parse(words))
        #expect(outcome.status == 1)
        #expect(outcome.output == output)
        #expect(conf == before)
        #expect(try runner().store.snapshot() == state)
    }

    @Test func listSlotsOnTheDefaultHome() throws {
        let outcome = try run("listSlots")
        #expect(outcome.status == 0)
        #expect(outcome.output == """
            Number of slots: 5

            The following slots were found:

            Slot #    Description          Label                           Serial #   Status
            ========= ==================== =============================== ========== ============
            slot #0   LunaNet Slot         par0                            154438865287 Present
            slot #1   LunaNet Slot         par1                            1238700701509 Present
            slot #2   -                    -                               -          Not present
            slot #3   -                    -                               -          Not present
            slot #4   -                    -                               -          Not present


            """)
    }

    @Test func haAdminShowAndListSlotsWithAGroup() throws {
        #expect(try run("haAdmin", "newGroup", "-serialNum", "154438865287", "-label", "myHAgroup", "-password", "userpin1").output
                == "\nNew group with label \"myHAgroup\" created at group number 1154438865287.\n\n")
        let added = try run("haAdmin", "addMember", "-group", "1154438865287", "-serialNum", "1238700701509", "-password", "userpin1")
        #expect(added.status == 0)
        #expect(added.output == "\nMember 1238700701509 successfully added to group 1154438865287.\n\n")
        #expect(try run("haAdmin", "autoRecovery", "-retry", "-1").output == "\nHA Auto Recovery Count has been set to -1.\n\n")
        let shown = try run("haAdmin", "show")
        #expect(shown.output == """

            ================ HA Global Configuration Settings ===============

            HA Proxy: disabled
            HA Auto Recovery: enabled
            Maximum Auto Recovery Retry: -1
            Auto Recovery Poll Interval: 60 seconds
            HA Logging: disabled
            HA Log File: <not set>
            Maximum HA Log File Length: <not set>
            Only Show HA Slots: no

            ================ HA Group and Member Information ================

            HA Group Label: myHAgroup
            HA Group Number: 1154438865287
            HA Group Slot #: 5
            Synchronization: enabled
            Group Members: 154438865287, 1238700701509
            Standby members:

            Slot # Member S/N Member Label Status
            ====== ========== ============ ======
            0      154438865287 par0         alive
            1      1238700701509 par1         alive


            """)
        let slots = try run("listSlots").output
        #expect(slots.contains("\nslot #5   HA Virtual Card Slot myHAgroup                       1154438865287 Present\n"))
        #expect(slots.hasPrefix("Number of slots: 6\n"))
        #expect(try run("haAdmin", "-HAOnly", "-enable").output == "\nHA Only mode has been enabled.\n\n")
        #expect(try run("listSlots").output.hasPrefix("Number of slots: 1\n"))
        #expect(try run("haAdmin", "-HAOnly", "-show").output == "\nHA Only mode is enabled.\n\n")
        #expect(try run("haAdmin", "-standbyMembers", "-set", "-group", "myHAgroup", "-serialNum", "1238700701509").output
                == "\nMember 1238700701509 of group myHAgroup is now a standby member.\n\n")
        #expect(try run("haAdmin", "show").output.contains("\nStandby members: 1238700701509\n"))
        #expect(try run("haAdmin", "-standbyMembers", "-remove", "-group", "myHAgroup", "-serialNum", "1238700701509").status == 0)
        #expect(try run("haAdmin", "synchronize", "-group", "myHAgroup", "-password", "userpin1").output
                == "\nSynchronization of group myHAgroup complete: 0 object(s) replicated.\n\n")
        #expect(try run("haAdmin", "removeMember", "-group", "myHAgroup", "-serialNum", "1238700701509").output
                == "\nMember 1238700701509 successfully removed from group myHAgroup.\n\n")
    }

    @Test func createCertWritesTheSimulatedFilesUnderTheHome() throws {
        let outcome = try run("createCert", "-n", "web1")
        #expect(outcome.output == "\nPrivate Key created and written to: /usr/safenet/lunaclient/cert/client/web1Key.pem\n\nCertificate created and written to: /usr/safenet/lunaclient/cert/client/web1.pem\n\n")
        let key = home + "/client-files/usr/safenet/lunaclient/cert/client/web1Key.pem"
        let certificate = home + "/client-files/usr/safenet/lunaclient/cert/client/web1.pem"
        #expect(files.modes[key] == 0o600 && files.modes[certificate] == 0o644)
        #expect(String(decoding: try files.read(certificate), as: UTF8.self).hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        #expect(conf.contains("   ClientCertFile = /usr/safenet/lunaclient/cert/client/web1.pem;\n"))
    }

    @Test func addServerAddsTheCertificateToTheCAFile() throws {
        #expect(try run("deleteServer", "-n", "192.0.2.12").output == "\nServer 192.0.2.12 successfully removed from server list.\n\n")
        files.files["/tmp/server.pem"] = Array("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".utf8)
        #expect(try run("addServer", "-n", "192.0.2.12", "-c", "/tmp/server.pem").output == "\nNew server 192.0.2.12 successfully added to server list.\n\n")
        let ca = home + "/client-files/usr/safenet/lunaclient/cert/server/CAFile.pem"
        #expect(files.files[ca] == files.files["/tmp/server.pem"])
        #expect(try run("listServers").output == """

            Server ID Server                         Channel HTL Required
            ========= ============================== ======= ============
            0         192.0.2.11                     NTLS    no
            1         192.0.2.12                     NTLS    no


            """)
    }

    @Test func refusalsChangeNothing() throws {
        files.files["/tmp/server.pem"] = Array("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".utf8)
        files.files["/tmp/notes.txt"] = Array("hello\n".utf8)
        try expectUnchanged("addServer", "-n", "192.0.2.11", "-c", "/tmp/server.pem",
                            output: "\n        Server 192.0.2.11 is already registered (server ID 0).\n\nCommand Result : 0x7 (CKR_ARGUMENTS_BAD)\n")
        _ = try run("deleteServer", "-n", "192.0.2.11")
        try expectUnchanged("addServer", "-n", "192.0.2.11", "-c", "/tmp/missing.pem",
                            output: "\n        Unable to read the server certificate file /tmp/missing.pem.\n\nCommand Result : 0x7 (CKR_ARGUMENTS_BAD)\n")
        try expectUnchanged("addServer", "-n", "192.0.2.11", "-c", "/tmp/notes.txt",
                            output: "\n        The file /tmp/notes.txt is not a PEM certificate (no BEGIN CERTIFICATE line).\n\nCommand Result : 0x7 (CKR_ARGUMENTS_BAD)\n")
        try expectUnchanged("addServer", "-n", "10.9.9.9", "-c", "/tmp/server.pem",
                            output: "\n        No Network HSM of the simulated fleet answers at 10.9.9.9.\n\nCommand Result : 0x30 (CKR_DEVICE_ERROR)\n")
        try expectUnchanged("deleteServer", "-n", "192.0.2.11",
                            output: "\n        Server 192.0.2.11 is not registered with this client.\n\nCommand Result : 0x7 (CKR_ARGUMENTS_BAD)\n")
        try expectUnchanged("createCert", "-n", "a/b",
                            output: "\n        Invalid client name \"a/b\": use 1 to 64 letters, digits, '.', '-' or '_'.\n\nCommand Result : 0x7 (CKR_ARGUMENTS_BAD)\n")
        try expectUnchanged("haAdmin", "newGroup", "-serialNum", "1238700701509", "-label", "g", "-password", "wrong",
                            output: "\n        The password is incorrect for the Crypto Officer of partition par1 (1238700701509).\n\nCommand Result : 0xa0 (CKR_PIN_INCORRECT)\n")
        try expectUnchanged("haAdmin", "newGroup", "-serialNum", "154438865287", "-label", "g", "-password", "userpin1",
                            output: "\n        Partition par0 (154438865287) is not visible to this client: its Network HSM 700101 at 192.0.2.11 is not registered in Chrystoki.conf (register it with 'clientconfig deploy' or 'vtl addServer').\n\nCommand Result : 0x3 (CKR_SLOT_ID_INVALID)\n")
        #expect(files.files.keys.sorted() == ["/tmp/notes.txt", "/tmp/server.pem"], "no file written by a refusal")
    }

    @Test func verifyListsWhatTheClientReaches() throws {
        #expect(try run("verify").output == """

            The following Luna SA Slots/Partitions were found:

            Slot   Serial #         Label
            ====   ================ =====
            0      154438865287     par0
            1      1238700701509    par1


            """)
        _ = try run("deleteServer", "-n", "192.0.2.11")
        _ = try run("deleteServer", "-n", "192.0.2.12")
        #expect(try run("verify").output == "\nError: Could not find any Luna SA Slots/Partitions.\n\n")
        #expect(try run("listServers").output == "\nThere are no servers registered with this client.\n\n")
    }
}
