import Glibc
import LunaShell

/// The console at a terminal: questions read a line from the terminal, secrets are read with echo
/// off and shown as one `*` per character (reference 1.5). The terminal's settings are restored
/// whatever happens, Ctrl-C included.
final class TerminalConsole: Console {
    let output: StandardOutput
    let isTerminal = true

    init(output: StandardOutput) { self.output = output }

    func write(_ text: String) { output.write(text) }

    func ask(_ prompt: String, secret: Bool) -> ConsoleAnswer {
        output.write(prompt)
        output.flush()
        return secret ? readMasked() : readPlain()
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
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG)
        let previousHandlers = TerminalGuard.arm(saved)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            TerminalGuard.disarm(previousHandlers)
            output.write("\n")
            output.flush()
        }
        var bytes: [UInt8] = []
        while true {
            var byte: UInt8 = 0
            let count = Glibc.read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return .endOfInput }
            switch byte {
            case 0x0a, 0x0d:
                return .line(String(decoding: bytes, as: UTF8.self))
            case 0x03:
                return .interrupted
            case 0x04:
                return .endOfInput
            case 0x7f, 0x08:
                if !bytes.isEmpty {
                    bytes.removeLast()
                    output.write("\u{8} \u{8}")
                    output.flush()
                }
            default:
                bytes.append(byte)
                output.write("*")
                output.flush()
            }
        }
    }
}
