import LunaSim

/// A LunaCM command as one value: its type carries how it is typed (`spec`: names, shortcuts,
/// typed options, required and one-of rules, help), its stored properties are the options the
/// parser checked, and `run` does the work. The parser, `help`, `<command> ?`, the dispatcher,
/// the transcripts' secret masking and tab completion all read the same family lists
/// (`Grammar.lunacm`), so adding a command is one new type and one line in its family's list.
/// The shape follows swift-argument-parser's `ParsableCommand`; the syntax stays LunaCM's.
public protocol LunaCommand: Sendable {
    /// How the command is typed and what it takes; `help` and the parser read only this.
    static var spec: CommandSpec { get }
    /// The command, from options the parser has already checked against `spec`: required
    /// options are present, values have their kind, at most one of each one-of group is given.
    init(_ options: ParsedOptions) throws(LunaError)
    /// Read or write, fixed by the protocol the type adopts (`ReadCommand`, `WriteCommand`).
    static var access: CommandAccess { get }
    /// Runs the command in the context its access allows. Provided by `ReadCommand` and
    /// `WriteCommand`, so the shell dispatches through the type's witness table instead of a
    /// dynamic cast (a cast's conformance lookup costs start-up time on every `lunacm -c`).
    func run(in shell: ShellEnvironment) throws(LunaError) -> CommandContext
}

/// A command that only looks: it runs with a `ReadContext`, whose store can only read, so an
/// accidental write fails loudly (SQLite `query_only`, and the store's change check) instead of
/// half-applying.
public protocol ReadCommand: LunaCommand {
    func run(_ context: ReadContext) throws(LunaError)
}

extension ReadCommand {
    public static var access: CommandAccess { .read }

    public func run(in shell: ShellEnvironment) throws(LunaError) -> CommandContext {
        let context = ReadContext(reader: shell.store.reader, console: shell.console, session: shell.session)
        defer { shell.session = context.session }
        try run(context)
        return context
    }
}

/// A command that may change the state or Chrystoki.conf: it gets a `WriteContext`, whose store
/// opens write transactions (one per command, covering the conf).
public protocol WriteCommand: LunaCommand {
    func run(_ context: WriteContext) throws(LunaError)
}

extension WriteCommand {
    public static var access: CommandAccess { .write }

    public func run(in shell: ShellEnvironment) throws(LunaError) -> CommandContext {
        let context = WriteContext(store: shell.store, console: shell.console, session: shell.session, files: shell.files)
        defer { shell.session = context.session }
        try run(context)
        return context
    }
}

/// What a command is run with: the store, the console, the files seam, and the session it
/// carries on (the shell keeps the session between commands).
public protocol ShellEnvironment: AnyObject {
    var store: StateStore { get }
    var console: Console { get }
    var files: ClientFileSystem { get }
    var session: Session { get set }
}

/// How a command may touch the state, derived from the protocol its type adopts.
public enum CommandAccess: Sendable, Equatable {
    case read
    case write
}
