import ArgumentParser

/// The process's flags (DESIGN "State home" and "Batch mode").
struct Options: ParsableArguments {
    static let configuration = CommandConfiguration(
        commandName: "lunacm",
        abstract: "A simulator of Thales Luna's lunacm client shell (HA groups, simulated HSMs).")

    @Option(name: .long, help: "State home (default: $LUNASIM_HOME, else ~/.lunasim).")
    var home: String?

    @Option(name: .long, help: "Fleet file to seed a new home from (with --reset: re-seed).")
    var fleet: String?

    @Flag(name: .long, help: "Re-seed the home: state, and Chrystoki.conf when it lives in the home.")
    var reset = false

    @Option(name: .long, help: "Write the current state as a fleet file and exit.")
    var export: String?

    /// Hidden: the canonical state fingerprint (StateFingerprint) on stdout, for scripts/crashtest.sh.
    @Flag(name: .customLong("fingerprint-dump"), help: .hidden)
    var fingerprintDump = false

    @Flag(name: .long, help: "Batch: print 'lunacm:> COMMAND' before each command's output.")
    var echo = false

    @Flag(name: .long, help: "Batch: stop at the first failing command.")
    var bail = false

    @Option(name: .customShort("f"), help: "Run the commands in FILE.")
    var file: String?

    @Option(name: .customShort("c"), parsing: .remaining, help: "Run one command (the remaining words) and exit.")
    var command: [String] = []

    @Option(name: .customShort("q"), parsing: .remaining, help: "Same as -c: run one command quietly and exit.")
    var quiet: [String] = []

    @Flag(name: .long, help: "Replay the transcripts given as arguments; print a diff for each mismatch.")
    var replay = false

    @Flag(name: .long, help: "With --replay: rewrite each failing transcript with the actual output.")
    var update = false

    @Option(name: .long, help: "Record the session (terminal or stdin batch) as a replayable transcript.")
    var record: String?

    @Argument(help: "Transcripts to replay (with --replay).")
    var transcripts: [String] = []

    /// The one command of `-c`/`-q`, if either was given.
    var singleCommand: [String]? {
        if !command.isEmpty { return command }
        if !quiet.isEmpty { return quiet }
        return nil
    }
}
