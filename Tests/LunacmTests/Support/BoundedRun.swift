import Foundation
import Testing

/// Runs lunacm (or configurator) with a deadline, for the reliability tests (docs/reliability.md): hostile
/// input must neither crash nor hang it. stdin is written and stdout/stderr drained on their own
/// threads so neither side can block on a full pipe.
struct BoundedRun {
    struct Outcome {
        let status: Int32
        /// True when the process ended by a signal (a crash, or our kill at the deadline).
        let signalled: Bool
        let timedOut: Bool
        let out: [UInt8]
        let err: [UInt8]
        let seconds: Double
        var outText: String { String(decoding: out, as: UTF8.self) }
        var errText: String { String(decoding: err, as: UTF8.self) }
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    stdin: [UInt8] = [], timeout: TimeInterval = 30) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let started = Date()
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        let writer = Thread {
            // A process that stops reading early closes the pipe: ignore EPIPE.
            signal(SIGPIPE, SIG_IGN)
            stdin.withUnsafeBytes { buffer in
                var offset = 0
                let fd = input.fileHandleForWriting.fileDescriptor
                while offset < buffer.count {
                    let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        group.enter()
        Thread {
            outData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }.start()
        group.enter()
        Thread {
            errData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }.start()
        var timedOut = false
        let deadline = started.addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        if process.isRunning {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        group.wait()
        return Outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                       timedOut: timedOut, out: Array(outData), err: Array(errData),
                       seconds: Date().timeIntervalSince(started))
    }

    /// Every regular file under `directory`, by relative path, with its bytes.
    static func files(under directory: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return result }
        for case let relative as String in enumerator {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            result[relative] = Array(data)
        }
        return result
    }

    static var configurator: String {
        URL(fileURLWithPath: Lunacm.binary).deletingLastPathComponent().appendingPathComponent("configurator").path
    }
}

extension Array where Element == UInt8 {
    /// True when `needle` occurs anywhere in these bytes.
    func contains(bytes needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return false }
        return withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                let first = needle[0], last = haystack.count - needle.count
                var index = 0
                while index <= last {
                    if haystack[index] == first, memcmp(haystack.baseAddress! + index, needle.baseAddress!, needle.count) == 0 {
                        return true
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
