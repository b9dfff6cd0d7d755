import Foundation
import Testing

/// Runs a built tool (`vtl`, `configurator`, `lunacm`) as a real process, as a deployment script
/// does: arguments, a clean environment with a private state home, captured stdout, stderr and
/// exit status.
struct Tool {
    struct Result {
        let status: Int32
        let out: String
        let err: String
    }

    /// `.build/<config>/<name>` beside the test bundle, found through /proc/self/exe.
    static func binary(_ name: String) -> String {
        var directory = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "")
        while directory.path != "/" {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "\(name)-binary-not-found"
    }

    let home: String
    let scratch: String
    var environment: [String: String]

    /// A new, not yet existing home in a fresh temporary directory.
    init(environment: [String: String] = [:]) {
        let base = NSTemporaryDirectory() + "clienttools-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        home = base + "/home"
        scratch = base
        self.environment = ["PATH": "/usr/bin:/bin", "HOME": base, "LUNASIM_HOME": home].merging(environment) { $1 }
    }

    var confPath: String { home + "/Chrystoki.conf" }

    @discardableResult
    func run(_ tool: String, _ arguments: [String], stdin: String = "") throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary(tool))
        process.arguments = arguments
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self))
    }

    func vtl(_ arguments: String...) throws -> Result { try run("vtl", arguments) }
    func lunacm(_ arguments: String...) throws -> Result { try run("lunacm", arguments) }
    func configurator(_ arguments: String...) throws -> Result { try run("configurator", arguments) }

    func file(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>" }

    func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    /// The state as a fleet file, for before/after comparisons.
    func export() throws -> String {
        let path = scratch + "/export-\(UUID().uuidString).json"
        let result = try run("lunacm", ["--export", path])
        #expect(result.status == 0, "export failed: \(result.err)")
        return file(path)
    }

    func write(_ text: String, to name: String) -> String {
        let path = scratch + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// The repository's own file (Config/...), found from this source file.
    static func repositoryFile(_ relative: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent(relative).path
    }
}
