/// The seam between commands and whoever is at the other end: a terminal, a stdin batch, a
/// transcript or a test. Commands write text and ask questions only through it.
public protocol Console: AnyObject {
    /// Writes text exactly as given (no newline added).
    func write(_ text: String)
    /// Asks a question. A secret answer is masked on a terminal and never echoed in clear
    /// anywhere. End of input and Ctrl-C are answers of their own: a command reports each
    /// with its own message.
    func ask(_ prompt: String, secret: Bool) -> ConsoleAnswer
    /// True at a terminal, where `clear` clears the screen.
    var isTerminal: Bool { get }
    /// How wide `help` may wrap: the terminal's width there, 80 anywhere else (the default).
    var columns: Int { get }
    /// Writes text whose parts carry a meaning a terminal may show in colour (a member `down`,
    /// an error). Only a console at a terminal decides to colour; the default writes it plain.
    func write(_ text: StyledText)
    /// Shows how far long work has got (`Synchronizing: 1200/5000 objects`), overwriting the
    /// previous progress line; nil clears it. Only a terminal shows it: batch, transcript and
    /// test consoles keep the default, which does nothing, so their output never carries it.
    func progress(_ line: String?)
}

extension Console {
    public var columns: Int { 80 }
    public func write(_ text: StyledText) { write(text.plain) }
    public func progress(_ line: String?) {}
}

/// What came back from a question.
public enum ConsoleAnswer: Sendable, Equatable {
    /// A line was typed (possibly empty).
    case line(String)
    /// Input ended (end of a script, Ctrl-D at a terminal) before an answer.
    case endOfInput
    /// The operator pressed Ctrl-C at the question.
    case interrupted

    /// The typed line, or nil for end of input and Ctrl-C.
    public var text: String? {
        if case .line(let text) = self { return text }
        return nil
    }
}
