import Foundation
import LunaSim
import Testing
@testable import VTLKit

/// vtl's command line: single-dash options in any case, the word after an option is its value,
/// anything unknown or missing is refused with a reason.
@Suite struct VTLCommandTests {
    @Test func theDeploymentScriptFormsParse() throws {
        #expect(try VTLCommand.parse(["createCert", "-n", "web1-20261207"]) == .createCert(name: "web1-20261207"))
        #expect(try VTLCommand.parse(["addserver", "-n", "192.0.2.11", "-c", "/tmp/server.pem"])
                == .addServer(host: "192.0.2.11", certificateFile: "/tmp/server.pem", port: 1792, htlRequired: false))
        #expect(try VTLCommand.parse(["addServer", "-c", "s.pem", "-N", "h", "-port", "2000", "-htl"])
                == .addServer(host: "h", certificateFile: "s.pem", port: 2000, htlRequired: true))
        #expect(try VTLCommand.parse(["deleteServer", "-n", "h"]) == .deleteServer(host: "h", force: false))
        #expect(try VTLCommand.parse(["deleteServer", "-n", "h", "-force"]) == .deleteServer(host: "h", force: true))
        #expect(try VTLCommand.parse(["listServers"]) == .listServers)
        #expect(try VTLCommand.parse(["verify"]) == .verify)
        #expect(try VTLCommand.parse(["listSlots"]) == .listSlots)
        #expect(try VTLCommand.parse(["haAdmin", "show"]) == .haShow)
        #expect(try VTLCommand.parse(["haAdmin", "-HAOnly", "-enable"]) == .haOnly(enabled: true))
        #expect(try VTLCommand.parse(["haAdmin", "HAOnly", "-disable"]) == .haOnly(enabled: false))
        #expect(try VTLCommand.parse(["haAdmin", "newGroup", "-serialNum", "1", "-label", "g", "-p", "pw"])
                == .haNewGroup(label: "g", serial: "1", password: "pw"))
        #expect(try VTLCommand.parse(["haAdmin", "addMember", "-group", "11", "-serialnum", "2", "-password", "pw"])
                == .haAddMember(group: "11", serial: "2", password: "pw"))
        #expect(try VTLCommand.parse(["haAdmin", "autorecovery", "-retry", "-1"]) == .haAutoRecovery(retry: -1))
        #expect(try VTLCommand.parse(["haAdmin", "removeMember", "-group", "g", "-serial", "3"]) == .haRemoveMember(group: "g", serial: "3"))
        #expect(try VTLCommand.parse(["haAdmin", "-standbyMembers", "-set", "-group", "g", "-serialnum", "2"])
                == .haStandby(group: "g", serial: "2", standby: true))
        #expect(try VTLCommand.parse(["haAdmin", "synchronize", "-group", "1156908040", "-p", "pw"])
                == .haSynchronize(group: "1156908040", password: "pw"))
        #expect(try VTLCommand.parse(["--help"]) == .help(topic: nil))
        #expect(try VTLCommand.parse(["addServer", "-help"]) == .help(topic: "addServer"))
    }

    @Test func aValueThatStartsWithADashIsAValue() throws {
        #expect(try VTLCommand.parse(["createCert", "-n", "-odd"]) == .createCert(name: "-odd"))
    }

    @Test(arguments: [
        (["bogus"], "Unknown command 'bogus'. Run 'vtl --help' for the commands."),
        (["createCert"], "Missing -n <client name>."),
        (["createCert", "-n"], "Option -n needs a value."),
        (["addServer", "-n", "h"], "Missing -c <server certificate file>."),
        (["addServer", "-n", "h", "-c", "f", "-port", "0"], "The value of -port must be a number from 1 to 65535, not '0'."),
        (["listSlots", "extra"], "Unexpected argument 'extra'."),
        (["createCert", "-n", "a", "-n", "b"], "Option -n is given more than once."),
        (["haAdmin"], "haAdmin needs a subcommand: show, -HAOnly, newGroup, addMember, removeMember, -standbyMembers, synchronize or autoRecovery."),
        (["haAdmin", "-standbyMembers", "-group", "g", "-serialNum", "1"], "haAdmin -standbyMembers takes exactly one of -set or -remove."),
        (["haAdmin", "synchronize", "-group", "g"], "Missing -password <Crypto Officer password>."),
        (["haAdmin", "-HAOnly"], "haAdmin -HAOnly takes exactly one of -enable, -disable or -show."),
        (["haAdmin", "-HAOnly", "-enable", "-disable"], "haAdmin -HAOnly takes exactly one of -enable, -disable or -show."),
        (["haAdmin", "autoRecovery", "-retry", "501"], "The value of -retry must be a number from -1 to 500, not '501'."),
        (["haAdmin", "frobnicate"], "Unknown haAdmin subcommand 'frobnicate'. Run 'vtl haAdmin -help'."),
    ])
    func badCommandLinesAreRefused(_ words: [String], _ reason: String) {
        #expect(throws: LunaError(.argumentsBad, reason)) { try VTLCommand.parse(words) }
    }

    @Test func homeIsTakenFromAnywhereOnTheLine() throws {
        let split = try VTLHome.splitHome(["listSlots", "--home", "/tmp/x"])
        #expect(split.home == "/tmp/x" && split.words == ["listSlots"])
        #expect(try VTLHome.splitHome(["--home=/h", "verify"]).home == "/h")
        #expect(throws: LunaError.self) { try VTLHome.splitHome(["verify", "--home"]) }
    }

    @Test func aRefusalIsRenderedAsLunaCMRendersOne() {
        #expect(VTLRenderer.failure(LunaError(.argumentsBad, "Missing -n <client name>."))
                == "\n        Missing -n <client name>.\n\nCommand Result : 0x7 (CKR_ARGUMENTS_BAD)\n")
    }
}
