import Foundation
import LunaShell
import Testing
@testable import lunacm

/// The process's own interface, as a user meets it before any LunaCM command: `--help`,
/// `--version`, and the usage errors (issue 13: the program called itself `options`).
@Suite struct ProcessInterfaceTests {
    @Test func helpNamesLunacmAndSaysWhatEachValueIs() throws {
        let result = try Lunacm().run(["--help"])
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(result.out.contains("USAGE: lunacm [<options>]"))
        #expect(!result.out.contains("options ["), "\(result.out)")
        for valueName in ["-c <command>", "-q <command>", "-f <file>", "--home <directory>", "--fleet <file>",
                          "--export <file>", "--record <file>", "--version"] {
            #expect(result.out.contains(valueName), "no \(valueName) in --help")
        }
        #expect(!result.out.contains("<c>") && !result.out.contains("<f>"))
    }

    @Test func helpExplainsInteractiveUseExitStatusesAndTheEnvironment() throws {
        let out = try Lunacm().run(["--help"]).out
        for text in ["interactive session", "lunacm:> prompt", "Exit status: 0", "1 when at least one failed",
                     "2 for", "LUNASIM_HOME", "LUNASIM_SEED", "LUNASIM_CLOCK", "ChrystokiConfigurationPath"] {
            #expect(out.contains(text), "no '\(text)' in --help")
        }
        // Wrapped by the parser at 80 columns: no line may overflow.
        #expect(out.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(out)")
    }

    @Test func versionNamesTheSimulatorAndTheLunaCMItMimics() throws {
        let lunacm = Lunacm()
        let result = try lunacm.run(["--version"])
        #expect(result.status == 0)
        #expect(result.out == "lunacm-sim \(Version.simulator) (simulates LunaCM v7.3.0)\n")
        #expect(!FileManager.default.fileExists(atPath: lunacm.home), "--version created a state home")
        // The banner shows the same LunaCM version.
        #expect(SlotListingRenderer.banner.contains("v\(Version.lunacm) "))
    }

    @Test(arguments: [["-c"], ["-q"], ["-c", ""], ["-q", "", " "], ["--home", "/nonexistent/x", "-c"], ["--echo", "-c", ""]])
    func aCommandFlagWithoutACommandIsAUsageError(_ arguments: [String]) throws {
        let lunacm = Lunacm()
        let result = try lunacm.run(arguments)
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        let flag = arguments.contains("-q") ? "-q" : "-c"
        #expect(result.err.hasPrefix("lunacm: Missing a command after '\(flag) <command>'"), "\(result.err)")
        #expect(result.err.contains("See 'lunacm --help'"))
        #expect(!FileManager.default.fileExists(atPath: lunacm.home), "a usage error created the state home")
    }

    @Test func anUnknownFlagIsAUsageErrorNamingLunacm() throws {
        let result = try Lunacm().run(["--bogus"])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("lunacm: Unknown option '--bogus'"), "\(result.err)")
        #expect(result.err.contains("Usage: lunacm "))
    }

    @Test func aQuotedCommandAfterDashCStillRuns() throws {
        let result = try Lunacm().run(["-c", "slot list"])
        #expect(result.status == 0)
        #expect(result.out.contains("Command Result : No Error"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsCompleteLunacm(_ shell: String) throws {
        let result = try Lunacm().run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.out.contains("lunacm"))
        // What the scripts held when the program called itself `options`.
        for old in ["__options_", "#compdef options", "complete -c 'options'", "-F _options "] {
            #expect(!result.out.contains(old), "the \(shell) script still names a command 'options'")
        }
        let flag = shell == "fish" ? "-l 'fleet'" : "--fleet"
        #expect(result.out.contains(flag), "no --fleet in the \(shell) script")
    }
}
