/// The read half of the store, as its own type: read-only commands get this and nothing else,
/// so a command that declares itself a reader cannot open a write transaction. Underneath, its
/// transactions run with SQLite's `query_only` on and refuse any in-memory change when they end
/// (`StateStore.read`), the way GRDB separates `DatabaseReader` from `DatabaseWriter`.
public struct StateReader {
    let store: StateStore

    /// Runs `body` in a read transaction; see `StateStore.read`.
    public func read<T>(_ body: (StateTransaction) throws(LunaError) -> T) throws(LunaError) -> T {
        try store.read(body)
    }

    /// Files named on a command line; see `UserFiles`.
    public var files: UserFiles { store.userFiles }
}
