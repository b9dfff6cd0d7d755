import CLibEdit
import Glibc

/// The `lunacm:>` prompt through libedit: line editing, history kept in the state home (never a
/// line that carries a secret), Ctrl-C clears the line, Ctrl-D on an empty line ends the session.
final class LineEditor {
    enum Input {
        case line(String)
        case interrupted
        case endOfInput
    }

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String
    private var event = HistEvent()

    init(historyPath: String) {
        self.historyPath = historyPath
        editor = el_init("lunacm", lunasim_stdin(), lunasim_stdout(), lunasim_stderr())
        history = history_init()
        lunasim_history_setsize(history, &event, 1000)
        lunasim_history_setunique(history, &event, 1)
        lunasim_history_load(history, &event, historyPath)
        lunasim_el_set_history(editor, history)
        lunasim_el_set_editor(editor, "emacs")
        lunasim_el_set_signal(editor, 1)
        lunasim_el_set_prompt(editor, lunasim_prompt)
        lunasim_el_source_default(editor)
        lunasim_el_bind_delete_or_eof(editor)
        LineEditor.installInterruptHandler()
    }

    deinit {
        history_end(history)
        el_end(editor)
    }

    func read() -> Input {
        var count: Int32 = 0
        guard let raw = el_gets(editor, &count) else {
            if count == -1, errno == EINTR {
                return .interrupted
            }
            return .endOfInput
        }
        var line = String(cString: raw)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }

    /// Adds the line to the history file unless it carries a secret.
    func remember(_ line: String, carriesSecret: Bool) {
        guard !carriesSecret, !line.allSatisfy({ $0 == " " }) else { return }
        lunasim_history_enter(history, &event, line)
        let previous = umask(0o077)
        lunasim_history_save(history, &event, historyPath)
        umask(previous)
        chmod(historyPath, 0o600)
    }

    /// SIGINT without SA_RESTART, so a Ctrl-C makes el_gets return with EINTR and the line is
    /// dropped instead of ending the process.
    private static func installInterruptHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
