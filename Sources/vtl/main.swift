// The Luna client's `vtl` tool as deployment scripts call it (`vtl createCert -n`, `vtl addServer
// -n -c`, `vtl listSlots`, `vtl haAdmin show`), over the same state home and Chrystoki.conf as
// lunacm. Wiring only: VTLKit parses, runs and renders.
import ChrystokiConf
import Glibc
import LunaSim
import VTLKit

func runVTL() -> Int32 {
    umask(0o077)
    let command: VTLCommand
    let home: String?
    do {
        let split = try VTLHome.splitHome(Array(CommandLine.arguments.dropFirst()))
        home = split.home
        command = try VTLCommand.parse(split.words)
    } catch {
        StandardOutput.print(VTLRenderer.failure(error))
        return 1
    }
    if case .help = command {
        let outcome = VTLRunner.helpOnly(command)
        StandardOutput.print(outcome.output)
        return outcome.status
    }
    let opened: VTLHome.Opened
    do {
        opened = try VTLHome.open(explicit: home, environment: ConfLocation.processEnvironment)
    } catch {
        StandardOutput.print(VTLRenderer.failure(error))
        return 1
    }
    let outcome = VTLRunner(store: opened.store, home: opened.home, files: RealClientFiles()).run(command)
    StandardOutput.print(outcome.output)
    return outcome.status
}

exit(runVTL())
