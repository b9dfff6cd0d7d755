import LunaSim

/// Every question a command asks, in one place: secrets (masked), `proceed`, and choices such as
/// copy/remove/quit. End of input and Ctrl-C each stop the command with its own message and
/// nothing changed; an answer that is not one of the choices is asked again, up to three times.
extension CommandContext {
    /// How many times a choice is asked before an unrecognised answer cancels the command.
    static let attempts = 3

    /// The value given as an option, or the answer to a masked prompt.
    public func secret(_ given: Secret?, prompt: String) throws(LunaError) -> String {
        if let given { return given.value }
        switch console.ask(prompt, secret: true) {
        case .line(let answer): return answer
        case .endOfInput: throw LunaError(.cancel, "No password was given (end of input).")
        case .interrupted: throw Self.interrupted
        }
    }

    /// An optional secret (`listgroups`): nil when the operator just presses Enter or input
    /// ends; Ctrl-C still cancels.
    public func optionalSecret(prompt: String) throws(LunaError) -> String? {
        switch console.ask(prompt, secret: true) {
        case .line(let answer): return answer.isEmpty ? nil : answer
        case .endOfInput: return nil
        case .interrupted: throw Self.interrupted
        }
    }

    /// A new credential: the option's value, else asked twice (masked); the two must match.
    public func newSecret(_ given: Secret?, prompt: String, again: String) throws(LunaError) -> String {
        if let given { return given.value }
        let first = try secret(nil, prompt: prompt)
        let second = try secret(nil, prompt: again)
        guard first == second else {
            throw LunaError(.argumentsBad, "The two entries do not match; nothing was changed.")
        }
        return first
    }

    /// LunaCM's confirmation of a destructive command (docs/lunacm-behaviour.md,
    /// "Confirmations"): the warning, then `proceed` to go on or `quit` to stop with nothing
    /// changed. `-force` skips it.
    public func confirmProceed(_ warning: String, force: Bool) throws(LunaError) {
        if force { return }
        write(warning)
        _ = try choose(prompt: ConfirmationText.prompt, from: ["proceed"], quit: "quit",
                       endOfInput: LunaError(.cancel, "Stopped at your request; nothing was changed."),
                       echoNewline: false)
    }

    /// Asks until the first word of the answer is one of `choices` (case-insensitively) and
    /// returns it, lower-cased. `quit` stops the command; end of input stops it with
    /// `endOfInput`; an unrecognised answer is asked again, and the third one stops it.
    public func choose(prompt: String, from choices: [String], quit: String, endOfInput: LunaError,
                       echoNewline: Bool) throws(LunaError) -> String {
        for _ in 0..<Self.attempts {
            let answer = console.ask(prompt, secret: false)
            if echoNewline { write("\n") }
            switch answer {
            case .endOfInput: throw endOfInput
            case .interrupted: throw Self.interrupted
            case .line(let text):
                let word = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
                if choices.contains(word) { return word }
                if word == quit { throw LunaError(.cancel, "Stopped at your request; nothing was changed.") }
                write(ConfirmationText.notUnderstood(text, choices: choices + [quit]))
            }
        }
        throw LunaError(.cancel, "No recognised answer after \(Self.attempts) attempts; nothing was changed.")
    }

    static let interrupted = LunaError(.cancel, "Cancelled (Ctrl-C); nothing was changed.")
}
