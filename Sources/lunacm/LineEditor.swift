import CLibEdit
import Glibc
import LunaShell

/// The `lunacm:>` prompt through libedit: line editing, history kept in the state home (never a
/// line that carries a secret), Ctrl-C clears the line, Ctrl-D on an empty line ends the session,
/// Tab completes (`completion`, set by the driver that knows the grammar and the state).
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
    /// What Tab offers for the text before the cursor; nil until the driver sets it.
    var completion: ((String) -> Completion)?
    /// The line as it stood at an ambiguous Tab that could add nothing: a second Tab on the same
    /// line lists the candidates, as libedit's own completion does.
    private var pendingListing: String?

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
        lunasim_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        lunasim_el_addfn(editor, "lunacm-complete", "Complete a command, an option or a value", lineEditorTabKey)
        lunasim_el_bind(editor, "^I", "lunacm-complete")
        // After the binding, so a user's ~/.editrc can still rebind Tab.
        lunasim_el_source_default(editor)
        lunasim_el_bind_delete_or_eof(editor)
        LineEditor.installInterruptHandler()
    }

    deinit {
        history_end(history)
        el_end(editor)
    }

    func read() -> Input {
        pendingListing = nil
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

    /// Tab: a unique candidate replaces the word (and a space follows), several first complete
    /// what they share, then a second Tab lists them under the line and redraws it.
    fileprivate func tab() -> UInt8 {
        guard let completion, let info = el_line(editor)?.pointee, let buffer = info.buffer else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let before = UnsafeBufferPointer(start: buffer, count: info.cursor - buffer)
        let line = String(decoding: before.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let result = completion(line)
        if let replacement = result.replacement {
            pendingListing = nil
            el_deletestr(editor, Int32(result.word.unicodeScalars.count))
            el_insertstr(editor, replacement)
            return UInt8(CC_REFRESH)
        }
        guard !result.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        guard pendingListing == line else {
            pendingListing = line
            return UInt8(CC_REFRESH_BEEP)
        }
        let listing = "\n" + CompletionListRenderer.render(result.candidates, width: TerminalSize.columns)
        fputs(listing, lunasim_stdout())
        fflush(lunasim_stdout())
        return UInt8(CC_REDISPLAY)
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

/// libedit's Tab function: a C function, so it finds its editor through the client data.
private let lineEditorTabKey: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
    guard let editLine, let data = lunasim_el_get_clientdata(editLine) else { return UInt8(CC_ERROR) }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().tab()
}
