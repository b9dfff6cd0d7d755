import LunaShell

/// The console of a batch run: output to stdout, answers to prompts from the same line source as
/// the commands. A question shows its prompt and the answer (masked for secrets), as a terminal
/// session would, so a batch log reads like the interactive one.
final class BatchConsole: Console {
    let output: StandardOutput
    let lines: LineSource
    let isTerminal = false

    init(output: StandardOutput, lines: LineSource) {
        self.output = output
        self.lines = lines
    }

    func write(_ text: String) { output.write(text) }

    func ask(_ prompt: String, secret: Bool) -> ConsoleAnswer {
        output.write(prompt)
        guard case .text(let answer)? = lines.next() else {
            output.write("\n")
            return .endOfInput
        }
        output.write((secret ? String(repeating: "*", count: answer.count) : answer) + "\n")
        return .line(answer)
    }
}
