import Foundation
import Testing

/// The command shape, checked over the source tree: commands are found through the families'
/// typed lists and options through their typed declarations, never by a string key.
@Suite struct CommandShapeTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every Swift file under Sources, with its text.
    static func sourceFiles() throws -> [(path: String, text: String)] {
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        var files: [(String, String)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            files.append((url.path, try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    /// Reading an option back by its name (`command.text("slot")`, `values["group"]`), or looking
    /// a command or handler up by a key such as `"hagroup.addMember"`.
    static let forbidden: [(pattern: String, why: String)] = [
        (#"\.(text|integer|has)\("[A-Za-z]+"\)"#, "an option read by name"),
        (#"values\["[A-Za-z]+"\]"#, "an option value looked up by name"),
        (#"words\["[A-Za-z]+"\]"#, "an option word looked up by name"),
        (#"handlers\["#, "a handler looked up by key"),
        (#""(slot|hagroup|role|partition|hsm|simulator|clientconfig)\.[A-Za-z]+""#, "a command id used as a key"),
        (#"CommandHandler"#, "a handler registered by key"),
    ]

    @Test func noCommandOrOptionIsLookedUpByAStringKey() throws {
        let files = try Self.sourceFiles()
        #expect(files.count > 50, "found \(files.count) Swift files under \(Self.sources.path)")
        for (path, text) in files {
            for (pattern, why) in Self.forbidden {
                let expression = try Regex(pattern)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.contains(expression) {
                    Issue.record("\(path):\(number + 1): \(why): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
    }

    /// The checker itself finds what it looks for.
    @Test func theCheckCatchesTheOldShape() throws {
        let old = [#"let slot = context.command.integer("slot") ?? -1"#, #"static let handlers: [String: CommandHandler] = ["#,
                   #""hagroup.addMember": addMember,"#]
        for line in old {
            let caught = try Self.forbidden.contains { try line.contains(Regex($0.pattern)) }
            #expect(caught, "\(line)")
        }
    }
}
