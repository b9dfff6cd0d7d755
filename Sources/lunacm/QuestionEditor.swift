import CLibEdit
import Glibc
import LunaShell

/// The answer line of a question at a terminal (copy/remove/quit, `proceed`), edited with
/// libedit like any line: arrows, Home/End, Ctrl-U, Ctrl-W. No history and no completion: an
/// answer is not a command. Ctrl-C is its own answer (the command is cancelled), Ctrl-D on an
/// empty line is end of input.
final class QuestionEditor {
    private let editor: OpaquePointer
    private var promptText: UnsafeMutablePointer<CChar>?

    init() {
        editor = el_init("lunacm-question", lunasim_stdin(), lunasim_stdout(), lunasim_stderr())
        lunasim_el_set_editor(editor, "emacs")
        lunasim_el_set_signal(editor, 1)
        lunasim_el_set_prompt(editor, lunasim_question_prompt)
        lunasim_el_bind_delete_or_eof(editor)
    }

    deinit {
        el_end(editor)
        free(promptText)
    }

    /// Asks on the prompt's last line (what comes before its last newline is written first, as
    /// libedit draws one line of prompt).
    func ask(_ prompt: String, output: StandardOutput) -> ConsoleAnswer {
        var lastLine = prompt
        if let newline = prompt.lastIndex(of: "\n") {
            output.write(String(prompt[...newline]))
            lastLine = String(prompt[prompt.index(after: newline)...])
        }
        output.flush()
        free(promptText)
        promptText = strdup(lastLine)
        lunasim_el_set_clientdata(editor, promptText)
        var count: Int32 = 0
        guard let raw = el_gets(editor, &count) else {
            if count == -1, errno == EINTR {
                output.write("\n")
                return .interrupted
            }
            output.write("\n")
            return .endOfInput
        }
        var line = String(cString: raw)
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }
}
