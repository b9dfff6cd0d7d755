import Foundation
import Testing

/// How ReadmeExamplesTests runs a README example as a reader would: the reader's working
/// directory and environment, one shell for a block's lines (so `export` carries over), and what
/// each kind of line promises.
extension ReadmeExamplesTests {
    /// What a reader types where a shell line reads a terminal: the recorded session.
    static let typedInput = ["lunacm --record my-session.lunacm": "slot list\nslot set -slot 1\n"]

    struct Line {
        let source: String
        let status: Int32
        let out: String
    }

    enum StepKind { case shell, session(prompts: [String]), python, own }

    struct Step {
        let source: String
        let script: String
        let kind: StepKind
        var stdin: String? = nil
    }

    // MARK: fixture

    static var binaries: String { URL(fileURLWithPath: Lunacm.binary).deletingLastPathComponent().path }

    /// The environment a reader's shell has: the fresh home, the built binaries first in PATH, then
    /// the PATH (and pyenv root) this test runs with, for pkcs11-tool and python3.
    static func environment(_ lunacm: Lunacm) -> [String: String] {
        var environment = lunacm.environment
        let inherited = ProcessInfo.processInfo.environment
        environment["PATH"] = binaries + ":" + (inherited["PATH"] ?? "/usr/bin:/bin")
        if let pyenv = inherited["PYENV_ROOT"] { environment["PYENV_ROOT"] = pyenv }
        return environment
    }

    /// A working directory as a reader's: the repository's Config/ and Tests/, the built products
    /// at `.build/debug`, a small provision.txt and a server certificate (server.pem, as a reader gets it
    /// from the appliance).
    static func workingDirectory(_ lunacm: Lunacm) throws -> String {
        let directory = lunacm.scratch + "/work"
        let files = FileManager.default
        try files.createDirectory(atPath: directory + "/.build", withIntermediateDirectories: true)
        for name in ["Config", "Tests"] {
            try files.createSymbolicLink(atPath: directory + "/" + name, withDestinationPath: root.appendingPathComponent(name).path)
        }
        try files.createSymbolicLink(atPath: directory + "/.build/debug", withDestinationPath: binaries)
        try "# provisioning\nslot list\nslot set -slot 1\nhagroup listgroups -password userpin1\n"
            .write(toFile: directory + "/provision.txt", atomically: true, encoding: .utf8)
        try "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUXvRrZ3Jvb3QtY2EtZm9yLXRlc3RzMAoGCCqGSM49BAMC\n-----END CERTIFICATE-----\n"
            .write(toFile: directory + "/server.pem", atomically: true, encoding: .utf8)
        return directory
    }

    // MARK: running

    /// Runs the steps in one /bin/sh in `directory`, each step's output and status kept apart.
    static func run(_ steps: [Step], in directory: String, _ lunacm: Lunacm) throws -> [Line] {
        let record = lunacm.scratch + "/steps"
        try FileManager.default.createDirectory(atPath: record, withIntermediateDirectories: true)
        var script = ""
        for (index, step) in steps.enumerated() {
            var input = "/dev/null"
            if let stdin = step.stdin {
                input = "\(record)/in.\(index)"
                try stdin.write(toFile: input, atomically: true, encoding: .utf8)
            }
            script += "{\n\(step.script)\n} >'\(record)/out.\(index)' 2>&1 <'\(input)'\necho $? >'\(record)/status.\(index)'\n"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment(lunacm)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return steps.enumerated().map { index, step in
            let status = Int32(lunacm.file("\(record)/status.\(index)").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            return Line(source: step.source, status: status, out: lunacm.file("\(record)/out.\(index)"))
        }
    }

    /// The steps of a block: a shell block's lines (comment-only and blank lines are not run); a
    /// session or python block as one step.
    static func steps(of block: ReadmeBlock) -> [Step] {
        switch block.kind {
        case .shell:
            return block.lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }.map { line in
                Step(source: line, script: line, kind: .shell, stdin: typedInput.first { line.hasPrefix($0.key) }?.value)
            }
        case .session:
            var typed = "", prompts: [String] = []
            for line in block.lines {
                if line.hasPrefix("lunacm:> ") { typed += String(line.dropFirst("lunacm:> ".count)) + "\n" }
                else if line.hasPrefix("> ") { typed += String(line.dropFirst(2)) + "\n" }
                else if !line.trimmingCharacters(in: .whitespaces).isEmpty { prompts.append(trimmedEnd(line)) }
            }
            return [Step(source: block.description, script: "lunacm --bail <<'README_SESSION'\n\(typed)README_SESSION",
                         kind: .session(prompts: prompts))]
        case .python:
            return [Step(source: block.description, script: "python3 - <<'README_PYTHON'\n\(block.text)README_PYTHON", kind: .python)]
        default:
            return []
        }
    }

    static func trimmedEnd(_ line: some StringProtocol) -> String {
        String(line.reversed().drop { $0 == " " || $0 == "\r" || $0 == "\t" }.reversed())
    }

    /// Checks one step's output against what the README promises of it.
    static func check(_ step: Step, _ result: Line) {
        switch step.kind {
        case .shell:
            let comment = step.source.components(separatedBy: "   # ").dropFirst().first?.trimmingCharacters(in: .whitespaces) ?? ""
            if let match = comment.firstMatch(of: #/^(0x[0-9a-f]+) (CKR_[A-Z_]+)$/#) {
                #expect(result.out.contains("Command Result : \(match.1) (\(match.2))"), "\(step.source)\n\(result.out)")
            } else if comment.hasPrefix("... ") {
                #expect(result.out.contains(comment.dropFirst(4)), "\(step.source)\n\(result.out)")
            } else if comment.hasPrefix("prints ") {
                #expect(result.out.hasSuffix("\n" + comment.dropFirst("prints ".count) + "\n"), "\(step.source)\n\(result.out)")
            } else {
                #expect(result.status == 0, "\(step.source) exited \(result.status)\n\(result.out)")
            }
        case .session(let prompts):
            #expect(result.status == 0, "\(step.source) exited \(result.status)\n\(result.out)")
            var rest = Substring(result.out)
            for prompt in prompts {
                guard let found = rest.range(of: prompt) else {
                    Issue.record("\(step.source): the prompt '\(prompt)' is not printed (in order)\n\(result.out)")
                    break
                }
                rest = rest[found.upperBound...]
            }
        case .python, .own:
            #expect(result.status == 0, "\(step.source) exited \(result.status)\n\(result.out)")
        }
        #expect(!result.out.contains("not found"), "\(step.source)\n\(result.out)")
    }
}
