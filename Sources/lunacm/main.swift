import ArgumentParser
import ChrystokiConf
import Glibc
import LunaShell
import LunaSim

/// Wiring only: flags, state home, then the terminal or batch driver. Exit status 0 when every
/// command succeeded, 1 when one failed, 2 for a usage or fatal error.
func runLunacm() -> Int32 {
    let options: Invocation
    switch Invocation.parse(Array(CommandLine.arguments.dropFirst())) {
    case .success(let invocation):
        options = invocation
    case .failure(let exit):
        if exit.toStandardError {
            StandardOutput.error("lunacm: \(exit.message)\n")
        } else {
            print(exit.message)
        }
        return exit.status
    }
    if options.file != nil, options.singleCommand != nil {
        StandardOutput.error("lunacm: give either -f FILE or -c/-q COMMAND, not both\n")
        return 2
    }
    if let status = TranscriptCommands.checkUsage(options) { return status }
    umask(0o077)
    let environment = Environment()
    if options.replay { return TranscriptCommands.replay(options, environment: environment) }
    let home = environment.home(explicit: options.home)
    let confPath = environment.confPath(home: home)

    var fleetBytes: [UInt8]?
    if let fleet = options.fleet {
        do { fleetBytes = try AtomicFile.read(fleet) } catch {
            StandardOutput.error("lunacm: cannot read the fleet file \(fleet): \(error)\n")
            return 2
        }
    }
    let seed = environment.seed ?? RandomSource.defaultSeed
    let clock = environment.clock ?? SimClock.defaultStart
    // A fleet file is checked even when the home already exists, so a typo never passes
    // silently; the built-in fleet is read (and its passwords hashed) only when a home is seeded.
    var checkedSeeding: Seeding?
    if fleetBytes != nil {
        do { checkedSeeding = try Seeding.make(fleet: fleetBytes, seed: seed, clock: clock) } catch {
            StandardOutput.error("lunacm: fleet file \(options.fleet ?? ""): \(error)\n")
            return 2
        }
    }
    let seeding = { () throws(FleetFileError) -> Seeding in
        if let checkedSeeding { return checkedSeeding }
        return try Seeding.make(fleet: nil, seed: seed, clock: clock)
    }

    let store: StateStore
    do {
        store = try StateStore(home: home, confPath: confPath, seeding: seeding, reset: options.reset)
        let confInHome = confPath.hasPrefix(home.hasSuffix("/") ? home : home + "/")
        try store.installConf(force: options.reset && confInHome)
    } catch {
        StandardOutput.error("lunacm: \(error.reason)\n")
        return 2
    }
    if options.fleet != nil, !store.wasSeeded {
        StandardOutput.error("lunacm: the state home \(home) already exists; --fleet was not applied (add --reset to re-seed it)\n")
    }

    if let path = options.export {
        do {
            try AtomicFile.write(FleetFileWriter.write(try store.snapshot()), to: path, defaultMode: 0o600)
            return 0
        } catch {
            StandardOutput.error("lunacm: cannot export to \(path): \(error)\n")
            return 2
        }
    }

    if options.fingerprintDump {
        do {
            print(try StateFingerprint.canonicalText(store), terminator: "")
            return 0
        } catch {
            StandardOutput.error("lunacm: cannot fingerprint the state: \(error.reason)\n")
            return 2
        }
    }

    let output = StandardOutput()
    if let path = options.record {
        return TranscriptCommands.record(to: path, store: store, output: output, historyPath: home + "/history")
    }
    if let words = options.singleCommand {
        let lines = LineSource(descriptor: STDIN_FILENO)
        return withShell(store, BatchConsole(output: output, lines: lines)) { shell in
            BatchDriver(runner: LineRunner(shell: shell, output: output), echo: options.echo, bail: options.bail).run(words: words)
        }
    }
    if let file = options.file {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            StandardOutput.error("lunacm: cannot open \(file): \(String(cString: strerror(errno)))\n")
            return 2
        }
        defer { close(descriptor) }
        let lines = LineSource(descriptor: descriptor)
        return withShell(store, BatchConsole(output: output, lines: lines)) { shell in
            BatchDriver(runner: LineRunner(shell: shell, output: output), echo: options.echo, bail: options.bail).run(lines)
        }
    }
    if TTY.stdinIsTerminal {
        let editor = LineEditor(historyPath: home + "/history")
        return withShell(store, TerminalConsole(output: output)) { shell in
            InteractiveDriver(runner: LineRunner(shell: shell, output: output), editor: editor).run()
        }
    }
    let lines = LineSource(descriptor: STDIN_FILENO)
    return withShell(store, BatchConsole(output: output, lines: lines)) { shell in
        BatchDriver(runner: LineRunner(shell: shell, output: output), echo: options.echo, bail: options.bail).run(lines)
    }
}

private func withShell(_ store: StateStore, _ console: Console, _ body: (Shell) -> Int32) -> Int32 {
    do {
        return body(try Shell(store: store, console: console, files: RealClientFiles()))
    } catch {
        StandardOutput.error("lunacm: \(error.reason)\n")
        return 2
    }
}

exit(runLunacm())
