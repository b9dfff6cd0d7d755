import ArgumentParser
import ChrystokiConf
#if canImport(Glibc)
import Glibc
#endif

struct Configurator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "configurator",
        abstract: "Read and change entries of the Luna client configuration file (Chrystoki.conf).",
        subcommands: [SetValue.self, GetValue.self, DeleteValue.self]
    )
}

/// The options every subcommand shares: which file, which section and which entry.
struct EntryOptions: ParsableArguments {
    // `.unconditional`: the word after -s, -e or -v is always the value, even when it starts with
    // '-' (`-v -1` is how scripts set unlimited auto-recovery; the parser took it for an option).
    @Option(name: [.short, .long], parsing: .unconditional,
            help: "Section name, e.g. \"LunaSA Client\" (case-insensitive).")
    var section: String

    @Option(name: [.short, .long], parsing: .unconditional, help: "Entry (key) name (case-sensitive).")
    var entry: String

    @Option(name: .long, help: "Simulator home (default: $LUNASIM_HOME, else ~/.lunasim).")
    var home: String?

    /// `$ChrystokiConfigurationPath/Chrystoki.conf`, else `<home>/Chrystoki.conf`.
    var path: String {
        let environment = ConfLocation.processEnvironment
        let home = ConfLocation.home(explicit: home, environment: environment)
        return ConfLocation.confPath(home: home, environment: environment)
    }
}

/// Runs `body`, printing any ConfError to stderr and exiting 1, as the real tool fails.
func reportingErrors(_ body: () throws(ConfError) -> Void) throws(ExitCode) {
    do {
        try body()
    } catch {
        printError(error.description)
        throw ExitCode(1)
    }
}

func printError(_ message: String) {
    var stderr = StandardError()
    print(message, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var bytes = Array(string.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
