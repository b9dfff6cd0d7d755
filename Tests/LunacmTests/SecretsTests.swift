import Foundation
import Testing

/// Issue #7 item 5: passwords and challenges never reach output, error messages, the history
/// file, the database, exports or `--record` transcripts; the state files are private; the masked
/// prompt gives the terminal back after Ctrl-C.
@Suite struct SecretsTests {
    /// Distinctive, so a hit can only be a leak. Each is a whole secret as typed.
    static let coPassword = "Zq7-coPW-4815162342"
    static let challenge = "Ch4ll-PED-9078563412"
    static let wrongPassword = "Wr0ng-Guess-7731"
    static let promptPassword = "Typed-AtPrompt-5566"  // a fleet whose second HSM uses it
    static let secrets = [coPassword, challenge, wrongPassword, promptPassword]

    /// Two password HSMs (partitions on slots 0 and 1) and two PED HSMs (slots 2 and 3, with an
    /// activation challenge), all in one domain.
    static var fleet: String {
        func hsm(_ serial: Int, auth: String, slot: Int, objects: Bool, secret: String) -> String {
            let credential = auth == "ped"
                ? "\"coPassword\": \"\(secret)\", \"challenge\": \"\(challenge)\", \"activated\": true, \"policies\": {\"0\": 1, \"4\": 1, \"22\": 1, \"23\": 1}"
                : "\"coPassword\": \"\(secret)\", \"policies\": {\"0\": 1, \"4\": 1}"
            let objectList = objects ? ", \"objects\": [{\"label\": \"k\", \"class\": \"secretKey\", \"keyType\": \"AES\", \"size\": 256}]" : ""
            return """
                {"serial": "\(serial)", "kind": "network", "auth": "\(auth)",
                 "policies": {"7": 1, "12": 1, "15": 1, "16": 1, "21": 1},
                 "partitions": [{"label": "s\(slot)", "serial": "\(500_000_000_000 + slot)", "slot": \(slot),
                                 "domain": "dom1", \(credential), "coPasswordChanged": true\(objectList)}]}
                """
        }
        return "{\"hsms\": [" + [hsm(800_000, auth: "password", slot: 0, objects: false, secret: coPassword),
                                 hsm(800_001, auth: "password", slot: 1, objects: true, secret: coPassword),
                                 hsm(800_002, auth: "ped", slot: 2, objects: false, secret: coPassword),
                                 hsm(800_003, auth: "ped", slot: 3, objects: false, secret: coPassword)].joined(separator: ",\n") + "]}"
    }

    /// Commands that take secrets every way lunacm takes them: `-password`, the prompt (answered
    /// from stdin), wrong guesses, role login, listgroups' optional password, PED challenges.
    static var session: String {
        """
        hagroup createGroup -label SG -slot 0 -password \(coPassword)
        hagroup addMember -group SG -slot 1 -password \(wrongPassword)
        hagroup addMember -group SG -slot 1
        \(coPassword)
        copy
        hagroup listGroups -password \(coPassword)
        hagroup listGroups
        \(wrongPassword)
        slot set -slot 0
        role login -name co -password \(wrongPassword)
        role login -name co -password \(coPassword)
        partition archive backup -smkonly -partition sg-backup
        role logout
        role login -name co
        \(coPassword)
        hagroup createGroup -label PG -slot 2 -password \(challenge)
        hagroup addMember -group PG -slot 3 -password \(wrongPassword)
        hagroup addMember -group PG -slot 3 -password \(challenge)
        role login -name co -password "\(wrongPassword)
        hagroup createGroup -label Q -slot 0 -password \(wrongPassword) -bogus
        hagroup createGroup -label Q -slot 0 -pass \(wrongPassword)
        """ + "\n"
    }

    static func hits(_ bytes: [UInt8], _ where_: String) -> [String] {
        secrets.filter { bytes.contains(bytes: Array($0.utf8)) }.map { "\($0) in \(where_)" }
    }

    @Test func noSecretInAnyFileOrOutputOfABatchSession() throws {
        let lunacm = Lunacm()
        let fleetPath = lunacm.scratch + "/fleet.json"  // beside the home: it holds the secrets in clear
        try Self.fleet.write(toFile: fleetPath, atomically: true, encoding: .utf8)
        var found: [String] = []
        var outputs: [(String, [UInt8])] = []
        var seeded = try BoundedRun.run(Lunacm.binary, ["--fleet", fleetPath, "-c", "slot", "list"], environment: lunacm.environment)
        #expect(seeded.status == 0, "\(seeded.outText)\(seeded.errText)")
        outputs.append(("seeding", seeded.out + seeded.err))

        // Batch, with echo, then the same session recorded, then as -c words.
        let batch = try BoundedRun.run(Lunacm.binary, ["--echo"], environment: lunacm.environment, stdin: Array(Self.session.utf8))
        outputs.append(("batch stdout/stderr", batch.out + batch.err))
        #expect(batch.outText.contains("New group with label \"SG\" created"), "\(batch.outText.prefix(3000))")
        #expect(batch.outText.contains("successfully added to group SG"))
        #expect(batch.outText.contains("was backed up"))
        #expect(batch.outText.contains("New group with label \"PG\" created"), "\(batch.outText)")
        #expect(batch.outText.contains("CKR_PIN_INCORRECT") || batch.outText.contains("0xa0 "), "a wrong password was refused")

        seeded = try BoundedRun.run(Lunacm.binary, ["--fleet", fleetPath, "--reset", "-c", "slot", "list"], environment: lunacm.environment)
        #expect(seeded.status == 0)
        let transcript = lunacm.home + "/recorded.lunacm"
        let recorded = try BoundedRun.run(Lunacm.binary, ["--record", transcript], environment: lunacm.environment,
                                          stdin: Array(Self.session.utf8))
        outputs.append(("--record stdout/stderr", recorded.out + recorded.err))
        #expect(FileManager.default.fileExists(atPath: transcript), "\(recorded.outText.prefix(2000))\(recorded.errText)")

        for words in [["hagroup", "listGroups", "-password", Self.coPassword],
                      ["hagroup", "addMember", "-group", "SG", "-slot", "1", "-password", Self.wrongPassword],
                      ["hagroup", "createGroup", "-label", "Z", "-slot", "0", "-password", Self.wrongPassword],
                      ["role", "login", "-name", "co", "-password", Self.wrongPassword],
                      ["hagroup", "createGroup", "-label", "Z", "-slot", "0", "-password"]] {
            for flag in ["-c", "-q"] {
                let single = try BoundedRun.run(Lunacm.binary, ["--echo", flag] + words, environment: lunacm.environment,
                                                stdin: Array("\(Self.wrongPassword)\n".utf8))
                outputs.append(("\(flag) \(words.prefix(2).joined(separator: " "))", single.out + single.err))
            }
        }
        let export = try BoundedRun.run(Lunacm.binary, ["--export", lunacm.home + "/export.json"], environment: lunacm.environment)
        #expect(export.status == 0)
        // Replaying the recorded transcript must not print the secrets either.
        let replay = try BoundedRun.run(Lunacm.binary, ["--replay", transcript], environment: lunacm.environment)
        outputs.append(("--replay output", replay.out + replay.err))

        for (name, bytes) in outputs { found += Self.hits(bytes, name) }
        let files = BoundedRun.files(under: lunacm.home)
        #expect(files.keys.contains("state.db") && files.keys.contains("Chrystoki.conf") && files.keys.contains("export.json"))
        for (path, bytes) in files { found += Self.hits(bytes, path) }
        print("SecretsTests (batch): \(Self.secrets.count) secrets searched in \(files.count) files (\(files.keys.sorted().joined(separator: ", ")))"
              + " and \(outputs.count) outputs: \(found.count) found")
        #expect(found.isEmpty, "secrets leaked: \(found)")
        // The database holds salted slow hashes.
        let exported = lunacm.file(lunacm.home + "/export.json")
        #expect(exported.contains("pbkdf2-sha256$"))

        // Private files: the state, its WAL and exports (lunacm sets umask 077). Transcripts
        // (secrets masked, meant to be committed) and Chrystoki.conf keep 0644 like LunaCM's.
        for name in ["state.db", "state.db-wal", "state.db-shm", "export.json", "recorded.fleet.json"] {
            let path = lunacm.home + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            #expect(mode & 0o077 == 0, "\(name) has mode \(String(mode, radix: 8))")
        }
        let stateMode = try FileManager.default.attributesOfItem(atPath: lunacm.home + "/state.db")[.posixPermissions] as? NSNumber
        #expect(stateMode?.intValue == 0o600)
    }
}

/// The interactive side: libedit prompt, masked password prompt, history file, in a real pty
/// (tmux). Skipped only when tmux cannot be found; `make deps-reliability` installs it.
@Suite(.serialized) struct TerminalSecretsTests {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    /// `make test` installs tmux (deps-reliability), so these run in CI.
    static let enabled = tmux != nil

    struct Pane {
        let socket: String
        let environment: [String: String]

        /// Output goes through a file, not a pipe: the tmux server that `new-session` forks
        /// inherits the client's descriptors and would hold a pipe open forever. And posix_spawn
        /// with waitpid, not Foundation's Process: Process watches its child through a descriptor
        /// the daemonised tmux server inherits too, so it never saw the client exit and hung.
        @discardableResult
        func tmux(_ arguments: [String]) throws -> String {
            let outPath = socket + ".out-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: outPath) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            // And nothing above 2: a tmux server started while another test's Process runs would
            // inherit that Process's descriptors and keep its child looking alive (a "hang").
            if let closeFrom = Self.closeFrom { _ = closeFrom(&actions, 3) }
            let argv = [TerminalSecretsTests.tmux!, "-S", socket] + arguments
            let envp = environment.map { "\($0.key)=\($0.value)" }
            var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
            var cEnvp: [UnsafeMutablePointer<CChar>?] = envp.map { strdup($0) } + [nil]
            defer { for pointer in cArgv + cEnvp { free(pointer) } }
            var pid: pid_t = 0
            guard posix_spawn(&pid, argv[0], &actions, nil, &cArgv, &cEnvp) == 0 else { return "" }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        }

        /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34+), which Swift's Glibc module
        /// does not declare; nil where the C library lacks it.
        static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? =
            dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map {
                unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self)
            }

        func screen() throws -> String { try tmux(["capture-pane", "-p", "-J", "-S", "-200", "-t", "t"]) }

        /// The screen, for failure messages.
        var shown: String { (try? screen()) ?? "<no screen>" }

        func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }
        func key(_ name: String) throws { try tmux(["send-keys", "-t", "t", name]) }

        /// Waits until the screen shows `text` `count` times (or more).
        func waitFor(_ text: String, count: Int = 1, timeout: TimeInterval = 20) throws -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if try screen().components(separatedBy: text).count - 1 >= count { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }
    }

    /// Runs lunacm in a tmux pane under a small shell script; after lunacm exits, the script
    /// writes `stty -a` of the same terminal to a file.
    func startPane(_ lunacm: Lunacm, lunacmArguments: String) throws -> (Pane, String) {
        let socket = lunacm.scratch + "/tmux.sock"
        let sttyFile = lunacm.scratch + "/stty.txt"
        let script = lunacm.scratch + "/pane.sh"
        try """
            #!/bin/sh
            '\(Lunacm.binary)' \(lunacmArguments)
            echo "lunacm-exit=$?" > '\(lunacm.scratch)/exit.txt'
            stty -a > '\(sttyFile).tmp' 2>&1; mv '\(sttyFile).tmp' '\(sttyFile)'
            sleep 30
            """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        var environment = lunacm.environment
        environment["TERM"] = "xterm"
        let pane = Pane(socket: socket, environment: environment)
        try pane.tmux(["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "160", "-y", "50", script])
        return (pane, sttyFile)
    }

    func waitForFile(_ path: String, timeout: TimeInterval = 20) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return text }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    @Test(.enabled(if: enabled, "needs tmux"))
    func maskedPromptRestoresTheTerminalAfterCtrlCAndHistoryKeepsNoSecret() throws {
        let lunacm = Lunacm()
        let seeded = try lunacm.run(["-c", "slot", "list"])
        #expect(seeded.status == 0)
        let transcript = lunacm.home + "/interactive.lunacm"
        let (pane, sttyFile) = try startPane(lunacm, lunacmArguments: "--record '\(transcript)'")
        defer { _ = try? pane.tmux(["kill-server"]) }
        #expect(try pane.waitFor("lunacm:>"), "no prompt: \(pane.shown)")

        // The masked prompt, abandoned with Ctrl-C after a few typed characters.
        try pane.type("hagroup creategroup -label g -slot 0")
        try pane.key("Enter")
        #expect(try pane.waitFor("Enter the password:"), "\(pane.shown)")
        try pane.type("Abandoned-77")
        try pane.key("C-c")
        #expect(try pane.waitFor("lunacm:>", count: 2), "no prompt after Ctrl-C: \(pane.shown)")

        // The masked prompt answered: the typed password shows as stars only.
        try pane.type("hagroup creategroup -label g -slot 0")
        try pane.key("Enter")
        #expect(try pane.waitFor("Enter the password:", count: 2))
        try pane.type("userpin1")
        try pane.key("Enter")
        #expect(try pane.waitFor("lunacm:>", count: 3), "\(pane.shown)")
        // A password on the command line: run, but never remembered.
        try pane.type("role login -name co -password Typed-OnLine-4242")
        try pane.key("Enter")
        #expect(try pane.waitFor("lunacm:>", count: 4))
        try pane.type("slot list")
        try pane.key("Enter")
        #expect(try pane.waitFor("lunacm:>", count: 5))
        let screen = try pane.screen()
        try pane.type("exit")
        try pane.key("Enter")

        let stty = try #require(waitForFile(sttyFile), "lunacm did not exit: \(pane.shown)")
        #expect(!stty.contains("-echo ") && stty.contains(" echo "), "echo not restored: \(stty)")
        #expect(!stty.contains("-icanon") && stty.contains("icanon"), "icanon not restored: \(stty)")
        #expect(!stty.contains("-isig") && stty.contains("isig"), "isig not restored: \(stty)")
        #expect(screen.contains("New group with label \"g\" created"), "\(screen)")
        #expect(!screen.contains("userpin1") && !screen.contains("Abandoned-77"), "a typed password was echoed: \(screen)")

        // libedit writes history lines vis(3)-encoded: a space is `\040`.
        let history = lunacm.file(lunacm.home + "/history").replacingOccurrences(of: "\\040", with: " ")
        #expect(history.contains("slot list"), "history: \(history)")
        #expect(!history.contains("role login"), "a line with -password reached the history: \(history)")
        let historyMode = (try FileManager.default.attributesOfItem(atPath: lunacm.home + "/history")[.posixPermissions] as? NSNumber)?.intValue
        #expect(historyMode == 0o600)
        var found: [String] = []
        for (path, bytes) in BoundedRun.files(under: lunacm.home) {
            for secret in ["Abandoned-77", "Typed-OnLine-4242", "Abandoned"] where bytes.contains(bytes: Array(secret.utf8)) {
                found.append("\(secret) in \(path)")
            }
            // userpin1 is the default fleet's password: it may only appear nowhere either.
            if bytes.contains(bytes: Array("userpin1".utf8)) { found.append("userpin1 in \(path)") }
        }
        print("TerminalSecretsTests: files \(BoundedRun.files(under: lunacm.home).keys.sorted()), secrets found: \(found.count)")
        #expect(found.isEmpty, "\(found)")
    }

    /// A signal (not the Ctrl-C key, which the masked prompt reads as a byte) while the prompt
    /// has echo off: lunacm must still give the terminal back before it dies.
    @Test(.enabled(if: enabled, "needs tmux"),
          arguments: ["INT", "TERM", "HUP"])
    func maskedPromptRestoresTheTerminalWhenSignalled(_ signalName: String) throws {
        let lunacm = Lunacm()
        #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
        let (pane, sttyFile) = try startPane(lunacm, lunacmArguments: "")
        defer { _ = try? pane.tmux(["kill-server"]) }
        #expect(try pane.waitFor("lunacm:>"))
        try pane.type("hagroup creategroup -label g -slot 0")
        try pane.key("Enter")
        #expect(try pane.waitFor("Enter the password:"))
        let pids = try pane.tmux(["list-panes", "-t", "t", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // The pane runs sh, whose child is lunacm.
        let children = (try? String(contentsOfFile: "/proc/\(pids)/task/\(pids)/children", encoding: .utf8)) ?? ""
        let lunacmPid = try #require(Int32(children.split(separator: " ").first ?? ""), "no lunacm under pane pid \(pids)")
        kill(lunacmPid, signalName == "INT" ? SIGINT : signalName == "TERM" ? SIGTERM : SIGHUP)
        let stty = try #require(waitForFile(sttyFile), "\(pane.shown)")
        let restored = !stty.contains("-echo ") && !stty.contains("-icanon")
                    #expect(restored, "terminal left with: \(stty.split(separator: "\n").prefix(6).joined(separator: " "))")
    }
}
