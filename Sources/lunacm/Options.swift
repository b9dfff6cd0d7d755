import ArgumentParser

/// The process's flags (docs/contracts.md "State home" and "Batch mode"). A command rather than bare
/// arguments, so help, errors and completion scripts carry the name `lunacm` and `--version` exists.
struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lunacm",
        abstract: "A simulator of Thales Luna's lunacm client shell (HA groups, simulated HSMs).",
        discussion: OptionsHelp.discussion,
        version: Version.text)

    @Option(name: .long, help: ArgumentHelp("State home (default: $LUNASIM_HOME, else ~/.lunasim).", valueName: "directory"), completion: .directory)
    var home: String?

    @Option(name: .long, help: ArgumentHelp("Fleet file to seed a new home from (with --reset: re-seed).", valueName: "file"), completion: .file())
    var fleet: String?

    @Flag(name: .long, help: "Re-seed the home: state, and Chrystoki.conf when it lives in the home.")
    var reset = false

    @Option(name: .long, help: ArgumentHelp("Write the current state as a fleet file and exit.", valueName: "file"), completion: .file())
    var export: String?

    /// Hidden: the canonical state fingerprint (StateFingerprint) on stdout, for scripts/crashtest.sh.
    @Flag(name: .customLong("fingerprint-dump"), help: .hidden)
    var fingerprintDump = false

    @Flag(name: .long, help: "Batch: print 'lunacm:> COMMAND' before each command's output.")
    var echo = false

    @Flag(name: .long, help: "Batch: stop at the first failing command.")
    var bail = false

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the commands in the file (one a line; '#' starts a comment).", valueName: "file"), completion: .file())
    var file: String?

    @Option(name: .customShort("c"), parsing: .remaining,
            help: ArgumentHelp("Run one command (the remaining words, or one quoted string) and exit.", valueName: "command"))
    var command: [String] = []

    @Option(name: .customShort("q"), parsing: .remaining,
            help: ArgumentHelp("Same as -c (batch output has no banner or prompt either way).", valueName: "command"))
    var quiet: [String] = []

    @Flag(name: .long, help: "Replay the transcripts given as arguments; print a diff for each mismatch.")
    var replay = false

    @Flag(name: .long, help: "With --replay: rewrite each failing transcript with the actual output.")
    var update = false

    @Option(name: .long, help: ArgumentHelp("Record the session (terminal or stdin batch) as a replayable transcript.", valueName: "file"), completion: .file())
    var record: String?

    @Argument(help: ArgumentHelp("Transcripts to replay (with --replay).", valueName: "transcript"), completion: .file(extensions: ["lunacm"]))
    var transcripts: [String] = []

    /// The one command of `-c`/`-q`, if either was given.
    var singleCommand: [String]? {
        if !command.isEmpty { return command }
        if !quiet.isEmpty { return quiet }
        return nil
    }
}
