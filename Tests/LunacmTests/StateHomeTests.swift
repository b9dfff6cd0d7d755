import Foundation
import Testing

@Suite struct StateHomeTests {
    @Test func firstUseCreatesAPrivateHomeWithStateAndConf() throws {
        let lunacm = Lunacm()
        #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: lunacm.home + "/state.db")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(lunacm.file(lunacm.confPath).contains("LunaSA Client = {"))
    }

    @Test func homeFlagWinsOverTheEnvironment() throws {
        let lunacm = Lunacm()
        let other = lunacm.home + "-flag"
        #expect(try lunacm.run(["--home", other, "-c", "slot", "list"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: other + "/state.db"))
        #expect(!FileManager.default.fileExists(atPath: lunacm.home))
    }

    @Test func chrystokiConfigurationPathMovesTheConf() throws {
        var lunacm = Lunacm()
        let confDirectory = lunacm.home + "-etc"
        try FileManager.default.createDirectory(atPath: confDirectory, withIntermediateDirectories: true)
        lunacm.environment["ChrystokiConfigurationPath"] = confDirectory
        #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: confDirectory + "/Chrystoki.conf"))
        #expect(!FileManager.default.fileExists(atPath: lunacm.home + "/Chrystoki.conf"))
    }

    @Test func fleetFileSeedsANewHomeAndExportRoundTrips() throws {
        let lunacm = Lunacm()
        let fleet = lunacm.scratch + "/fleet.json"
        try #"{"hsms":[{"serial":"9","partitions":[{"label":"solo","serial":"0042","slot":3,"coPassword":"pw123456"}]}]}"#
            .write(toFile: fleet, atomically: true, encoding: .utf8)
        let listing = try lunacm.run(["--fleet", fleet, "-c", "slot", "list"])
        #expect(listing.status == 0)
        #expect(listing.out.contains("Label ->                solo"))
        #expect(listing.out.contains("Serial Number ->        0042"))
        let exported = try lunacm.export()
        #expect(!exported.contains("pw123456"))
        let other = Lunacm()
        let exportPath = other.scratch + "/exported.json"
        try exported.write(toFile: exportPath, atomically: true, encoding: .utf8)
        #expect(try other.run(["--fleet", exportPath, "-c", "slot", "list"]).out == listing.out)
        #expect(try other.export() == exported)
    }

    @Test func fleetFileWithAnUnknownFieldIsExitTwoAndWritesNothing() throws {
        let lunacm = Lunacm()
        let fleet = lunacm.scratch + "/bad.json"
        try #"{"hsms":[{"serial":"9","partitions":[{"label":"p","serial":"1","slot":0,"colour":"red"}]}]}"#
            .write(toFile: fleet, atomically: true, encoding: .utf8)
        let result = try lunacm.run(["--fleet", fleet, "-c", "slot", "list"])
        #expect(result.status == 2)
        #expect(result.err.contains("hsms[0].partitions[0].colour: unknown field"))
        #expect(result.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: lunacm.home))
    }

    @Test func fleetOnAnExistingHomeNeedsReset() throws {
        let lunacm = Lunacm()
        #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
        let fleet = lunacm.scratch + "/fleet.json"
        try #"{"hsms":[{"serial":"9","partitions":[{"label":"solo","serial":"42","slot":0}]}]}"#
            .write(toFile: fleet, atomically: true, encoding: .utf8)
        let ignored = try lunacm.run(["--fleet", fleet, "-c", "slot", "list"])
        #expect(ignored.err.contains("--reset"))
        #expect(ignored.out.contains("par0"))
        let reset = try lunacm.run(["--fleet", fleet, "--reset", "-c", "slot", "list"])
        #expect(reset.out.contains("solo") && !reset.out.contains("par0"))
    }

    @Test func aFailingCommandLeavesStateAndConfUnchanged() throws {
        let lunacm = Lunacm()
        #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
        let state = try lunacm.fingerprint()
        let conf = lunacm.file(lunacm.confPath)
        for bad in ["slot set -slot 9", "bogus", "slot set -slot", "slot set -slot 1 -slot 2", "slot set -slot \"x"] {
            #expect(try lunacm.run(["-c", bad]).status == 1, "\(bad)")
        }
        #expect(try lunacm.fingerprint() == state)
        #expect(lunacm.file(lunacm.confPath) == conf)
    }
}
