import LunaShell

/// A console for tests: answers come from a list, output is collected. Answers are echoed after
/// the prompt as a batch run shows them (secrets as one `*` per character). Kept out of the
/// production library: only tests script a console this way.
public final class ScriptedConsole: Console {
    public private(set) var output = ""
    private var answers: [ConsoleAnswer]
    public let isTerminal = false

    public init(answers: [String] = []) { self.answers = answers.map { .line($0) } }

    /// Answers that may include end of input or Ctrl-C at a given question.
    public init(replies: [ConsoleAnswer]) { self.answers = replies }

    public func write(_ text: String) { output += text }

    public func ask(_ prompt: String, secret: Bool) -> ConsoleAnswer {
        output += prompt
        guard !answers.isEmpty else {
            output += "\n"
            return .endOfInput
        }
        let answer = answers.removeFirst()
        switch answer {
        case .line(let text): output += (secret ? String(repeating: "*", count: text.count) : text) + "\n"
        case .endOfInput, .interrupted: output += "\n"
        }
        return answer
    }

    /// Takes and clears what has been written so far.
    public func takeOutput() -> String {
        defer { output = "" }
        return output
    }
}
