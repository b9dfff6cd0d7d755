import LunaShell
import LunaSim

/// Runs commands without a terminal: from stdin, from `-f FILE`, or the single `-c`/`-q` command.
/// No banner, no prompt; exit status 0 when every command succeeded, 1 when any failed.
struct BatchDriver {
    let runner: LineRunner
    let echo: Bool
    let bail: Bool

    var shell: Shell { runner.shell }
    var output: StandardOutput { runner.output }

    /// Runs every line of the source; prompts inside commands read from the same source.
    func run(_ lines: LineSource) -> Int32 {
        var failed = false
        while let line = lines.next() {
            let outcome: Shell.Outcome?
            switch line {
            case .invalidUTF8:
                if echo { output.write("lunacm:> (line that is not valid UTF-8)\n") }
                outcome = shell.fail(LineRunner.unreadableLine)
            case .text(let text):
                if echo, !isBlankOrComment(text) { output.write("lunacm:> \(Redactor.redact(text))\n") }
                outcome = runner.run(text)
            }
            output.flush()
            guard let outcome else { return 2 }
            if case .failure = outcome {
                failed = true
                if bail { break }
            }
            if outcome == .exit { break }
        }
        output.flush()
        return failed ? 1 : 0
    }

    /// Runs the one command of `-c`/`-q`.
    func run(words: [String]) -> Int32 {
        if echo { output.write("lunacm:> \(Redactor.redact(words.map(Redactor.quotedWord).joined(separator: " ")))\n") }
        // One quoted string (`-c "slot list"`) is tokenized; separate words are tokens as they are.
        let outcome = words.count == 1 ? shell.run(line: words[0]) : shell.run(tokens: words)
        output.flush()
        if case .failure = outcome { return 1 }
        return 0
    }

    private func isBlankOrComment(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}

extension Redactor {
    static func quotedWord(_ word: String) -> String {
        word.isEmpty || word.contains(" ") ? "\"\(word)\"" : word
    }
}
