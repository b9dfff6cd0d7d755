import Glibc
import LunaShell

/// The executable's one decision about colour and progress lines: only when stdout is a terminal
/// and NO_COLOR is not set (https://no-color.org: set and not empty), so pipes, batch runs and
/// recorded transcripts never carry an escape code.
enum TerminalStyle {
    static let colours: Bool = {
        guard TTY.stdoutIsTerminal else { return false }
        guard let value = getenv("NO_COLOR") else { return true }
        return value.pointee == 0
    }()

    /// ECMA-48 SGR: green, red, back to normal.
    private static let green = "\u{1B}[32m", red = "\u{1B}[31m", reset = "\u{1B}[0m"
    /// Carriage return, then erase to the end of the line (ECMA-48 EL).
    static let eraseLine = "\r\u{1B}[K"

    /// The text with its meanings shown in colour when `colours` is on, plain otherwise.
    static func render(_ text: StyledText, colours: Bool = colours) -> String {
        guard colours else { return text.plain }
        var out = ""
        for part in text.parts {
            switch part.meaning {
            case .plain: out += part.text
            case .good: out += green + part.text + reset
            case .bad, .error: out += red + part.text + reset
            }
        }
        return out
    }
}
