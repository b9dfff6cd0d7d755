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
}

/// A command that only looks: it runs with a `ReadContext`, whose store can only read, so an
/// accidental write fails loudly (SQLite `query_only`, and the store's change check) instead of
/// half-applying.
public protocol ReadCommand: LunaCommand {
    func run(_ context: ReadContext) throws(LunaError)
}

/// A command that may change the state or Chrystoki.conf: it gets a `WriteContext`, whose store
/// opens write transactions (one per command, covering the conf).
public protocol WriteCommand: LunaCommand {
    func run(_ context: WriteContext) throws(LunaError)
}

/// How a command may touch the state, derived from the protocol its type adopts.
public enum CommandAccess: Sendable, Equatable {
    case read
    case write
}
