import Glibc

/// How wide the terminal on stdout is, asked each time (the window may have been resized);
/// 80 when stdout is not a terminal, so piped and batch output stays the same everywhere.
enum TerminalSize {
    static let fallbackColumns = 80

    static var columns: Int {
        var size = winsize()
        guard TTY.stdoutIsTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return fallbackColumns
        }
        return Int(size.ws_col)
    }
}
