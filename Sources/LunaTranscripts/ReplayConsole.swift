import LunaShell

/// The console of a replay: output is collected per command; a question is answered from the
/// transcript itself. A plain prompt's answer is the rest of the expected line that starts with
/// what the shell has printed on the current line (`          >  copy` answers `copy`); a
/// masked prompt takes the next `# lunasim: secret =` value (the last one repeats) and echoes
/// one `*` per character, as a batch run does.
final class ReplayConsole: Console {
    let isTerminal = false
    private var output = ""
    private var expected: [String] = []
    private var cursor = 0
    private let secrets: [String]
    private var secretIndex = 0

    init(secrets: [String]) { self.secrets = secrets }

    /// Starts a command whose expected output is `lines`.
    func begin(expected lines: [String]) {
        expected = lines
        cursor = 0
        output = ""
    }

    func write(_ text: String) { output += text }

    func ask(_ prompt: String, secret: Bool) -> ConsoleAnswer {
        output += prompt
        let answer = secret ? nextSecret() : plainAnswer()
        guard let answer else {
            output += "\n"
            return .endOfInput
        }
        output += (secret ? String(repeating: "*", count: answer.count) : answer) + "\n"
        return .line(answer)
    }

    /// The next header secret; nil when the header gives none.
    func nextSecret() -> String? {
        guard !secrets.isEmpty else { return nil }
        defer { secretIndex += 1 }
        return secrets[min(secretIndex, secrets.count - 1)]
    }

    private func plainAnswer() -> String? {
        let shown = output.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        guard cursor < expected.count,
              let index = expected[cursor...].firstIndex(where: { $0.hasPrefix(shown) && $0.count > shown.count || $0 == shown })
        else { return nil }
        cursor = index + 1
        // Nothing after the prompt means end of input, so an update of a run that ran out of
        // answers replays the same way.
        let answer = String(expected[index].dropFirst(shown.count))
        return answer.isEmpty ? nil : answer
    }

    /// Everything written since `begin`.
    func takeOutput() -> String {
        defer { output = "" }
        return output
    }
}
