import ChrystokiConf
import Foundation
import LunaShell
import LunaShellTestSupport
import LunaSim

/// A simulated world for one test: the default fleet (or a given one) in an in-memory store, a
/// Chrystoki.conf in a fresh temporary directory, and a shell whose console is scripted.
final class TestWorld {
    let directory: String
    let confPath: String
    let store: StateStore
    let console: ScriptedConsole
    let shell: Shell

    init(fleet: String? = nil, conf: String = EmbeddedDefaults.chrystokiConf, answers: [String] = []) throws {
        directory = NSTemporaryDirectory() + "lunasim-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        confPath = directory + "/Chrystoki.conf"
        try conf.write(toFile: confPath, atomically: true, encoding: .utf8)
        let seeding = try Seeding.make(fleet: fleet.map { Array($0.utf8) })
        store = try StateStore(inMemoryWith: seeding.snapshot, confPath: confPath)
        console = ScriptedConsole(answers: answers)
        shell = try Shell(store: store, console: console)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Runs lines and returns everything they printed.
    func run(_ lines: String...) -> String {
        for line in lines { shell.run(line: line) }
        return console.takeOutput()
    }

    var confText: String { (try? String(contentsOfFile: confPath, encoding: .utf8)) ?? "" }
}
