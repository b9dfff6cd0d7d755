import LunaSim

/// What a command handler gets: the parsed command, the store, the console and the session. It
/// runs the command's services inside the transaction kind the grammar table says
/// (read-only commands never take the write lock).
public final class CommandContext {
    public let command: ParsedCommand
    public let store: StateStore
    public let console: Console
    public var session: Session

    init(command: ParsedCommand, store: StateStore, console: Console, session: Session) {
        self.command = command
        self.store = store
        self.console = console
        self.session = session
    }

    /// Runs `body` in a write transaction if the command mutates, else in a read transaction.
    public func transaction<T>(_ body: (StateTransaction) throws(LunaError) -> T) throws(LunaError) -> T {
        command.spec.mutates ? try store.write(body) : try store.read(body)
    }

    public func write(_ text: String) { console.write(text) }

    /// Set by a command after which LunaCM restarts itself (creategroup): the shell prints the
    /// start-up listing again after the trailer.
    public var restartsAfterResult = false

    /// The value of a secret option, or the answer to a masked prompt when it is absent. End of
    /// input fails the command rather than waiting.
    public func secret(_ option: String = "password", prompt: String) throws(LunaError) -> String {
        if let given = command.text(option) { return given }
        guard let answer = console.ask(prompt, secret: true) else {
            throw LunaError(.cancel, "No password was given (end of input).")
        }
        return answer
    }
}

/// A command's implementation: calls services, hands their results to renderers, writes the text.
/// It either returns (the dispatcher prints `Command Result : No Error`) or throws a LunaError.
public typealias CommandHandler = @Sendable (CommandContext) throws(LunaError) -> Void
