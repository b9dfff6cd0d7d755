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
            #expect(block.kind != .unknown,
                    "\(block): no test runs this kind of block; run it or mark it <!-- readme-test: skip, REASON -->")
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
            let reset = results[ownLines - 1].out
            #expect(reset.components(separatedBy: "Command Result : No Error").count == 3, "\(reset)")
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
            let session = results[ownLines].out
            #expect(session.contains("Member 154438865288 successfully added to group myHAgroup."), "\(session)")
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
            #expect(slots.contains("(0x2): HA Virtual Card Slot"), "\(slots)")
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
            else {
                try #require(!commands.isEmpty, "\(block): output before any command")
                commands[commands.count - 1].1.append(text)
            }
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
