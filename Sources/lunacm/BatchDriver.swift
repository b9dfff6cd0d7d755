import LunaShell
import LunaSim

/// Runs commands without a terminal: from stdin, from `-f FILE`, or the single `-c`/`-q` command.
/// No banner, no prompt; exit status 0 when every command succeeded, 1 when any failed.
struct BatchDriver {
    let shell: Shell
    let output: StandardOutput
    let echo: Bool
    let bail: Bool

    /// Runs every line of the source; prompts inside commands read from the same source.
    func run(_ lines: LineSource) -> Int32 {
        var failed = false
        while let line = lines.next() {
            let outcome: Shell.Outcome
            switch line {
            case .invalidUTF8:
                if echo { output.write("lunacm:> (line that is not valid UTF-8)\n") }
                outcome = shell.fail(LunaError.badArguments("The line is not valid UTF-8 (or is longer than 4 MiB); it was not run."))
            case .text(let text):
                if echo, !isBlankOrComment(text) { output.write("lunacm:> \(Redactor.redact(text))\n") }
                outcome = shell.run(line: text)
            }
            output.flush()
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
