import Testing
@testable import ChrystokiConf

/// `--home`, then `$LUNASIM_HOME`, then `~/.lunasim`; the conf follows
/// `$ChrystokiConfigurationPath` like the real client, and falls back to crystoki.ini.
@Suite struct ConfLocationTests {
    @Test func homePrecedence() {
        let env = ["LUNASIM_HOME": "/env/home", "HOME": "/root"]
        #expect(ConfLocation.home(explicit: "/flag", environment: env) == "/flag")
        #expect(ConfLocation.home(explicit: nil, environment: env) == "/env/home")
        #expect(ConfLocation.home(explicit: nil, environment: ["HOME": "/root", "LUNASIM_HOME": ""]) == "/root/.lunasim")
    }

    @Test func confPathFollowsChrystokiConfigurationPath() throws {
        #expect(ConfLocation.confPath(home: "/h", environment: [:]) == "/h/Chrystoki.conf")
        #expect(ConfLocation.confPath(home: "/h", environment: ["ChrystokiConfigurationPath": ""]) == "/h/Chrystoki.conf")
        #expect(ConfLocation.confPath(home: "/h", environment: ["ChrystokiConfigurationPath": "/etc/luna/"]) == "/etc/luna/Chrystoki.conf")
    }

    @Test func crystokiIniIsUsedWhenItIsTheOnlyFile() throws {
        let dir = try AtomicFileTests.scratchDirectory()
        #expect(ConfLocation.confPath(home: dir, environment: [:]) == dir + "/Chrystoki.conf")
        try AtomicFile.write(Array("[A]\n".utf8), to: dir + "/crystoki.ini")
        #expect(ConfLocation.confPath(home: dir, environment: [:]) == dir + "/crystoki.ini")
        try AtomicFile.write(Array("A = {\n}\n".utf8), to: dir + "/Chrystoki.conf")
        #expect(ConfLocation.confPath(home: dir, environment: [:]) == dir + "/Chrystoki.conf")
    }
}
