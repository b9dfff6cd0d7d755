import Foundation
import Testing

/// Several lunacm processes on one home at once, as parallel provisioning jobs run them: every
/// write lands, none is lost, and Chrystoki.conf stays well formed.
@Suite struct ConcurrencyTests {
    static let password = "concurrent-pw1"
    static let count = 8

    /// `count` compatible network HSMs, one empty partition each (`p<i>`, slot i).
    static func fleetJSON(count: Int) -> String {
        let hsms = (0..<count).map { index in
            """
            {"serial": "\(900_000 + index)", "kind": "network", "auth": "password",
             "policies": {"7": 1, "12": 1, "15": 1, "16": 1, "21": 1},
             "partitions": [{"label": "p\(index)", "serial": "\(600_000_000_000 + index)", "slot": \(index),
                             "domain": "cloningdomain1", "coPassword": "\(password)", "coPasswordChanged": true,
                             "policies": {"0": 1, "4": 1}}]}
            """
        }
        return "{\"hsms\": [" + hsms.joined(separator: ",\n") + "]}"
    }

    /// Starts one lunacm per argument list, all before waiting for any, then waits for all.
    /// Output goes to files so no process can block on a full pipe.
    func runConcurrently(_ lunacm: Lunacm, _ argumentLists: [[String]], stdinFiles: [String]? = nil,
                         timeout: TimeInterval = 120) throws -> [Lunacm.Result] {
        var processes: [(Process, String, String)] = []
        for (index, arguments) in argumentLists.enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Lunacm.binary)
            process.arguments = arguments
            process.environment = lunacm.environment
            let outPath = lunacm.scratch + "/out-\(index).txt", errPath = lunacm.scratch + "/err-\(index).txt"
            _ = FileManager.default.createFile(atPath: outPath, contents: nil)
            _ = FileManager.default.createFile(atPath: errPath, contents: nil)
            if let stdinFiles {
                process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdinFiles[index]))
            } else {
                process.standardInput = FileHandle.nullDevice
            }
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
            processes.append((process, outPath, errPath))
        }
        for (process, _, _) in processes { try process.run() }
        let deadline = Date().addingTimeInterval(timeout)
        for (process, _, _) in processes {
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning {
                process.terminate()
                Issue.record("lunacm \(process.arguments ?? []) did not finish within \(Int(timeout)) s")
            }
            process.waitUntilExit()
        }
        return processes.map { process, outPath, errPath in
            Lunacm.Result(status: process.terminationStatus, out: lunacm.file(outPath), err: lunacm.file(errPath))
        }
    }

    func createGroupArguments() -> [[String]] {
        (0..<Self.count).map { index in
            ["-c", "hagroup", "createGroup", "-label", "G\(index)", "-slot", "\(index)", "-password", Self.password]
        }
    }

    func expectAllGroupsPresent(_ lunacm: Lunacm, _ results: [Lunacm.Result],
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (index, result) in results.enumerated() {
            #expect(result.status == 0, "process \(index): \(result.out)\(result.err)", sourceLocation: sourceLocation)
            #expect(result.out.contains("New group with label \"G\(index)\" created"), sourceLocation: sourceLocation)
        }
        let conf = lunacm.file(lunacm.confPath)
        let labelLines = conf.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("VirtualToken") && $0.contains("Label = ") }
        #expect(labelLines.count == Self.count, "\(conf)", sourceLocation: sourceLocation)
        for index in 0..<Self.count {
            #expect(labelLines.filter { $0.hasSuffix("Label = G\(index);") }.count == 1, "G\(index) in\n\(conf)",
                    sourceLocation: sourceLocation)
            let key = String(format: "VirtualToken%02dLabel = ", index)
            #expect(labelLines.contains { $0.hasPrefix(key) }, "\(key) missing in\n\(conf)", sourceLocation: sourceLocation)
            #expect(conf.contains("   G\(index) = 1;\n"), sourceLocation: sourceLocation)
        }
        let listing = try lunacm.run(["-c", "hagroup", "listgroups", "-password", ""])
        #expect(listing.status == 0, "\(listing.out)\(listing.err)", sourceLocation: sourceLocation)
        for index in 0..<Self.count {
            #expect(listing.out.components(separatedBy: "HA Group Label:  G\(index)\n").count == 2, sourceLocation: sourceLocation)
            #expect(listing.out.contains("Group Members:  \(600_000_000_000 + index)\n"), sourceLocation: sourceLocation)
        }
        let slots = try lunacm.run(["-c", "slot", "list"])
        #expect(slots.status == 0, "\(slots.out)\(slots.err)", sourceLocation: sourceLocation)
        #expect(slots.out.components(separatedBy: "HSM Model ->            LunaVirtual").count == Self.count + 1,
                sourceLocation: sourceLocation)
    }

    @Test func eightConcurrentCreateGroupsOnOneHomeAllLand() throws {
        let lunacm = Lunacm()
        let fleet = lunacm.scratch + "/fleet.json"
        try Self.fleetJSON(count: Self.count).write(toFile: fleet, atomically: true, encoding: .utf8)
        let seeded = try lunacm.run(["--fleet", fleet, "-c", "slot", "list"])
        #expect(seeded.status == 0, "\(seeded.err)")
        let results = try runConcurrently(lunacm, createGroupArguments())
        try expectAllGroupsPresent(lunacm, results)
    }

    @Test func sevenConcurrentAddMembersToOneGroupAllLand() throws {
        let lunacm = Lunacm()
        let fleet = lunacm.scratch + "/fleet.json"
        try Self.fleetJSON(count: Self.count).write(toFile: fleet, atomically: true, encoding: .utf8)
        let created = try lunacm.run(["--fleet", fleet, "-c", "hagroup", "createGroup", "-label", "G", "-slot", "0",
                                      "-password", Self.password])
        #expect(created.status == 0, "\(created.out)\(created.err)")
        let results = try runConcurrently(lunacm, (1..<Self.count).map { index in
            ["-c", "hagroup", "addMember", "-group", "G", "-slot", "\(index)", "-password", Self.password]
        })
        for (index, result) in results.enumerated() {
            #expect(result.status == 0, "process \(index + 1): \(result.out)\(result.err)")
        }
        let conf = lunacm.file(lunacm.confPath)
        let membersLine = try #require(conf.split(separator: "\n").first { $0.contains("VirtualToken00Members = ") })
        let members = membersLine.split(separator: "=")[1].dropLast().trimmingCharacters(in: .whitespaces)
            .split(separator: ",").map(String.init)
        #expect(members.first == "600000000000")
        #expect(Set(members) == Set((0..<Self.count).map { String(600_000_000_000 + $0) }))
        #expect(members.count == Self.count)
        #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
    }

    @Test
    func eightConcurrentFirstUsesOfAFreshHomeSeedItOnceAndAllLand() throws {
        let lunacm = Lunacm()
        let fleet = lunacm.scratch + "/fleet.json"
        try Self.fleetJSON(count: Self.count).write(toFile: fleet, atomically: true, encoding: .utf8)
        let results = try runConcurrently(lunacm, createGroupArguments().map { ["--fleet", fleet] + $0 })
        try expectAllGroupsPresent(lunacm, results)
    }

    @Test
    func eightConcurrentSlotListsOnAFreshHomeAllSucceed() throws {
        let lunacm = Lunacm()
        let results = try runConcurrently(lunacm, Array(repeating: ["-c", "slot", "list"], count: Self.count))
        for (index, result) in results.enumerated() {
            #expect(result.status == 0, "process \(index): \(result.err)")
            #expect(result.out.contains("Serial Number ->        154438865287"))
        }
        let check = try lunacm.run(["-c", "slot", "list"])
        #expect(check.status == 0 && check.out == results[0].out)
    }

    // MARK: - Issue #7 item 1: no lost update under 8 × 50 mutating commands

    /// Mutating commands per process, after its `slot set` and `role login`.
    static let mutationsPerProcess = 50

    /// Process `index`'s batch: create its group on its own partition, then alternate SMK
    /// backups with uniquely named targets (one `smkBackup` row each: countable in the database)
    /// and `hagroup synchronize -disable/-enable` of its group (a read-modify-write of the one
    /// Chrystoki.conf all processes share: a lost update shows as a wrong final value or a
    /// missing group). 1 + 24 backups + 25 toggles = 50 mutations; the last toggle disables.
    static func mutationBatch(_ index: Int) -> String {
        var lines = ["hagroup createGroup -label G\(index) -slot \(index) -password \(password)",
                     "slot set -slot \(index)",
                     "role login -name co -password \(password)"]
        var toggles = 0
        for step in 0..<(mutationsPerProcess - 1) {
            if step % 2 == 1 {
                lines.append("partition archive backup -smkonly -partition b-\(index)-\(step)")
            } else {
                lines.append("hagroup synchronize -group G\(index) -\(toggles % 2 == 0 ? "disable" : "enable")")
                toggles += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func backupNames(_ index: Int) -> [String] {
        (0..<(mutationsPerProcess - 1)).filter { $0 % 2 == 1 }.map { "b-\(index)-\($0)" }
    }

    /// Runs `sqlite3 DB SQL` and returns its stdout, or nil when the CLI is missing.
    static func sqlite(_ database: String, _ sql: String) throws -> String? {
        guard let tool = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [database, sql]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func eightProcessesFiftyMutationsEachLoseNoUpdate() throws {
        let lunacm = Lunacm()
        let fleet = lunacm.scratch + "/fleet.json"
        try Self.fleetJSON(count: Self.count).write(toFile: fleet, atomically: true, encoding: .utf8)
        let seeded = try lunacm.run(["--fleet", fleet, "-c", "slot", "list"])
        #expect(seeded.status == 0, "\(seeded.err)")
        var inputs: [String] = []
        for index in 0..<Self.count {
            let path = lunacm.scratch + "/batch-\(index).txt"
            try Self.mutationBatch(index).write(toFile: path, atomically: true, encoding: .utf8)
            inputs.append(path)
        }
        let started = Date()
        let results = try runConcurrently(lunacm, Array(repeating: [], count: Self.count), stdinFiles: inputs, timeout: 300)
        let elapsed = Date().timeIntervalSince(started)
        for (index, result) in results.enumerated() {
            #expect(result.status == 0, "process \(index): \(result.out.suffix(2000))\(result.err)")
            // 50 mutations + slot set + role login, each ending in No Error.
            #expect(result.out.components(separatedBy: "Command Result : No Error").count - 1 == Self.mutationsPerProcess + 2,
                    "process \(index): \(result.out.suffix(2000))")
        }

        // The database: every backup row, exactly once, and SQLite's own check.
        let database = lunacm.home + "/state.db"
        if let integrity = try Self.sqlite(database, "PRAGMA integrity_check;") {
            #expect(integrity == "ok")
            let expected = (0..<Self.count).flatMap(Self.backupNames).sorted()
            let rows = try Self.sqlite(database, "SELECT name FROM smkBackup ORDER BY name;")?
                .split(separator: "\n").map(String.init) ?? []
            #expect(rows == expected, "lost updates: \(Set(expected).subtracting(rows).sorted())")
            let lost = expected.count - Set(rows).intersection(expected).count
            print("ConcurrencyTests: \(Self.count) processes x \(Self.mutationsPerProcess) mutations in \(String(format: "%.1f", elapsed)) s;"
                  + " smkBackup rows \(rows.count) of \(expected.count), lost updates \(lost)")
        } else {
            Issue.record("the sqlite3 CLI is missing: install it (make deps-reliability) to check the database")
        }

        // The shared conf: parses, every group once, each with the value of its own last toggle.
        let conf = lunacm.file(lunacm.confPath)
        let configurator = URL(fileURLWithPath: Lunacm.binary).deletingLastPathComponent().appendingPathComponent("configurator").path
        if FileManager.default.isExecutableFile(atPath: configurator) {
            for index in 0..<Self.count {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: configurator)
                process.arguments = ["getValue", "-s", "HASynchronize", "-e", "G\(index)", "--home", lunacm.home]
                process.environment = lunacm.environment
                let output = Pipe()
                process.standardOutput = output
                process.standardError = output
                try process.run()
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0 && text.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "G\(index): \(text)")
            }
        }
        for index in 0..<Self.count {
            #expect(conf.components(separatedBy: "Label = G\(index);").count == 2, "G\(index) in\n\(conf)")
            #expect(conf.contains("   G\(index) = 0;\n"), "G\(index) not disabled by its last toggle:\n\(conf)")
        }
        let labelLines = conf.split(separator: "\n").filter { $0.contains("VirtualToken") && $0.contains("Label = ") }
        #expect(labelLines.count == Self.count)
        let listing = try lunacm.run(["-c", "hagroup", "listgroups", "-password", ""])
        #expect(listing.status == 0, "\(listing.out)\(listing.err)")
        for index in 0..<Self.count {
            #expect(listing.out.components(separatedBy: "HA Group Label:  G\(index)\n").count == 2)
        }
    }
}
