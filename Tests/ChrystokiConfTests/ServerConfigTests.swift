import Testing
@testable import ChrystokiConf

/// The `LunaSA Client` registration view: register, unregister (with renumbering) and the
/// certificate paths, each touching only its own lines.
@Suite struct ServerConfigTests {
    @Test func readsTheServersOfTheExampleFile() throws {
        let servers = ServerConfig(try ConfDocument.parse(Fixtures.linuxClient10)).servers
        #expect(servers == [
            RegisteredServerConfig(index: 0, name: "10.0.0.11", port: 1792, htlRequired: false),
            RegisteredServerConfig(index: 1, name: "10.0.0.12", port: 1792, htlRequired: false),
        ])
    }

    @Test func readingStopsAtTheFirstMissingIndex() throws {
        let text = "LunaSA Client = {\n   ServerName00 = a;\n   ServerName02 = c;\n   ServerCAFile = x;\n}\n"
        #expect(ServerConfig(try ConfDocument.parse(text)).servers.map(\.name) == ["a"])
    }

    @Test func registeringAppendsAfterTheLastServerInTheFileStyle() throws {
        var config = ServerConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        #expect(try config.register("hsm3.example.com") == 2)
        #expect(config.document.text == Fixtures.linuxClient10.replacing(
            "   ServerHtl01 = 0;\n",
            with: "   ServerHtl01 = 0;\n   ServerName02 = hsm3.example.com;\n   ServerPort02 = 1792;\n   ServerHtl02 = 0;\n"))
    }

    @Test func registeringInAnEmptyClientSectionGoesAfterItsLastEntry() throws {
        let text = "LunaSA Client = {\n   NetClient = 1;\n   HtlDir = /x/;\n}\n\nMisc = {\n}\n"
        var config = ServerConfig(try ConfDocument.parse(text))
        try config.register("192.0.2.11", port: 2000, htlRequired: true)
        #expect(config.document.text == "LunaSA Client = {\n   NetClient = 1;\n   HtlDir = /x/;\n   ServerName00 = 192.0.2.11;\n   ServerPort00 = 2000;\n   ServerHtl00 = 1;\n}\n\nMisc = {\n}\n")
    }

    @Test func registeringWithoutTheSectionCreatesIt() throws {
        var config = ServerConfig(try ConfDocument.parse("Luna = {\n   DefaultTimeOut = 500000;\n}\n"))
        try config.register("a")
        #expect(config.document.text == "Luna = {\n   DefaultTimeOut = 500000;\n}\n\nLunaSA Client = {\n   ServerName00 = a;\n   ServerPort00 = 1792;\n   ServerHtl00 = 0;\n}\n")
    }

    @Test func registeringInIniKeepsTheIniStyle() throws {
        let text = "[LunaSA Client]\r\nNetClient=1\r\nServerName00=server1\r\nServerPort00=1792\r\nServerHtl00=0\r\n[Misc]\r\nPE1746Enabled=0\r\n"
        var config = ServerConfig(try ConfDocument.parse(text, path: "crystoki.ini"))
        try config.register("server2")
        #expect(config.document.text == "[LunaSA Client]\r\nNetClient=1\r\nServerName00=server1\r\nServerPort00=1792\r\nServerHtl00=0\r\nServerName01=server2\r\nServerPort01=1792\r\nServerHtl01=0\r\n[Misc]\r\nPE1746Enabled=0\r\n")
    }

    @Test func aServerIsRegisteredOnceIgnoringCase() throws {
        var config = ServerConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        config.document = try ConfDocument.parse(Fixtures.linuxClient10.replacing("10.0.0.12", with: "HSM2.example.com"))
        let before = config.document
        #expect(throws: ConfError.self) { try config.register("hsm2.EXAMPLE.com") }
        #expect(config.document == before)
    }

    @Test(arguments: ["", "a b", "x;y", "host\n", "h{", "\u{e9}t\u{e9}"])
    func aBadHostIsRefusedAndNothingChanges(_ host: String) throws {
        var config = ServerConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        #expect(throws: ConfError.self) { try config.register(host) }
        #expect(config.document.text == Fixtures.linuxClient10)
    }

    @Test func unregisteringTheFirstRenumbersTheRestInPlace() throws {
        var config = ServerConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        try config.register("10.0.0.13")
        #expect(try config.unregister("10.0.0.11"))
        #expect(config.servers.map(\.name) == ["10.0.0.12", "10.0.0.13"])
        #expect(config.document.text == Fixtures.linuxClient10.replacing(
            "   ServerName00 = 10.0.0.11;\n   ServerPort00 = 1792;\n   ServerHtl00 = 0;\n   ServerName01 = 10.0.0.12;\n   ServerPort01 = 1792;\n   ServerHtl01 = 0;\n",
            with: "   ServerName00 = 10.0.0.12;\n   ServerPort00 = 1792;\n   ServerHtl00 = 0;\n   ServerName01 = 10.0.0.13;\n   ServerPort01 = 1792;\n   ServerHtl01 = 0;\n"))
    }

    @Test func registeringThenUnregisteringGivesTheFileBack() throws {
        var config = ServerConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        try config.register("10.0.0.99")
        #expect(try config.unregister("10.0.0.99"))
        #expect(config.document.text == Fixtures.linuxClient10)
    }

    @Test func unregisteringAnUnknownServerChangesNothing() throws {
        var config = ServerConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        #expect(try config.unregister("10.0.0.99") == false)
        #expect(config.document.text == Fixtures.linuxClient10)
    }

    @Test func unregisteringEveryServerLeavesTheOtherEntries() throws {
        var config = ServerConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        try config.unregister("10.0.0.12")
        try config.unregister("10.0.0.11")
        #expect(config.servers.isEmpty)
        #expect(config.document.value("HtlDir", in: "LunaSA Client") == "/usr/safenet/lunaclient/htl/")
        #expect(!config.document.text.contains("ServerName"))
        #expect(!config.document.text.contains("ServerPort"))
        #expect(config.serverCAFile == "/usr/safenet/lunaclient/cert/server/CAFile.pem")
    }

    @Test func theClientCertificatePathsChangeInPlace() throws {
        var config = ServerConfig(try ConfDocument.parse(Fixtures.linuxClient10))
        try config.setClientCertificate(certificate: "/c/web1.pem", privateKey: "/c/web1Key.pem")
        #expect(config.document.text == Fixtures.linuxClient10
            .replacing("ClientPrivKeyFile = /usr/safenet/lunaclient/cert/client/appclient01Key.pem;", with: "ClientPrivKeyFile = /c/web1Key.pem;")
            .replacing("ClientCertFile = /usr/safenet/lunaclient/cert/client/appclient01.pem;", with: "ClientCertFile = /c/web1.pem;"))
        #expect(config.clientCertFile == "/c/web1.pem" && config.clientPrivKeyFile == "/c/web1Key.pem")
    }

    @Test func serverKeysAreRecognisedOnlyInTheLibrarySpelling() {
        #expect(ServerConfig.serverIndex(of: "ServerName07")! == (7, "Name"))
        #expect(ServerConfig.serverIndex(of: "ServerHtl12")! == (12, "Htl"))
        #expect(ServerConfig.serverIndex(of: "ServerCAFile") == nil)
        #expect(ServerConfig.serverIndex(of: "ServerName7") == nil)
        #expect(ServerConfig.serverIndex(of: "ServerName007") == nil)
    }
}
