import Foundation
import Testing

/// Issue 17, "Done when" 1: a public Helm chart's lunaclient script builds the whole HA
/// configuration with `configurator setValue` (no lunacm command), including `reconnAtt -1`;
/// lunacm then reads it back exactly as if it had written it.
@Suite struct HelmChartSequenceTests {
    /// The chart's calls, in its order, with the values of a two-member group over the default
    /// fleet (the chart writes `VirtualToken00SN` as "1" + the first member's serial).
    static let chartCalls: [[String]] = [
        ["setValue", "-s", "Chrystoki2", "-e", "LibUNIX", "-v", "/usr/safenet/lunaclient/libs/64/libCryptoki2.so"],
        ["setValue", "-s", "Chrystoki2", "-e", "LibUNIX64", "-v", "/usr/safenet/lunaclient/libs/64/libCryptoki2_64.so"],
        ["setValue", "-s", "Misc", "-e", "ToolsDir", "-v", "/usr/safenet/lunaclient/bin/64/"],
        ["setValue", "-s", "Misc", "-e", "MutexFolder", "-v", "/usr/safenet/lunaclient/lock"],
        ["setValue", "-s", "LunaSA Client", "-e", "SSLConfigFile", "-v", "/usr/safenet/lunaclient/openssl.cnf"],
        ["setValue", "-s", "LunaSA Client", "-e", "ServerCAFile", "-v", "/usr/safenet/lunaclient/config/certs/CAFile.pem"],
        ["setValue", "-s", "LunaSA Client", "-e", "ClientCertFile", "-v", "/usr/safenet/lunaclient/config/certs/"],
        ["setValue", "-s", "LunaSA Client", "-e", "ClientPrivKeyFile", "-v", "/usr/safenet/lunaclient/config/certs/"],
        ["setValue", "-s", "Secure Trusted Channel", "-e", "ClientTokenLib", "-v", "/usr/safenet/lunaclient/libs/64/libSoftToken.so"],
        ["setValue", "-s", "Secure Trusted Channel", "-e", "SoftTokenDir", "-v", "/usr/safenet/lunaclient/config/stc/token"],
        ["setValue", "-s", "Secure Trusted Channel", "-e", "ClientIdentitiesDir", "-v", "/usr/safenet/lunaclient/config/stc/client_identities"],
        ["setValue", "-s", "Secure Trusted Channel", "-e", "PartitionIdentitiesDir", "-v", "/usr/safenet/lunaclient/config/stc/partition_identities"],
        ["setValue", "-s", "VirtualToken", "-e", "VirtualToken00Label", "-v", "myHAgroup"],
        ["setValue", "-s", "VirtualToken", "-e", "VirtualToken00SN", "-v", "1154438865287"],
        ["setValue", "-s", "VirtualToken", "-e", "VirtualToken00Members", "-v", "154438865287,1238700701509"],
        ["setValue", "-s", "VirtualToken", "-e", "VirtualTokenActiveRecovery", "-v", "activeEnhanced"],
        ["setValue", "-s", "HASynchronize", "-e", "myHAgroup", "-v", "1"],
        ["setValue", "-s", "HAConfiguration", "-e", "haLogStatus", "-v", "enabled"],
        ["setValue", "-s", "HAConfiguration", "-e", "reconnAtt", "-v", "-1"],
        ["setValue", "-s", "HAConfiguration", "-e", "HAOnly", "-v", "1"],
        ["setValue", "-s", "HAConfiguration", "-e", "haLogPath", "-v", "/var/log/lunasim"],
        ["setValue", "-s", "HAConfiguration", "-e", "logLen", "-v", "100000000"],
    ]

    /// The chart copies the client's template conf into place first; here, the default conf.
    static func freshHome() throws -> Tool {
        let tool = Tool()
        try FileManager.default.createDirectory(atPath: tool.home, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Tool.repositoryFile("Config/Chrystoki.conf"), toPath: tool.confPath)
        return tool
    }

    @Test func theChartsConfiguratorCallsMakeAGroupLunacmLists() throws {
        let tool = try Self.freshHome()
        for call in Self.chartCalls {
            let result = try tool.run("configurator", call)
            #expect(result.status == 0 && result.err.isEmpty, "\(call): \(result.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: tool.home + "/state.db"), "no lunacm ran yet")
        let listed = try tool.lunacm("-q", "hagroup", "listgroups")
        #expect(listed.status == 0)
        #expect(listed.out.hasSuffix("""


                      HA auto recovery:  enabled
                      HA recovery mode:  activeEnhanced
           Maximum auto recovery retry:  -1
           Auto recovery poll interval:  60 seconds
                            HA logging:  enabled
                    Only Show HA Slots:  yes


                 HA Group Label:  myHAgroup
                HA Group Number:  1154438865287
               HA Group Slot ID:  5
               Synchronization: enabled
                  Group Members:  154438865287, 1238700701509
                     Needs sync:  unknown
                Standby Members:  <none>


        Slot #    Member S/N                      Member Label    Status
        ======    ==========                      ============    ======
        ------  154438865287                              par0     alive
        ------  1238700701509                              par1     alive

        Command Result : No Error

        """))
        let conf = tool.file(tool.confPath)
        #expect(conf.contains("   reconnAtt = -1;\n"))
        #expect(conf.contains("   ClientCertFile = /usr/safenet/lunaclient/config/certs/;\n"))
    }

    /// The whole script: configurator, then `vtl createCert -n <host>-<date>` and `vtl addserver`
    /// for each appliance. The appliance side (`client register`, `client assignPartition` over
    /// ssh) is outside the simulator: the fleet starts with both partitions assigned and neither
    /// server registered.
    @Test func theWholeScriptWithItsVtlCalls() throws {
        let tool = Tool()
        let fleet = try String(contentsOfFile: Tool.repositoryFile("Config/fleet.json"), encoding: .utf8)
            .replacing("\"server\": \"192.0.2.11\",", with: "\"server\": \"192.0.2.11\", \"registered\": false,")
            .replacing("\"server\": \"192.0.2.12\",", with: "\"server\": \"192.0.2.12\", \"registered\": false,")
        #expect(try tool.lunacm("--fleet", tool.write(fleet, to: "fleet.json"), "-q", "slot", "list").out
                == "\n        No slots are available.\n\nCommand Result : No Error\n")
        for call in Self.chartCalls {
            #expect(try tool.run("configurator", call).status == 0, "\(call)")
        }
        let cert = try tool.vtl("createCert", "-n", "web1-20261207")
        #expect(cert.out.contains("Certificate created and written to: /usr/safenet/lunaclient/config/certs/web1-20261207.pem\n"))
        #expect(FileManager.default.fileExists(atPath: tool.home + "/client-files/usr/safenet/lunaclient/config/certs/web1-20261207.pem"))
        let pem = tool.write("-----BEGIN CERTIFICATE-----\nMIIBserver\n-----END CERTIFICATE-----\n", to: "server.pem")
        for host in ["192.0.2.11", "192.0.2.12"] {
            // The chart types `vtl addserver -n <ip> -c  <pem>`.
            #expect(try tool.run("vtl", ["addserver", "-n", host, "-c", pem]).status == 0, "\(host)")
        }
        let listed = try tool.lunacm("-q", "hagroup", "listgroups")
        #expect(listed.out.contains("          Group Members:  154438865287, 1238700701509\n"))
        #expect(listed.out.contains("------  154438865287                              par0     alive\n"))
        #expect(listed.out.contains("   Maximum auto recovery retry:  -1\n"))
        let slots = try tool.vtl("listSlots")
        #expect(slots.out.hasPrefix("Number of slots: 1\n"), "HA Only is on: only the group's slot")
        #expect(slots.out.contains("slot #5   HA Virtual Card Slot myHAgroup"))
        #expect(tool.file(tool.home + "/client-files/usr/safenet/lunaclient/config/certs/CAFile.pem").components(separatedBy: "BEGIN CERTIFICATE").count == 3)
    }

    /// The same settings made with lunacm commands list the same way: the conf configurator wrote
    /// is read as if lunacm had written it.
    @Test func lunacmReadsTheConfiguratorsFileAsItsOwn() throws {
        let written = try Self.freshHome()
        for call in Self.chartCalls { try written.run("configurator", call) }

        let made = Tool()
        for command in [["hagroup", "createGroup", "-label", "myHAgroup", "-slot", "0", "-password", "userpin1"],
                        ["hagroup", "recoveryMode", "-mode", "activeEnhanced"],
                        ["hagroup", "retry", "-count", "-1"],
                        ["hagroup", "haLog", "-enable", "-path", "/var/log/lunasim", "-maxLength", "100000000"]] {
            let result = try made.run("lunacm", ["-q"] + command)
            #expect(result.status == 0, "\(command): \(result.out)")
        }
        let added = try made.run("lunacm", ["-q", "hagroup", "addMember", "-group", "myHAgroup", "-slot", "1", "-password", "userpin1"], stdin: "copy\n")
        #expect(added.status == 0, "\(added.out)")
        #expect(try made.lunacm("-q", "hagroup", "HAOnly", "-enable").status == 0)

        for command in [["hagroup", "listgroups"], ["slot", "list"], ["hagroup", "haLog", "-show"]] {
            let fromConfigurator = try written.run("lunacm", ["-q"] + command)
            let fromLunacm = try made.run("lunacm", ["-q"] + command)
            #expect(fromConfigurator.out == fromLunacm.out, "\(command)")
            #expect(fromConfigurator.status == fromLunacm.status)
        }
    }

    /// `-v` takes the next word whatever it looks like, `-s` a name with blanks; getValue and
    /// deleteValue take the same forms.
    @Test func valuesThatLookLikeOptionsAreValues() throws {
        let tool = try Self.freshHome()
        #expect(try tool.configurator("setValue", "-s", "HAConfiguration", "-e", "reconnAtt", "-v", "-5").status == 0)
        #expect(try tool.configurator("getValue", "-s", "HAConfiguration", "-e", "reconnAtt").out == "-5\n")
        #expect(try tool.configurator("setValue", "-s", "LunaSA Client", "-e", "ServerName02", "-v", "-x").status == 0)
        #expect(try tool.configurator("getValue", "-s", "LunaSA Client", "-e", "ServerName02").out == "-x\n")
        #expect(try tool.configurator("deleteValue", "-s", "LunaSA Client", "-e", "ServerName02").status == 0)
        let missing = try tool.configurator("getValue", "-s", "LunaSA Client", "-e", "ServerName02")
        #expect(missing.status == 1)
        #expect(missing.err == "\(tool.confPath): entry 'ServerName02' not found in section 'LunaSA Client'\n")
        // An entry named like an option is an entry too.
        #expect(try tool.configurator("setValue", "-s", "Misc", "-e", "-odd", "-v", "1").status == 0)
        #expect(try tool.configurator("getValue", "-s", "Misc", "-e", "-odd").out == "1\n")
    }

    @Test func aMissingValueIsAUsageErrorThatChangesNothing() throws {
        let tool = try Self.freshHome()
        let before = tool.bytes(tool.confPath)
        let result = try tool.configurator("setValue", "-s", "HAConfiguration", "-e", "reconnAtt", "-v")
        #expect(result.status != 0)
        #expect(result.err.contains("Missing value for '-v <value>'"))
        #expect(tool.bytes(tool.confPath) == before)
    }

    @Test func everyToolAnswersHelp() throws {
        let tool = Tool()
        for name in ["configurator", "vtl"] {
            let result = try tool.run(name, ["--help"])
            #expect(result.status == 0, "\(name)")
            #expect(result.out.contains("setValue") || result.out.contains("addServer"), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: tool.home), "--help creates no home")
    }
}
