import LunaShell

/// Wraps the console of a recorded session: the user sees and types exactly what they would
/// without recording; the recorder gets the same text with each masked answer replaced by its
/// placeholder (echoed as one `*` per placeholder character, which is what the replay shows).
public final class RecordingConsole: Console {
    let inner: Console
    weak var recorder: TranscriptRecorder?

    public init(wrapping inner: Console) { self.inner = inner }

    public var isTerminal: Bool { inner.isTerminal }

    public func write(_ text: String) {
        inner.write(text)
        recorder?.capture(text)
    }

    /// The terminal may colour it; the transcript gets the plain characters.
    public func write(_ text: StyledText) {
        inner.write(text)
        recorder?.capture(text.plain)
    }

    /// A progress line is for the screen only, never part of a transcript.
    public func progress(_ line: String?) { inner.progress(line) }

    // `columns` is not forwarded: a recorded `help` must wrap at the 80 columns a replay uses.

    public func ask(_ prompt: String, secret: Bool) -> ConsoleAnswer {
        let reply = inner.ask(prompt, secret: secret)
        recorder?.capture(prompt)
        guard case .line(let answer) = reply else {
            recorder?.capture("\n")
            return reply
        }
        if secret {
            let placeholder = recorder?.consumeSecret(answer) ?? ""
            recorder?.capture(String(repeating: "*", count: placeholder.count) + "\n")
        } else {
            recorder?.capture(answer + "\n")
        }
        return reply
    }
}
