/// What the process was asked to do, as plain values. `Options` (swift-argument-parser) produces
/// it for every command line; the one shape CI runs thousands of times, `lunacm -c|-q WORDS...`
/// with no other flag, is recognised directly, because the argument parser's reflection costs
/// about half of that call's start-up (measured with callgrind: 12.6 of 29 million instructions).
/// Both routes give the same Invocation for that shape (InvocationTests).
struct Invocation: Equatable {
    var home: String?
    var fleet: String?
    var reset = false
    var export: String?
    var fingerprintDump = false
    var echo = false
    var bail = false
    var file: String?
    var singleCommand: [String]?
    var replay = false
    var update = false
    var record: String?
    var transcripts: [String] = []

    init() {}

    init(_ options: Options) {
        home = options.home
        fleet = options.fleet
        reset = options.reset
        export = options.export
        fingerprintDump = options.fingerprintDump
        echo = options.echo
        bail = options.bail
        file = options.file
        singleCommand = options.singleCommand
        replay = options.replay
        update = options.update
        record = options.record
        transcripts = options.transcripts
    }

    /// `-c WORDS...` or `-q WORDS...` and nothing else: everything after the flag is the command,
    /// exactly as Options' `.remaining` parsing takes it.
    static func singleCommandOnly(_ arguments: [String]) -> Invocation? {
        guard arguments.count > 1, arguments[0] == "-c" || arguments[0] == "-q" else { return nil }
        var invocation = Invocation()
        invocation.singleCommand = Array(arguments.dropFirst())
        return invocation
    }

    /// Parses the command line: the single-command shape directly, anything else through
    /// swift-argument-parser. Returns an exit status instead when parsing ends the process.
    static func parse(_ arguments: [String]) -> Result<Invocation, ExitRequest> {
        if let quick = singleCommandOnly(arguments) { return .success(quick) }
        do {
            return .success(Invocation(try Options.parse(arguments)))
        } catch {
            let code = Options.exitCode(for: error)
            let message = Options.fullMessage(for: error)
            return .failure(ExitRequest(status: code == .success ? 0 : 2, message: message, toStandardError: code != .success))
        }
    }
}

/// `--help` (status 0, on stdout) or a usage error (status 2, on stderr).
struct ExitRequest: Error {
    let status: Int32
    let message: String
    let toStandardError: Bool
}
