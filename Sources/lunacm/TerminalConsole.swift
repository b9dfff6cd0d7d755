import Glibc
import LunaShell

/// The console at a terminal: a question's answer is edited with libedit (`QuestionEditor`);
/// secrets are read with echo off and shown as one `*` per character, edited as
/// MaskedLineReader says (docs/lunacm-behaviour.md §1.5). The
/// terminal's settings are restored whatever happens, Ctrl-C included.
final class TerminalConsole: Console {
    let output: StandardOutput
    let isTerminal = true

    /// Plain questions' answers are edited like any line.
    private let questions = QuestionEditor()

    init(output: StandardOutput) { self.output = output }

    func write(_ text: String) { output.write(text) }

    func ask(_ prompt: String, secret: Bool) -> ConsoleAnswer {
        guard secret else { return questions.ask(prompt, output: output) }
        output.write(prompt)
        output.flush()
        return readMasked()
    }

    private func readPlain() -> ConsoleAnswer {
        var bytes: [UInt8] = []
        while true {
            var byte: UInt8 = 0
            let count = Glibc.read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR { return .interrupted }
            if count <= 0 { return bytes.isEmpty ? .endOfInput : .line(String(decoding: bytes, as: UTF8.self)) }
            if byte == 0x0a { return .line(String(decoding: bytes, as: UTF8.self)) }
            bytes.append(byte)
        }
    }

    private func readMasked() -> ConsoleAnswer {
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return readPlain() }
        switch readMaskedInput(restoring: saved) {
        case .line(let answer): return .line(answer)
        case .endOfInput: return .endOfInput
        case .interrupted: return .interrupted
        }
    }

    /// Reads a masked answer in raw mode; MaskedLineReader decides what each key means.
    private func readMaskedInput(restoring saved: termios) -> MaskedInput {
        var saved = saved
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(ICRNL | IXON)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        let previousHandlers = TerminalGuard.arm(saved)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        defer {
            // TCSADRAIN, not TCSAFLUSH: keys typed after Enter are the next command's, not lost.
            tcsetattr(STDIN_FILENO, TCSADRAIN, &saved)
            TerminalGuard.disarm(previousHandlers)
            output.write("\n")
            output.flush()
        }
        var reader = MaskedLineReader()
        while true {
            // One byte at a time: what follows Enter belongs to the next reader (libedit).
            var byte: UInt8 = 0
            let count = Glibc.read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return .endOfInput }
            let step = reader.feed(byte)
            if !step.echo.isEmpty {
                output.write(step.echo)
                output.flush()
            }
            if let finished = step.finished { return finished }
            if reader.isInsideEscape, !Self.moreInput(withinMilliseconds: 50) { reader.abandonEscape() }
        }
    }

    /// True when a byte arrives within the time: the rest of an escape sequence comes at once,
    /// a lone Esc key is followed by nothing.
    private static func moreInput(withinMilliseconds milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            return ready > 0
        }
    }
}
