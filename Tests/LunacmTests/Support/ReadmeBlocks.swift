import Foundation

/// README.md's fenced blocks, so that a test can run each example a reader would copy and fail on
/// any block it does not know how to run. A block may be preceded (on the line just before its
/// fence) by `<!-- readme-test: skip, REASON -->`, for an example that cannot run inside
/// `swift test`, or `<!-- readme-test: continues the block above -->`, for one that runs in the
/// same shell and home right after the block before it.
struct ReadmeBlock: CustomStringConvertible {
    enum Kind: Equatable {
        /// A ```sh block: shell lines a reader pastes.
        case shell
        /// A ```text block of `lunacm:> COMMAND` lines, `> answer` lines and the prompts shown.
        case session
        /// A ```python block.
        case python
        /// A bare block of `$ COMMAND` lines each followed by what the command prints.
        case output
        /// A bare block of the repository's folders (`Config/   what it holds`).
        case layout
        /// Anything else: no test knows how to run it.
        case unknown
    }

    /// 1-based line of the opening fence, for messages.
    let line: Int
    let language: String
    let lines: [String]
    /// The `readme-test:` comment just before the fence, without its delimiters.
    let mark: String?

    var text: String { lines.map { $0 + "\n" }.joined() }

    var skipReason: String? {
        guard let mark, mark.hasPrefix("skip") else { return nil }
        return mark.dropFirst("skip".count).trimmingCharacters(in: CharacterSet(charactersIn: ", "))
    }

    var continuesPrevious: Bool { mark == "continues the block above" }

    var kind: Kind {
        switch language {
        case "sh": return .shell
        case "python": return .python
        case "text": return lines.contains { $0.hasPrefix("lunacm:> ") } ? .session : .unknown
        case "":
            if lines.first?.hasPrefix("$ ") == true { return .output }
            if let first = lines.first, first.split(separator: " ").first?.hasSuffix("/") == true { return .layout }
            return .unknown
        default: return .unknown
        }
    }

    var description: String { "README.md:\(line) (```\(language))" }

    static let readme = WalkthroughTests.root.appendingPathComponent("README.md")

    static func all() throws -> [ReadmeBlock] {
        let source = try String(contentsOf: readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        var blocks: [ReadmeBlock] = []
        var index = 0
        while index < source.count {
            let fence = source[index]
            guard fence.hasPrefix("```") else { index += 1; continue }
            let start = index
            let language = String(fence.dropFirst(3)).trimmingCharacters(in: .whitespaces)
            var mark: String?
            if index > 0, let match = source[index - 1].wholeMatch(of: #/<!-- readme-test: (.+?) -->/#) {
                mark = String(match.1)
            }
            var body: [String] = []
            index += 1
            while index < source.count, source[index] != "```" {
                body.append(source[index])
                index += 1
            }
            blocks.append(ReadmeBlock(line: start + 1, language: language, lines: body, mark: mark))
            index += 1
        }
        return blocks
    }
}
