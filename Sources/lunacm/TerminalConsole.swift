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

    func ask(_ prompt: String, secret: Bool) -> String? {
        output.write(prompt)
        output.flush()
        return secret ? readMasked() : readPlain()
    }

    private func readPlain() -> String? {
        var bytes: [UInt8] = []
        while true {
            var byte: UInt8 = 0
            let count = Glibc.read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR { return nil }
            if count <= 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 0x0a { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    private func readMasked() -> String? {
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
            if count <= 0 { return nil }
            switch byte {
            case 0x0a, 0x0d:
                return String(decoding: bytes, as: UTF8.self)
            case 0x03, 0x04:  // Ctrl-C, Ctrl-D: abandon the prompt.
                return nil
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
