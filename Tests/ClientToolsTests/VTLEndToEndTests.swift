import Foundation
import Testing

/// The built `vtl` beside `lunacm`, as provisioning scripts run them: the same state home and
/// Chrystoki.conf, so what one registers the other sees (issue 17, "Done when" 2 and 3).
@Suite struct VTLEndToEndTests {
    static let serverPEM = "-----BEGIN CERTIFICATE-----\nMIIBsimulatedserver\n-----END CERTIFICATE-----\n"

    /// The default fleet with HSM 700102 (192.0.2.12) not yet registered.
    static func homeWithOneServer() throws -> Tool {
        let tool = Tool()
        let fleet = try String(contentsOfFile: Tool.repositoryFile("Config/fleet.json"), encoding: .utf8)
            .replacing("\"server\": \"192.0.2.12\",", with: "\"server\": \"192.0.2.12\", \"registered\": false,")
        let path = tool.write(fleet, to: "fleet.json")
        #expect(try tool.lunacm("--fleet", path, "-q", "slot", "list").status == 0)
        return tool
    }

    static func serverLines(_ conf: String) -> [Substring] {
        conf.split(separator: "\n").filter { $0.contains("ServerName") || $0.contains("ServerPort") || $0.contains("ServerHtl") }
    }

    @Test func registerAServerSeeItAndRemoveIt() throws {
        let tool = try Self.homeWithOneServer()
        let before = tool.file(tool.confPath)
        #expect(Self.serverLines(before) == ["   ServerName00 = 192.0.2.11;", "   ServerPort00 = 1792;", "   ServerHtl00 = 0;"])
        #expect(!(try tool.lunacm("-q", "slot", "list")).out.contains("par1"))

        let cert = try tool.vtl("createCert", "-n", "web1-20261207")
        #expect(cert.status == 0)
        #expect(cert.out.contains("Certificate created and written to: /usr/safenet/lunaclient/cert/client/web1-20261207.pem"))
        #expect(tool.file(tool.home + "/client-files/usr/safenet/lunaclient/cert/client/web1-20261207.pem").hasPrefix("-----BEGIN CERTIFICATE-----"))

        let pem = tool.write(Self.serverPEM, to: "server.pem")
        let added = try tool.run("vtl", ["addserver", "-n", "192.0.2.12", "-c", pem])
        #expect(added.status == 0 && added.out == "\nNew server 192.0.2.12 successfully added to server list.\n\n")
        let listed = try tool.vtl("listServers")
        #expect(listed.out.contains("\n1         192.0.2.12                     NTLS    no\n"))
        // lunacm's clientconfig reads the same registration.
        let clientconfig = try tool.lunacm("-q", "clientconfig", "listservers")
        #expect(clientconfig.status == 0 && clientconfig.out.contains("        1             192.0.2.12                NTLS      no\n"), "\(clientconfig.out)")
        #expect(try tool.lunacm("-q", "slot", "list").out.contains("par1"))
        #expect(try tool.vtl("verify").out.contains("\n1      1238700701509    par1\n"))

        let removed = try tool.vtl("deleteServer", "-n", "192.0.2.12")
        #expect(removed.status == 0 && removed.out == "\nServer 192.0.2.12 successfully removed from server list.\n\n")
        #expect(Self.serverLines(tool.file(tool.confPath)) == Self.serverLines(before))
        #expect(!(try tool.lunacm("-q", "slot", "list")).out.contains("par1"))
        #expect(!(try tool.vtl("listServers")).out.contains("192.0.2.12"))
        #expect(!(try tool.lunacm("-q", "clientconfig", "listservers")).out.contains("192.0.2.12"))
    }

    @Test func listSlotsAndHaAdminShowWhatScriptsGrep() throws {
        let tool = Tool()
        #expect(try tool.lunacm("-q", "hagroup", "createGroup", "-label", "myHAgroup", "-slot", "0", "-password", "userpin1").status == 0)
        let added = try tool.run("lunacm", ["-q", "hagroup", "addMember", "-group", "myHAgroup", "-slot", "1", "-password", "userpin1"], stdin: "copy\n")
        #expect(added.status == 0)
        let slots = try tool.vtl("listSlots")
        #expect(slots.status == 0)
        #expect(slots.out.contains("HA Virtual Card Slot"))
        #expect(slots.out.contains("LunaNet Slot"))
        let shown = try tool.vtl("haAdmin", "show")
        let lines = shown.out.split(separator: "\n")
        #expect(lines.contains("HA Group Label: myHAgroup"))
        // As the CredHub job reads it: the 4th field of the `HA Group Number:` line.
        let number = lines.first { $0.hasPrefix("HA Group Number:") }?.split(separator: " ")[3]
        #expect(number == "1154438865287")
        // vtl's HA Only switch is lunacm's.
        #expect(try tool.vtl("haAdmin", "-HAOnly", "-enable").status == 0)
        #expect(try tool.lunacm("-q", "hagroup", "HAOnly", "-show").out.contains("HA Only mode is enabled."))
    }

    @Test func refusalsExitOneAndChangeNothing() throws {
        let tool = Tool()
        #expect(try tool.lunacm("-q", "hagroup", "createGroup", "-label", "g", "-slot", "0", "-password", "userpin1").status == 0)
        let conf = tool.bytes(tool.confPath)
        let state = try tool.export()
        let pem = tool.write(Self.serverPEM, to: "server.pem")
        for arguments in [["deleteServer", "-n", "192.0.2.11"], ["addServer", "-n", "192.0.2.12", "-c", pem],
                          ["addServer", "-n", "10.1.1.1", "-c", pem], ["addServer", "-n", "192.0.2.12"],
                          ["frobnicate"], ["haAdmin", "addMember", "-group", "g", "-serialNum", "1238700701509", "-password", "nope"]] {
            let result = try tool.run("vtl", arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.out.contains("\nCommand Result : 0x"), "\(arguments)")
            #expect(tool.bytes(tool.confPath) == conf, "\(arguments)")
            #expect(try tool.export() == state, "\(arguments)")
        }
        let member = try tool.vtl("deleteServer", "-n", "192.0.2.11")
        #expect(member.out == "\n        Partition 154438865287 on 192.0.2.11 is a member of HA group g; remove it from the group first, or add -force.\n\nCommand Result : 0x80000030 (CKR_OPERATION_NOT_ALLOWED)\n")
    }

    @Test func aBlankClientRehearsesRegistrationFromNothing() throws {
        let tool = Tool()
        let listing = try tool.lunacm("--fleet", Tool.repositoryFile("Config/fleets/blank-client.json"), "-q", "slot", "list")
        #expect(listing.out == "\n        No slots are available.\n\nCommand Result : No Error\n")
        #expect(!tool.file(tool.confPath).contains("ServerName"))
        let refused = try tool.lunacm("-q", "hagroup", "createGroup", "-label", "g", "-serialNumber", "1238700701509", "-password", "userpin1")
        #expect(refused.status == 1)
        #expect(refused.out.contains("Partition par1 (1238700701509) is not visible to this client: its Network HSM 700102 at 192.0.2.12 is not registered in Chrystoki.conf"))
        #expect(try tool.vtl("listServers").out == "\nThere are no servers registered with this client.\n\n")
        // The appliance has not assigned the partition: registering the server is not enough.
        let pem = tool.write(Self.serverPEM, to: "server.pem")
        #expect(try tool.vtl("addServer", "-n", "192.0.2.12", "-c", pem).status == 0)
        #expect(try tool.vtl("verify").out == "\nError: Could not find any Luna SA Slots/Partitions.\n\n")
        let export = try tool.export()
        #expect(export.contains("\"registered\" : true"))
        #expect(export.contains("\"assigned\" : false"))
    }

    /// Issue 14: addMember of a partition whose server is not registered fails with the reason
    /// and changes nothing; registering the server again lets it join.
    @Test func aMemberOnAnUnregisteredServerCannotJoin() throws {
        let tool = Tool()
        #expect(try tool.lunacm("-q", "hagroup", "createGroup", "-label", "g", "-slot", "0", "-password", "userpin1").status == 0)
        #expect(try tool.vtl("deleteServer", "-n", "192.0.2.12").status == 0)
        let conf = tool.bytes(tool.confPath)
        let state = try tool.export()
        let refused = try tool.run("lunacm", ["-q", "hagroup", "addMember", "-group", "g", "-slot", "1", "-password", "userpin1"], stdin: "copy\n")
        #expect(refused.status == 1)
        #expect(refused.out.hasSuffix("\n        Partition par1 (1238700701509) is not visible to this client: its Network HSM 700102 at 192.0.2.12 is not registered in Chrystoki.conf (register it with 'clientconfig deploy' or 'vtl addServer').\n\nCommand Result : 0x3 (CKR_SLOT_ID_INVALID)\n"))
        #expect(tool.bytes(tool.confPath) == conf)
        #expect(try tool.export() == state)
        let pem = tool.write(Self.serverPEM, to: "server.pem")
        #expect(try tool.vtl("addServer", "-n", "192.0.2.12", "-c", pem).status == 0)
        let joined = try tool.run("lunacm", ["-q", "hagroup", "addMember", "-group", "g", "-slot", "1", "-password", "userpin1"], stdin: "copy\n")
        #expect(joined.status == 0, "\(joined.out)")
    }

    @Test func vtlFollowsChrystokiConfigurationPath() throws {
        var tool = Tool()
        let confDirectory = tool.scratch + "/etc"
        try FileManager.default.createDirectory(atPath: confDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Tool.repositoryFile("Config/Chrystoki.conf"), toPath: confDirectory + "/Chrystoki.conf")
        tool.environment["ChrystokiConfigurationPath"] = confDirectory
        #expect(try tool.vtl("deleteServer", "-n", "192.0.2.12").status == 0)
        #expect(!tool.file(confDirectory + "/Chrystoki.conf").contains("192.0.2.12"))
        #expect(!FileManager.default.fileExists(atPath: tool.confPath))
        #expect(!(try tool.lunacm("-q", "slot", "list")).out.contains("par1"))
    }
}
