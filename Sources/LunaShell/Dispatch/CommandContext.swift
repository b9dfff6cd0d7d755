import LunaSim

/// What a command's `run` gets: the console, the session and a store. The two subclasses differ
/// in the store they hold: a read command's can only read (`ReadContext`), a write command's
/// can also open the write transaction (`WriteContext`).
public class CommandContext {
    public let console: Console
    public var session: Session
    /// Reads the state; read transactions cannot write (`StateStore.read`).
    public let reader: StateReader

    /// Set by a command after which LunaCM restarts itself (creategroup): the shell prints the
    /// start-up listing again after the trailer.
    public var restartsAfterResult = false
    /// Set by `exit`/`quit`: the driver stops reading, and no trailer is printed.
    public var exitRequested = false

    init(reader: StateReader, console: Console, session: Session) {
        self.reader = reader
        self.console = console
        self.session = session
    }

    /// Runs `body` in a read transaction.
    public func read<T>(_ body: (StateTransaction) throws(LunaError) -> T) throws(LunaError) -> T {
        try reader.read(body)
    }

    public func write(_ text: String) { console.write(text) }
    public func write(_ text: StyledText) { console.write(text) }

    /// Files named on the command line (policy templates), read and written by the store's seam.
    public var files: UserFiles { reader.files }
}

/// The context of a `ReadCommand`: nothing but reads.
public final class ReadContext: CommandContext {}

/// The context of a `WriteCommand`: one write transaction per change, over the state and
/// Chrystoki.conf together.
public final class WriteContext: CommandContext {
    let store: StateStore
    /// The simulated client files registration writes (certificates), under the state home.
    public let clientFiles: ClientFileSystem
    /// The state home, under which simulated client files live.
    public var home: String { store.home }

    init(store: StateStore, console: Console, session: Session, files: ClientFileSystem) {
        self.store = store
        self.clientFiles = files
        super.init(reader: store.reader, console: console, session: session)
    }

    /// Runs `body` under the write lock, as one transaction over the state and the conf.
    public func write<T>(_ body: (StateTransaction) throws(LunaError) -> T) throws(LunaError) -> T {
        try store.write(body)
    }

    /// Changes when another process commits to the state (SQLite `PRAGMA data_version`): a long
    /// run polls it between operations and re-reads the state only when it moved.
    public func dataVersion() throws(LunaError) -> Int { try store.dataVersion() }

    /// Runs `body` read-only first and under the write lock only when it wanted to change
    /// something (`StateStore.writeIfNeeded`).
    public func writeIfNeeded<T>(_ body: (StateTransaction) throws(LunaError) -> T) throws(LunaError) -> T {
        try store.writeIfNeeded(body)
    }

    /// LunaCM's check-ask-apply: every check runs under a read transaction (no lock held while
    /// the operator thinks), the question is asked only once nothing can refuse the command, and
    /// `apply` checks again and changes the state under the write lock, so an answer given
    /// against a state another lunacm has meanwhile changed is refused, not misapplied.
    public func checkAskApply<Plan, Answer, Result>(
        check: (StateTransaction) throws(LunaError) -> Plan,
        ask: (Plan) throws(LunaError) -> Answer,
        apply: (StateTransaction, Answer) throws(LunaError) -> Result
    ) throws(LunaError) -> Result {
        let plan = try read(check)
        let answer = try ask(plan)
        return try write { transaction throws(LunaError) in try apply(transaction, answer) }
    }
}
