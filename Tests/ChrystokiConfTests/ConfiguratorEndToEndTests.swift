#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ChrystokiConf

/// Runs the `configurator` built next to this test bundle as a real process: refusals exit 1 with
/// one line on stderr and leave the file byte-identical. The unprivileged case switches to
/// `nobody` with setpriv (root ignores file modes, so it cannot be checked in-process as root);
/// it needs root and setpriv and is skipped otherwise.
@Suite(.enabled(if: BuiltConfigurator.path != nil, "the configurator binary is not built"))
struct ConfiguratorEndToEndTests {
    static var binary: String? { BuiltConfigurator.path }

    static let canSwitchUser = geteuid() == 0 && access("/usr/bin/setpriv", X_OK) == 0

    static let adminMessage = "LunaCM needs administrator privileges to change the client configuration file."

    /// A root-owned 0644 file in a 0755 directory, as /etc/Chrystoki.conf is.
    static func clientHome(_ text: String = "Luna = {\n   DefaultTimeOut = 500000;\n}\n") throws -> String {
        let dir = try AtomicFileTests.scratchDirectory()
        #expect(chmod(dir, 0o755) == 0)
        try AtomicFile.write(Array(text.utf8), to: dir + "/Chrystoki.conf", defaultMode: 0o644)
        return dir
    }

    /// Runs a command with a clean environment; returns exit status, stdout and stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let scratch = try AtomicFileTests.scratchDirectory()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, scratch + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, scratch + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = [strdup("PATH=/usr/bin:/bin"), nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        #expect(posix_spawn(&pid, arguments[0], &actions, nil, &argv, &envp) == 0)
        var status: Int32 = 0
        #expect(waitpid(pid, &status, 0) == pid)
        func text(_ name: String) -> String {
            let bytes = (try? AtomicFile.read(scratch + "/" + name)) ?? []
            return String(decoding: bytes, as: UTF8.self)
        }
        return ((status >> 8) & 0xFF, text("out"), text("err"))
    }

    @Test(.enabled(if: canSwitchUser, "needs root and setpriv to run as nobody"))
    func anUnprivilegedUserGetsTheAdministratorMessageAndTheFileIsUnchanged() throws {
        let home = try Self.clientHome()
        let before = try AtomicFile.read(home + "/Chrystoki.conf")
        let nobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", try #require(Self.binary)]
        for command in [["setValue", "-s", "Luna", "-e", "DefaultTimeOut", "-v", "1"],
                        ["deleteValue", "-s", "Luna", "-e", "DefaultTimeOut"]] {
            let result = try Self.run(nobody + command + ["--home", home])
            #expect(result.status == 1)
            #expect(result.err == "Unable to write \(home)/Chrystoki.conf: \(Self.adminMessage)\n")
            #expect(try AtomicFile.read(home + "/Chrystoki.conf") == before)
        }
        let read = try Self.run(nobody + ["getValue", "-s", "luna", "-e", "DefaultTimeOut", "--home", home])
        #expect(read.status == 0 && read.out == "500000\n")
    }

    @Test func setGetAndDeleteAValue() throws {
        let home = try Self.clientHome()
        let binary = try #require(Self.binary)
        #expect(try Self.run([binary, "setValue", "-s", "Misc", "-e", "ToolsDir", "-v", "/opt/x y", "--home", home]).status == 0)
        #expect(try Self.run([binary, "getValue", "-s", "Misc", "-e", "ToolsDir", "--home", home]).out == "/opt/x y\n")
        #expect(try Self.run([binary, "deleteValue", "-s", "Misc", "-e", "ToolsDir", "--home", home]).status == 0)
        let missing = try Self.run([binary, "getValue", "-s", "Misc", "-e", "ToolsDir", "--home", home])
        #expect(missing.status == 1 && missing.err == "\(home)/Chrystoki.conf: entry 'ToolsDir' not found in section 'Misc'\n")
        let text = String(decoding: try AtomicFile.read(home + "/Chrystoki.conf"), as: UTF8.self)
        #expect(text == "Luna = {\n   DefaultTimeOut = 500000;\n}\n\nMisc = {\n}\n")
    }

    @Test func aHostileValueIsRefusedAndTheFileIsUnchanged() throws {
        let home = try Self.clientHome()
        let before = try AtomicFile.read(home + "/Chrystoki.conf")
        let result = try Self.run([try #require(Self.binary), "setValue", "-s", "Luna", "-e", "DefaultTimeOut", "-v", "1; Evil = {", "--home", home])
        #expect(result.status == 1)
        #expect(result.err == "\(home)/Chrystoki.conf: invalid value \"1; Evil = {\": ';' is not allowed\n")
        #expect(try AtomicFile.read(home + "/Chrystoki.conf") == before)
    }

    @Test func aMalformedFileIsReportedWithLineAndColumn() throws {
        let home = try Self.clientHome("Luna = {\n   DefaultTimeOut = 500000\n}\n")
        let result = try Self.run([try #require(Self.binary), "setValue", "-s", "Luna", "-e", "DefaultTimeOut", "-v", "1", "--home", home])
        #expect(result.status == 1)
        #expect(result.err == "\(home)/Chrystoki.conf:2:27: missing ';' after value\n")
    }
}

/// The `configurator` executable in the build directory that holds this test bundle.
enum BuiltConfigurator {
    static let path: String? = {
        guard let exe = realpath("/proc/self/exe", nil) else { return nil }
        defer { free(exe) }
        var path = String(cString: exe)
        // .../debug/<Package>PackageTests.xctest -> .../debug/configurator
        while let slash = path.lastIndex(of: "/"), !path.hasSuffix("/.build") {
            path = String(path[..<slash])
            if access(path + "/configurator", X_OK) == 0 { return path + "/configurator" }
        }
        return nil
    }()
}
