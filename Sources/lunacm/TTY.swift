import Glibc

/// Answers "is this a terminal" once, for the driver choice and the masked prompt.
enum TTY {
    static let stdinIsTerminal = isatty(STDIN_FILENO) == 1
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
}
