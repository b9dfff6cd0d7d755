import Foundation
import Testing

/// Runs the built `lunacm` as a real process, as a user's script would: arguments, stdin, a
/// private state home, and the captured stdout, stderr and exit status.
struct Lunacm {
    struct Result {
        let status: Int32
        let out: String
        let err: String
    }

    /// The binary next to the test bundle (`.build/<config>/lunacm`), found through /proc/self/exe.
    static let binary: String = {
        var directory = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "")
        while directory.path != "/" {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("lunacm").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "lunacm-binary-not-found"
    }()

    let home: String
    /// A directory beside the home for the test's own files (scripts, fleets, exports).
    let scratch: String
    var environment: [String: String]

    /// A new, not yet existing home in a fresh temporary directory.
    init(environment: [String: String] = [:]) {
        let base = NSTemporaryDirectory() + "lunacm-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        home = base + "/home"
        scratch = base
        self.environment = ["PATH": "/usr/bin:/bin", "HOME": base, "LUNASIM_HOME": home].merging(environment) { $1 }
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String = "") throws -> Result {
        try run(arguments, stdinBytes: Array(stdin.utf8))
    }

    @discardableResult
    func run(_ arguments: [String], stdinBytes: [UInt8]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(stdinBytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self))
    }

    var confPath: String { home + "/Chrystoki.conf" }

    func file(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>" }

    /// The canonical state fingerprint (`lunacm --fingerprint-dump`, StateFingerprint): every
    /// table and field, key material, SMK blobs and backups, the meta table's random state and
    /// clock, plus the Chrystoki.conf bytes. What every "nothing changed" check compares; a
    /// fingerprint that cannot be taken fails the test instead of comparing equal.
    func fingerprint() throws -> String {
        let result = try run(["--fingerprint-dump"])
        #expect(result.status == 0, "fingerprint failed: \(result.err)")
        #expect(result.out.hasPrefix("lunasim-state-fingerprint 1\n") && result.out.contains("\nrow ")
                && result.out.contains("\nconf "), "no canonical state text: \(result.out.prefix(200))")
        return result.status == 0 ? result.out : "fingerprint failed: \(UUID())"
    }

    /// The state as a fleet file (what `--export` gives a user); "nothing changed" checks use
    /// `fingerprint()`, which sees more.
    func export() throws -> String {
        let path = scratch + "/export-\(UUID().uuidString).json"
        let result = try run(["--export", path])
        #expect(result.status == 0, "export failed: \(result.err)")
        return file(path)
    }
}
