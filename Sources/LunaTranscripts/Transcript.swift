import LunaShell

/// A `.lunacm` file: header, then `lunacm:> COMMAND` lines each followed by the output LunaCM is
/// expected to print (docs/transcripts.md). The file's lines are kept as they are, so a replay
/// can point at line numbers and `--update` can rewrite only the blocks that changed.
public struct Transcript: Sendable {
    /// One command and where its expected output sits in `lines`.
    public struct Step: Sendable {
        public let command: String
        /// 0-based index of the `lunacm:>` line.
        public let commandIndex: Int
        /// The expected output's lines, trailing blank lines excluded (they are not compared: a
        /// terminal session shows one before each prompt).
        public let content: Range<Int>
        /// The trailing blank lines, kept as they are on update.
        public let trailing: Range<Int>
    }

    public static let prompt = "lunacm:>"

    public let path: String
    public let lines: [String]
    public let endsWithNewline: Bool
    public let header: TranscriptHeader
    public let steps: [Step]

    public init(text: String, path: String) throws(TranscriptError) {
        self.path = path
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        self.lines = lines

        var header = TranscriptHeader()
        var commandIndexes: [Int] = []
        for (index, line) in lines.enumerated() {
            if line.hasPrefix(Self.prompt) {
                commandIndexes.append(index)
            } else if commandIndexes.isEmpty, line.hasPrefix(TranscriptHeader.prefix) {
                try header.read(line, line: index + 1, path: path)
            }
        }
        self.header = header
        steps = commandIndexes.enumerated().map { position, index in
            let end = position + 1 < commandIndexes.count ? commandIndexes[position + 1] : lines.count
            var contentEnd = end
            while contentEnd > index + 1, lines[contentEnd - 1].isEmpty { contentEnd -= 1 }
            var command = lines[index].dropFirst(Self.prompt.count)
            if command.hasPrefix(" ") { command = command.dropFirst() }
            return Step(command: String(command), commandIndex: index, content: (index + 1)..<contentEnd,
                        trailing: contentEnd..<end)
        }
    }

    /// The file's text with some steps' expected output replaced (what `--update` writes).
    public func text(replacing blocks: [Int: [String]]) -> String {
        var out: [String] = []
        var index = 0
        for (position, step) in steps.enumerated() {
            if let block = blocks[position] {
                out += lines[index..<step.content.lowerBound]
                out += block
                index = step.content.upperBound
            }
        }
        out += lines[index...]
        return out.joined(separator: "\n") + (endsWithNewline ? "\n" : "")
    }
}
