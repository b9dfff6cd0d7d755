/// The seam between commands and whoever is at the other end: a terminal, a stdin batch, a
/// transcript or a test. Commands write text and ask questions only through it.
public protocol Console: AnyObject {
    /// Writes text exactly as given (no newline added).
    func write(_ text: String)
    /// Asks a question and returns the answer, or nil when input has ended. A secret answer is
    /// masked on a terminal and never echoed in clear anywhere.
    func ask(_ prompt: String, secret: Bool) -> String?
    /// True at a terminal, where `clear` clears the screen.
    var isTerminal: Bool { get }
}

/// A console for tests and transcripts: answers come from a list, output is collected. Answers are
/// echoed after the prompt as a batch run shows them (secrets as one `*` per character).
public final class ScriptedConsole: Console {
    public private(set) var output = ""
    private var answers: [String]
    public let isTerminal = false

    public init(answers: [String] = []) { self.answers = answers }

    public func write(_ text: String) { output += text }

    public func ask(_ prompt: String, secret: Bool) -> String? {
        output += prompt
        guard !answers.isEmpty else {
            output += "\n"
            return nil
        }
        let answer = answers.removeFirst()
        output += (secret ? String(repeating: "*", count: answer.count) : answer) + "\n"
        return answer
    }

    /// Takes and clears what has been written so far.
    public func takeOutput() -> String {
        defer { output = "" }
        return output
    }
}
