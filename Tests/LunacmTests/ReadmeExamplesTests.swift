import Foundation
import Testing

/// The README's shell examples, run line by line as a reader pastes them into `sh`: from a
/// directory holding the repository's Config/ (the lockout example names a fleet file there) and
/// a provision.txt, with the built lunacm first in PATH and a fresh state home. A line's trailing
/// comment, when it states a result (`# 0xa0 CKR_PIN_INCORRECT`, `# ... Locked out.`,
/// `# prints 1`), is checked against the output; any other line must exit 0.
@Suite struct ReadmeExamplesTests {
    static let root = WalkthroughTests.root

    /// The lines of the README's ```sh block that contains `marker`.
    static func block(containing marker: String) throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = text.components(separatedBy: "```sh\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        let block = try #require(blocks.first { $0.contains(marker) }, "no ```sh block with \(marker) in README.md")
        return block.split(separator: "\n").map(String.init)
    }

    struct Line {
        let status: Int32
        let out: String
    }

    /// Runs one line with /bin/sh in `directory`.
    static func sh(_ line: String, in directory: String, _ lunacm: Lunacm) throws -> Line {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = lunacm.environment
        let binaries = URL(fileURLWithPath: Lunacm.binary).deletingLastPathComponent().path
        environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Line(status: process.terminationStatus, out: String(decoding: data, as: UTF8.self))
    }

    /// A working directory as a reader's: Config/ from the repository and a small provision.txt.
    static func workingDirectory(_ lunacm: Lunacm) throws -> String {
        let directory = lunacm.scratch + "/work"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/Config", withDestinationPath: root.appendingPathComponent("Config").path)
        try "# provisioning\nslot list\nslot set -slot 1\nhagroup listgroups -password userpin1\n"
            .write(toFile: directory + "/provision.txt", atomically: true, encoding: .utf8)
        return directory
    }

    /// Checks one line's output against what its comment promises.
    static func check(_ line: String, _ result: Line) {
        let comment = line.components(separatedBy: "   # ").dropFirst().first?.trimmingCharacters(in: .whitespaces) ?? ""
        if let match = comment.firstMatch(of: #/^(0x[0-9a-f]+) (CKR_[A-Z_]+)$/#) {
            #expect(result.out.contains("Command Result : \(match.1) (\(match.2))"), "\(line)\n\(result.out)")
        } else if comment.hasPrefix("... ") {
            #expect(result.out.contains(comment.dropFirst(4)), "\(line)\n\(result.out)")
        } else if comment.hasPrefix("prints ") {
            #expect(result.out.hasSuffix("\n" + comment.dropFirst("prints ".count) + "\n"), "\(line)\n\(result.out)")
        } else {
            #expect(result.status == 0, "\(line) exited \(result.status)\n\(result.out)")
        }
        #expect(!result.out.contains("not found"), "\(line)\n\(result.out)")
    }

    @Test func theLockoutExampleRunsAsWrittenOnAFreshHome() throws {
        let lunacm = Lunacm()
        let directory = try Self.workingDirectory(lunacm)
        let lines = try Self.block(containing: "role resetpw")
        #expect(lines.count == 5)
        var outputs: [String] = []
        for line in lines {
            let result = try Self.sh(line, in: directory, lunacm)
            Self.check(line, result)
            outputs.append(result.out)
        }
        #expect(outputs[1].components(separatedBy: "(CKR_PIN_INCORRECT)").count - 1 == 10)
        // The last line: the Partition SO logs in and resets the locked-out CO's password.
        #expect(outputs.last?.components(separatedBy: "Command Result : No Error").count == 3, "\(outputs.last ?? "")")
        let after = try lunacm.run(["-c", "role", "login", "-name", "co", "-password", "newpin11"])
        #expect(!after.out.contains("CKR_PIN_LOCKED") && !after.out.contains("CKR_PIN_INCORRECT"), "\(after.out)")
    }

    @Test func theBatchExamplesRunAsWritten() throws {
        let lunacm = Lunacm()
        let directory = try Self.workingDirectory(lunacm)
        let lines = try Self.block(containing: "lunacm -q slot list")
        #expect(lines.count >= 7)
        for line in lines { Self.check(line, try Self.sh(line, in: directory, lunacm)) }
        // What the README says of -q: exactly -c.
        let quiet = try Self.sh("lunacm -q slot list", in: directory, lunacm)
        let command = try Self.sh("lunacm -c slot list", in: directory, lunacm)
        #expect(quiet.status == 0 && quiet.out == command.out && quiet.out.contains("Command Result : No Error"))
    }

    /// The case rules the README states: an HA group label, a role name, `-mode` and `-keyType`
    /// ignore case; a password does not.
    @Test func valuesAreMatchedIgnoringCaseExactlyWhereTheReadmeSays() throws {
        let lunacm = Lunacm()
        let created = try lunacm.run(["-c", "hagroup", "createGroup", "-label", "myHAgroup", "-slot", "0", "-password", "userpin1"])
        #expect(created.out.contains("Command Result : No Error"), "\(created.out)")
        let listed = try lunacm.run(["-c", "hagroup", "listGroups", "-group", "MYHAGROUP", "-password", "userpin1"])
        #expect(listed.status == 0 && listed.out.contains("myHAgroup"), "\(listed.out)")
        let again = try lunacm.run(["-c", "hagroup", "createGroup", "-label", "MyHaGroup", "-slot", "1", "-password", "userpin1"])
        #expect(again.out.contains("has already been used"), "\(again.out)")
        let mode = try lunacm.run(["-c", "hagroup", "recoveryMode", "-mode", "ACTIVEENHANCED"])
        #expect(mode.status == 0, "\(mode.out)")
        let login = try lunacm.run(["-c", "role", "login", "-name", "CO", "-password", "USERPIN1"])
        #expect(login.out.contains("(CKR_PIN_INCORRECT)"), "\(login.out)")
        let key = try lunacm.run([], stdin: "role login -name \"crypto officer\" -password userpin1\nsimulator createObject -keyType aes -size 256 -label k\n")
        #expect(key.status == 0, "\(key.out)")
    }
}
