import LunaSim

/// Runs lines: tokenize, parse against the grammar, build the typed command, run it in the
/// context its access allows, print the trailer. The drivers (terminal, batch, transcript) only feed it lines.
public final class Shell: ShellEnvironment {
    public enum Outcome: Sendable, Equatable {
        /// Blank line or comment: nothing ran.
        case nothing
        case success
        case failure(LunaError)
        /// `exit`/`quit`: the driver stops reading.
        case exit
    }

    public let store: StateStore
    public let console: Console
    public var session: Session
    public let parser: Parser
    /// Where client registration writes certificate files (under the state home).
    public let files: ClientFileSystem

    /// `files` defaults to memory: only an executable on a real home passes the real file system.
    public init(store: StateStore, console: Console, grammar: Grammar = .lunacm,
                files: ClientFileSystem = MemoryClientFiles()) throws(LunaError) {
        self.store = store
        self.console = console
        self.files = files
        self.parser = Parser(grammar: grammar)
        self.session = Session()
        self.session.currentSlot = try store.read { transaction throws(LunaError) in
            try SlotService.lowestSlot(transaction)
        }
    }

    /// Runs one typed line.
    @discardableResult
    public func run(line: String) -> Outcome {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .nothing }
        do {
            return run(tokens: try Tokenizer.tokenize(line))
        } catch {
            return fail(error)
        }
    }

    /// Runs one command given as words (each word one token, as `lunacm -c word word ...`).
    @discardableResult
    public func run(tokens: [String]) -> Outcome {
        guard !tokens.isEmpty else { return .nothing }
        do throws(LunaError) {
            switch try parser.parse(tokens) {
            case .help(let topic):
                console.write(HelpRenderer.render(topic, grammar: parser.grammar, width: console.columns))
                console.write(ResultRenderer.success)
                return .success
            case .command(let parsed):
                let command = try parsed.make()
                let context = try command.run(in: self)
                if context.exitRequested { return .exit }
                console.write(ResultRenderer.success)
                if context.restartsAfterResult {
                    console.write("\n")
                    try restart()
                }
                return .success
            }
        } catch {
            return fail(error)
        }
    }

    /// Reports a line that could not even be read as a command (invalid UTF-8, an over-long line).
    @discardableResult
    public func fail(_ error: LunaError) -> Outcome {
        console.write(ResultRenderer.styledFailure(error))
        return .failure(error)
    }

    /// The banner, the slot listing and the current slot, as LunaCM prints them when it starts
    /// (and again when it restarts itself after `hagroup creategroup`).
    public func startupText() throws(LunaError) -> String {
        let slots = try store.read { transaction throws(LunaError) in try SlotService.list(transaction) }
        return SlotListingRenderer.startup(slots, currentSlot: session.currentSlot)
    }

    /// Restarts the way LunaCM does after creating a group: the current slot goes back to the
    /// lowest one and the listing is printed again.
    public func restart() throws(LunaError) {
        session = Session(currentSlot: try store.read { transaction throws(LunaError) in
            try SlotService.lowestSlot(transaction)
        })
        console.write(try startupText())
    }
}
