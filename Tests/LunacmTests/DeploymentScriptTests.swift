import Foundation
import Testing

/// Bytes filled in by a reader thread and read after it signals.
final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// The lines real deployment roles run (openstack/ansible-role-lunasa-hsm, pivotal/credhub-release,
/// docs/lunacm-behaviour.md §2), run through /bin/bash against the built binary, exactly as the roles write them.
@Suite struct DeploymentScriptTests {
    /// A password full of characters a shell or LunaCM's tokenizer could misread.
    static let hostilePassword = #"p@$$ w0rd;"'&|<>*?"#

    /// Runs `script` with `/bin/bash -c`, lunacm on the PATH, LUNASIM_HOME set to the home, PW set
    /// to `password`, stdin at end of file. A run longer than `timeout` seconds is killed (with
    /// every process it started) and reported as status 124, so a hang fails instead of blocking.
    func bash(_ lunacm: Lunacm, _ script: String, password: String = "userpin1", timeout: Int = 60) throws -> Lunacm.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "5", String(timeout), "/bin/bash", "-c", script]
        let binDirectory = URL(fileURLWithPath: Lunacm.binary).deletingLastPathComponent().path
        var environment = lunacm.environment
        environment["PATH"] = binDirectory + ":/usr/bin:/bin"
        environment["LUNASIM_HOME"] = lunacm.home
        environment["PW"] = password
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errBox = DataBox(), done = DispatchSemaphore(value: 0)
        Thread {
            errBox.data = errors.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Lunacm.Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                             err: String(decoding: errBox.data, as: UTF8.self))
    }

    /// A fresh home seeded from the default fleet with every CO password set to `password`.
    func home(password: String) throws -> Lunacm {
        let lunacm = Lunacm()
        if password != "userpin1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Config/fleet.json")
            let fleet = try String(contentsOf: source, encoding: .utf8)
            let quoted = String(decoding: try JSONEncoder().encode(password), as: UTF8.self)
            #expect(fleet.components(separatedBy: #""coPassword": "userpin1""#).count == 3)
            let path = lunacm.scratch + "/fleet.json"
            try fleet.replacingOccurrences(of: #""coPassword": "userpin1""#, with: #""coPassword": "# + quoted)
                .write(toFile: path, atomically: true, encoding: .utf8)
            let seeded = try lunacm.run(["--fleet", path, "--reset", "-c", "slot", "list"])
            #expect(seeded.status == 0, "\(seeded.err)")
        } else {
            #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
        }
        return lunacm
    }

    /// Every byte of every file under `directory`.
    func filesUnder(_ directory: String) -> [(path: String, bytes: Data)] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [(String, Data)] = []
        for case let relative as String in walker {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let bytes = FileManager.default.contents(atPath: path) {
                files.append((path, bytes))
            }
        }
        return files
    }

    func expectPasswordNowhere(_ password: String, in results: [Lunacm.Result], home: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        for result in results {
            #expect(!result.out.contains(password), "password in stdout:\n\(result.out)", sourceLocation: sourceLocation)
            #expect(!result.err.contains(password), "password in stderr:\n\(result.err)", sourceLocation: sourceLocation)
        }
        let files = filesUnder(home)
        #expect(files.contains { $0.path.hasSuffix("/state.db") }, sourceLocation: sourceLocation)
        let needle = Data(password.utf8)
        for file in files {
            #expect(file.bytes.range(of: needle) == nil, "password in \(file.path)", sourceLocation: sourceLocation)
        }
    }

    static let createG1 = #"echo copy | lunacm -c hagroup createGroup -label G1 -serialNumber 154438865287 -password "$PW""#
    static let addToG1 = #"echo copy | lunacm -c hagroup addMember -group G1 -serialNumber 1238700701509 -password "$PW""#

    // MARK: ansible-role-lunasa-hsm

    @Test(arguments: ["userpin1", hostilePassword])
    func ansibleRoleCreatesAddsAndIsIdempotentOnTheAlreadyUsedMessages(_ password: String) throws {
        let lunacm = try home(password: password)
        var results: [Lunacm.Result] = []

        let created = try bash(lunacm, Self.createG1, password: password)
        results.append(created)
        #expect(created.status == 0, "\(created.out)\(created.err)")
        #expect(created.out.contains("Command Result : No Error"))

        let added = try bash(lunacm, Self.addToG1, password: password)
        results.append(added)
        #expect(added.status == 0, "\(added.out)\(added.err)")
        #expect(added.out.contains("Command Result : No Error"))
        #expect(added.out.contains("Member 1238700701509 successfully added to group G1."))

        let createdAgain = try bash(lunacm, Self.createG1, password: password)
        results.append(createdAgain)
        #expect(createdAgain.status == 1)
        #expect(createdAgain.out.contains("for the new group has already been used"))
        #expect(!createdAgain.out.contains("Command Result : No Error"))

        let addedAgain = try bash(lunacm, Self.addToG1, password: password)
        results.append(addedAgain)
        #expect(addedAgain.status == 1)
        #expect(addedAgain.out.contains("The member you specified is already part of an"))

        let slot = try bash(lunacm, "lunacm -c hagroup listgroups </dev/null | grep 'HA Group Slot ID' | awk '{print $NF}'",
                            password: password)
        results.append(slot)
        #expect(slot.status == 0)
        #expect(slot.out == "5\n")
        expectPasswordNowhere(password, in: results, home: lunacm.home)
    }

    // MARK: credhub-release

    @Test(arguments: ["userpin1", hostilePassword])
    func credhubFlowFindsNoGroupThenCreatesByNumberAddsAndSynchronizes(_ password: String) throws {
        let lunacm = try home(password: password)
        var results: [Lunacm.Result] = []

        let missing = try bash(lunacm, #"lunacm -q haGroup listGroups -group G2 -password """#, password: password)
        results.append(missing)
        #expect(missing.status != 0, "credhub relies on a non-zero exit for a missing group")
        #expect(!missing.out.contains("HA Group Label: G2"))
        #expect(!missing.out.contains("HA Group Label:  G2"))

        let flow = try bash(lunacm, #"""
            GROUPID=$(echo $(echo copy | lunacm -q haGroup createGroup -label G2 -serialNumber 154438865287 -password "$PW") | grep -o -E 'HA Group Number: .*' | awk '{print $4}')
            echo "GROUPID=$GROUPID"
            echo copy | lunacm -q haGroup addMember -group "$GROUPID" -serialNumber 1238700701509 -password "$PW" || exit 11
            lunacm -q haGroup synchronize -group "$GROUPID" -password "$PW" || exit 12
            """#, password: password)
        results.append(flow)
        #expect(flow.status == 0, "\(flow.out)\(flow.err)")
        #expect(flow.out.hasPrefix("GROUPID=1154438865287\n"))
        #expect(flow.out.contains("Member 1238700701509 successfully added to group G2."))
        #expect(flow.out.contains("Synchronization of group G2 completed"))

        let found = try bash(lunacm, #"lunacm -q haGroup listGroups -group G2 -password "$PW""#, password: password)
        results.append(found)
        #expect(found.status == 0)
        #expect(found.out.contains("HA Group Label:  G2"))
        #expect(found.out.contains("Group Members:  154438865287, 1238700701509"))
        #expect(found.out.contains("Needs sync:  no"))
        expectPasswordNowhere(password, in: results, home: lunacm.home)
    }

    // MARK: Questions at end of input

    @Test func copyPromptWithoutAnAnswerFailsWithCancelInsteadOfHanging() throws {
        let lunacm = try home(password: "userpin1")
        let before = try lunacm.export()
        let result = try bash(lunacm, #"""
            lunacm -c hagroup createGroup -label G1 -slot 0 -password "$PW" || exit 10
            lunacm -c hagroup addMember -group G1 -slot 1 -password "$PW"
            """#, timeout: 30)
        #expect(result.status == 1, "status \(result.status) (124 is a hang)\n\(result.out)")
        #expect(result.out.contains("Command Result : 0x1 (CKR_CANCEL)"))
        #expect(!lunacm.file(lunacm.confPath).contains("1238700701509"))
        // par1 keeps its objects and nothing was cloned to par0 (par0 got its SMK at creation).
        let after = try lunacm.export()
        #expect(after.components(separatedBy: "\"label\" : \"aes-1\"").count == before.components(separatedBy: "\"label\" : \"aes-1\"").count)
    }

    @Test func batchScriptWhoseCopyPromptMeetsEndOfInputFailsWithCancel() throws {
        let lunacm = try home(password: "userpin1")
        let result = try bash(lunacm, #"""
            printf 'hagroup createGroup -label G1 -slot 0 -password %s\nhagroup addMember -group G1 -slot 1 -password %s\n' "$PW" "$PW" | lunacm
            """#, timeout: 30)
        #expect(result.status == 1, "status \(result.status) (124 is a hang)\n\(result.out)")
        #expect(result.out.contains("Command Result : 0x1 (CKR_CANCEL)"))
        #expect(!lunacm.file(lunacm.confPath).contains("1238700701509"))
    }

    @Test func batchScriptAnswersTheCopyPromptWithItsNextLine() throws {
        let lunacm = try home(password: "userpin1")
        let result = try bash(lunacm, #"""
            printf 'hagroup createGroup -label G1 -slot 0 -password %s\nhagroup addMember -group G1 -slot 1 -password %s\ncopy\n' "$PW" "$PW" | lunacm
            """#, timeout: 30)
        #expect(result.status == 0, "\(result.out)")
        #expect(lunacm.file(lunacm.confPath).contains("VirtualToken00Members = 154438865287,1238700701509;"))
    }

    // MARK: Chrystoki.conf bytes

    @Test func createAndAddWriteTheGroupToChrystokiConfAndDeleteRemovesIt() throws {
        let lunacm = try home(password: "userpin1")
        #expect(try bash(lunacm, Self.createG1).status == 0)
        #expect(try bash(lunacm, Self.addToG1).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: lunacm.confPath))
        for line in ["VirtualToken00Label = G1;\n", "VirtualToken00SN = 1154438865287;\n",
                     "VirtualToken00Members = 154438865287,1238700701509;\n"] {
            #expect(bytes.range(of: Data(line.utf8)) != nil, "missing \(line)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let synchronize = try #require(text.range(of: "HASynchronize = {\n"))
        let sectionEnd = try #require(text.range(of: "\n}", range: synchronize.upperBound..<text.endIndex))
        #expect(text[synchronize.upperBound..<sectionEnd.lowerBound].contains("G1 = 1;"), "\(text)")

        let deleted = try bash(lunacm, "lunacm -c hagroup deleteGroup -label G1")
        #expect(deleted.status == 0, "\(deleted.out)")
        let after = lunacm.file(lunacm.confPath)
        #expect(!after.contains("VirtualToken00"))
        #expect(!after.contains("G1 = 1;"))
        #expect(!after.contains("1154438865287"))
        #expect(after.contains("LunaSA Client = {"))
    }
}
