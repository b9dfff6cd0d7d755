import Glibc

/// Puts the terminal back when a signal from outside (`kill -TERM`, a hang-up) ends lunacm while a
/// masked prompt has echo off; otherwise the user's shell would be left without echo. The key
/// Ctrl-C is read as a character there and needs no signal.
enum TerminalGuard {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Saves `terminal` for the handler and installs it; returns the handlers it replaced.
    static func arm(_ terminal: termios) -> [sigaction] {
        savedTerminal = terminal
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal)
            Glibc.signal(signal, SIG_DFL)
            raise(signal)
        }
        sigemptyset(&action.sa_mask)
        return signals.map { signal in
            var previous = sigaction()
            sigaction(signal, &action, &previous)
            return previous
        }
    }

    static func disarm(_ previous: [sigaction]) {
        for (signal, handler) in zip(signals, previous) {
            var handler = handler
            sigaction(signal, &handler, nil)
        }
    }
}

/// Read by the signal handler, which can capture nothing; written only before it is installed.
nonisolated(unsafe) private var savedTerminal = termios()
