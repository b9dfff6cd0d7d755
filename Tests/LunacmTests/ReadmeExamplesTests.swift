import Foundation
import Testing

/// Every example in README.md, run as its reader would run it, each block on a fresh state home,
/// with the binaries this package builds first in PATH (issue 13: "every README example is
/// exercised by a test"). How each kind of block is checked:
/// - ```sh: the lines run in order in one `sh` (so `export` and variables carry over), from a
///   directory holding the repository's Config/ and Tests/, `.build/debug` (the built binaries and
///   library) and the files a reader would have (provision.txt, the appliance's server.pem). A line's
///   trailing comment, when it states a result (`# 0xa0 CKR_PIN_INCORRECT`, `# ... Locked out.`,
///   `# prints 1`), is checked against its output; any other line must exit 0. No line may print
///   "not found".
/// - ```text sessions: the `lunacm:> COMMAND` lines and `> answer` lines are typed into one
///   `lunacm --bail` (so every command must succeed), and each prompt line shown must be printed,
///   in order.
/// - ```python: run by python3 in the same shell and home, after the block above it.
/// - bare `$ COMMAND` blocks: each command runs (`make run` as what it starts: lunacm on a
///   pseudo-terminal) and prints exactly the lines shown; a `...` line stands for any lines.
/// - the layout block: every folder it names exists, and every document it names is in docs/.
/// A block marked `<!-- readme-test: skip, REASON -->` is not run; any other block this test
/// cannot run fails `everyReadmeBlockIsRunByATest`.
@Suite struct ReadmeExamplesTests {
    static let root = WalkthroughTests.root

    static let blocks: [ReadmeBlock] = (try? ReadmeBlock.all()) ?? []

    static func block(at line: Int) throws -> ReadmeBlock {
        try #require(blocks.first { $0.line == line }, "no block at README.md:\(line)")
    }

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
            return [Step(source: block.description, script: "lunacm --bail <<'README_SESSION'\n\(typed)README_SESSION", kind: .session(prompts: prompts))]
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

    // MARK: coverage

    static let shellBlocks = blocks.filter { $0.kind == .shell && $0.skipReason == nil }.map(\.line)
    static let sessionBlocks = blocks.filter { $0.kind == .session && !$0.continuesPrevious }.map(\.line)
    static let outputBlocks = blocks.filter { $0.kind == .output && $0.skipReason == nil }.map(\.line)

    @Test func everyReadmeBlockIsRunByATest() throws {
        let all = try ReadmeBlock.all()
        #expect(all.count >= 12, "README.md has \(all.count) blocks")
        for (index, block) in all.enumerated() {
            if let reason = block.skipReason {
                #expect(!reason.isEmpty, "\(block): a skip needs its reason")
                continue
            }
            #expect(block.kind != .unknown, "\(block): no test runs this kind of block; run it or mark it <!-- readme-test: skip, REASON -->")
            if block.continuesPrevious {
                #expect(index > 0 && all[index - 1].kind == .shell && all[index - 1].skipReason == nil,
                        "\(block) continues a block that is not a run shell block")
                #expect(block.kind == .session || block.kind == .python, "\(block) cannot continue a shell block")
            } else {
                #expect(block.kind != .python, "\(block): a python example runs after the shell block that prepares it")
            }
            if let mark = block.mark {
                #expect(block.skipReason != nil || block.continuesPrevious, "\(block): unknown mark '\(mark)'")
            }
        }
        // Every kind the runner knows is run by one of the tests below.
        var run = Set(Self.shellBlocks + Self.sessionBlocks + Self.outputBlocks)
        run.formUnion(all.filter { $0.continuesPrevious || $0.kind == .layout }.map(\.line))
        for block in all where block.skipReason == nil {
            #expect(run.contains(block.line), "\(block) is run by no test")
        }
    }

    // MARK: shell blocks

    @Test(arguments: shellBlocks)
    func shellExampleRunsAsWrittenOnAFreshHome(line: Int) throws {
        let lunacm = Lunacm()
        let directory = try Self.workingDirectory(lunacm)
        let block = try Self.block(at: line)
        var steps = Self.steps(of: block)
        let ownLines = steps.count
        if let next = Self.blocks.first(where: { $0.line > line }), next.continuesPrevious {
            steps += Self.steps(of: next)
        }
        let pkcs11 = block.text.contains("pkcs11-tool")
        if pkcs11 {
            // The test's own check, in the same shell: the keys the examples made are on the partition.
            steps.append(Step(source: "(test) partition contents of slot 0",
                              script: "printf 'slot set -slot 0\\nrole login -name co -password userpin1\\npartition contents\\n' | lunacm",
                              kind: .own))
        }
        let results = try Self.run(steps, in: directory, lunacm)
        for (step, result) in zip(steps, results) { Self.check(step, result) }

        if block.text.contains("role resetpw") {
            // Lockout: ten failures, then the Partition SO logs in and resets the CO's password.
            #expect(results[1].out.components(separatedBy: "(CKR_PIN_INCORRECT)").count - 1 == 10)
            #expect(results[ownLines - 1].out.components(separatedBy: "Command Result : No Error").count == 3, "\(results[ownLines - 1].out)")
            let after = try lunacm.run(["-c", "role", "login", "-name", "co", "-password", "newpin11"])
            #expect(!after.out.contains("CKR_PIN_LOCKED") && !after.out.contains("CKR_PIN_INCORRECT"), "\(after.out)")
        }
        if block.text.contains("lunacm -q slot list") {
            // What the README says of -q: exactly -c.
            let pair = try Self.run([Step(source: "-q", script: "lunacm -q slot list", kind: .own),
                                     Step(source: "-c", script: "lunacm -c slot list", kind: .own)], in: directory, lunacm)
            #expect(pair[0].status == 0 && pair[0].out == pair[1].out && pair[0].out.contains("Command Result : No Error"))
        }
        if block.text.contains("fresh-partition.json --reset\n"), steps.count > ownLines {
            #expect(results[ownLines].out.contains("Member 154438865288 successfully added to group myHAgroup."), "\(results[ownLines].out)")
        }
        if block.text.contains("lunacm --record") {
            #expect(results[0].out.contains("Current Slot Id: 1"), "\(results[0].out)")
            #expect(lunacm.file(directory + "/my-session.lunacm").contains("lunacm:> slot set -slot 1"))
            #expect(results[2].out.contains(" passed, 0 failed"), "\(results[2].out)")
        }
        if pkcs11 {
            #expect(steps.count == ownLines + 2, "the PKCS#11 example is followed by its python example")
            #expect(results[ownLines - 1].out.contains("app-key"), "\(results[ownLines - 1].out)")
            let slots = results.first { $0.source.contains("--list-slots") }?.out ?? ""
            #expect(slots.contains("(0x5): HA Virtual Card Slot"), "\(slots)")
            #expect(results.last?.out.contains("py-key") == true && results.last?.out.contains("app-key") == true,
                    "\(results.last?.out ?? "")")
        }
    }

    // MARK: session blocks

    @Test(arguments: sessionBlocks)
    func sessionExampleRunsAsWrittenOnAFreshHome(line: Int) throws {
        let lunacm = Lunacm()
        let directory = try Self.workingDirectory(lunacm)
        let steps = Self.steps(of: try Self.block(at: line))
        let results = try Self.run(steps, in: directory, lunacm)
        for (step, result) in zip(steps, results) { Self.check(step, result) }
    }

    // MARK: output blocks

    /// Commands a sample shows that the test runs as what they start, on a pseudo-terminal.
    static let terminalCommands = ["make run": "lunacm"]

    @Test(arguments: outputBlocks)
    func outputSamplePrintsWhatItShows(line: Int) throws {
        let lunacm = Lunacm()
        let directory = try Self.workingDirectory(lunacm)
        let block = try Self.block(at: line)
        var commands: [(String, [String])] = []
        for text in block.lines {
            if text.hasPrefix("$ ") { commands.append((String(text.dropFirst(2)), [])) }
            else { try #require(!commands.isEmpty, "\(block): output before any command"); commands[commands.count - 1].1.append(text) }
        }
        for (command, expected) in commands {
            let printed: String
            if let program = Self.terminalCommands[command] {
                printed = try Self.onTerminal(program, in: directory, lunacm)
            } else {
                printed = try Self.run([Step(source: command, script: command, kind: .own)], in: directory, lunacm)[0].out
            }
            if let mismatch = Self.mismatch(expected, printed.components(separatedBy: "\n")) {
                Issue.record("\(block) `$ \(command)`: \(mismatch)\n--- printed:\n\(printed)")
            }
        }
    }

    /// What a pseudo-terminal has printed so far, read on its own thread.
    final class Screen: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()
        func append(_ data: Data) { lock.withLock { bytes.append(data) } }
        var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
    }

    /// Runs `program` on a pseudo-terminal (util-linux `script`) and types `exit` once it shows
    /// its prompt (typed earlier, the terminal would echo it before the banner).
    static func onTerminal(_ program: String, in directory: String, _ lunacm: Lunacm) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["20", "script", "-qec", program, "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment(lunacm)
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let screen = Screen()
        let done = DispatchSemaphore(value: 0)
        let reader = output.fileHandleForReading
        Thread {
            while case let data = reader.availableData, !data.isEmpty { screen.append(data) }
            done.signal()
        }.start()
        try process.run()
        let start = Date()
        while !screen.text.contains("lunacm:>") && Date().timeIntervalSince(start) < 15 { usleep(20_000) }
        input.fileHandleForWriting.write(Data("exit\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        done.wait()
        #expect(process.terminationStatus == 0, "\(program) on a terminal exited \(process.terminationStatus)")
        return screen.text.replacingOccurrences(of: "\r", with: "")
    }

    /// Why `printed` does not show `expected` (nil when it does): the lines match one for one
    /// (trailing blanks and blank lines at the end aside), a `...` line matches any run of lines,
    /// and a line ending in the prompt `lunacm:>` matches the prompt followed by what was typed.
    static func mismatch(_ expected: [String], _ printed: [String]) -> String? {
        func trimmed(_ lines: [String]) -> [String] {
            var lines = lines.map { trimmedEnd($0) }
            while lines.last == "" { lines.removeLast() }
            return lines
        }
        let expected = trimmed(expected), printed = trimmed(printed)
        var segments: [[String]] = [[]]
        for line in expected {
            if line.trimmingCharacters(in: .whitespaces) == "..." { segments.append([]) } else { segments[segments.count - 1].append(line) }
        }
        func same(_ want: String, _ got: String) -> Bool { want == got || (want.hasSuffix("lunacm:>") && got.hasPrefix(want)) }
        var position = 0
        for (index, segment) in segments.enumerated() {
            let starts = index == 0 ? [position] : Array(position...max(position, printed.count - segment.count))
            guard let start = starts.first(where: { start in
                start + segment.count <= printed.count && zip(segment, printed[start...]).allSatisfy { same($0, $1) }
            }) else {
                return "lines not printed \(index == 0 ? "at the start" : "after line \(position)"): \(segment)"
            }
            position = start + segment.count
        }
        return position == printed.count ? nil : "printed more than shown from line \(position + 1): \(printed[position])"
    }

    // MARK: layout

    @Test func theLayoutNamesFoldersAndDocumentsThatExist() throws {
        let layouts = Self.blocks.filter { $0.kind == .layout }
        #expect(layouts.count == 1)
        var checked = 0
        for block in layouts {
            var top = ""
            for line in block.lines {
                let first = line.split(separator: " ").first.map(String.init) ?? ""
                if !line.hasPrefix(" "), first.hasSuffix("/") { top = first }
                let folder: String? = line.hasPrefix("  ") && !line.hasPrefix("   ") && first.hasSuffix("/") ? top + first
                    : !line.hasPrefix(" ") && first.hasSuffix("/") ? first : nil
                if let folder {
                    var isDirectory: ObjCBool = false
                    #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(folder).path, isDirectory: &isDirectory)
                            && isDirectory.boolValue, "\(block): \(folder) is not a folder of the repository")
                    checked += 1
                }
                if top == "docs/" {
                    for document in line.matches(of: #/[a-z-]+\.md/#) {
                        #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("docs/" + document.output).path),
                                "\(block): docs/\(document.output) does not exist")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked >= 15, "only \(checked) names checked")
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
