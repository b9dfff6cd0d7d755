import ArgumentParser

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
        if let quick = singleCommandOnly(arguments) {
            guard quick.singleCommand.map(isBlank) != true else { return .failure(missingCommand(arguments)) }
            return .success(quick)
        }
        do {
            let invocation = Invocation(try Options.parse(arguments))
            // `.remaining` parsing gives no words for both "no -c" and "-c with nothing after it".
            if invocation.singleCommand.map(isBlank) ?? flagWithoutCommand(arguments) {
                return .failure(missingCommand(arguments))
            }
            return .success(invocation)
        } catch {
            return .failure(exitRequest(for: error))
        }
    }

    /// A command of no words, or of empty ones (`-c ''`), would run nothing and report success.
    private static func isBlank(_ words: [String]) -> Bool {
        words.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }

    /// `-c` or `-q` among the flags (before any `--`). Another option cannot have taken it as its
    /// value: the argument parser refuses a value that starts with `-`.
    private static func flagWithoutCommand(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains { $0 == "-c" || $0 == "-q" }
    }

    private static func missingCommand(_ arguments: [String]) -> ExitRequest {
        let flag = arguments.first { $0 == "-c" || $0 == "-q" } ?? "-c"
        return exitRequest(for: ValidationError("Missing a command after '\(flag) <command>' (for example: lunacm \(flag) slot list)"))
    }

    private static func exitRequest(for error: Error) -> ExitRequest {
        let code = Options.exitCode(for: error)
        // main prints "lunacm: " before an error; the parser's own "Error: " would repeat it.
        var message = Options.fullMessage(for: error)
        if code != .success, message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        return ExitRequest(status: code == .success ? 0 : 2, message: message, toStandardError: code != .success)
    }
}

/// `--help` (status 0, on stdout) or a usage error (status 2, on stderr).
struct ExitRequest: Error {
    let status: Int32
    let message: String
    let toStandardError: Bool
}
