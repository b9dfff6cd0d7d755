import Foundation
import Testing

/// How ReadmeExamplesTests compares a README output sample (`$ COMMAND`, then what it prints)
/// with what the program prints, including a program that only shows its banner on a terminal.
extension ReadmeExamplesTests {
    /// What a pseudo-terminal has printed so far, read on its own thread.
    final class Screen: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()
        func append(_ data: Data) { lock.withLock { bytes.append(data) } }
        var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
    }

    /// Runs `program` on a pseudo-terminal (util-linux `script`) and types `exit` once it shows
    /// its prompt (typed earlier, the terminal would echo it before the banner).
    static func onTerminal(_ program: String, in directory: String, _ lunacm: Lunacm) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["20", "script", "-qec", program, "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment(lunacm)
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let screen = Screen()
        let done = DispatchSemaphore(value: 0)
        let reader = output.fileHandleForReading
        Thread {
            while case let data = reader.availableData, !data.isEmpty { screen.append(data) }
            done.signal()
        }.start()
        try process.run()
        let start = Date()
        while !screen.text.contains("lunacm:>") && Date().timeIntervalSince(start) < 15 { usleep(20_000) }
        input.fileHandleForWriting.write(Data("exit\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        done.wait()
        #expect(process.terminationStatus == 0, "\(program) on a terminal exited \(process.terminationStatus)")
        return screen.text.replacingOccurrences(of: "\r", with: "")
    }

    /// Why `printed` does not show `expected` (nil when it does): the lines match one for one
    /// (trailing blanks and blank lines at the end aside), a `...` line matches any run of lines,
    /// and a line ending in the prompt `lunacm:>` matches the prompt followed by what was typed.
    static func mismatch(_ expected: [String], _ printed: [String]) -> String? {
        func trimmed(_ lines: [String]) -> [String] {
            var lines = lines.map { trimmedEnd($0) }
            while lines.last == "" { lines.removeLast() }
            return lines
        }
        let expected = trimmed(expected), printed = trimmed(printed)
        var segments: [[String]] = [[]]
        for line in expected {
            if line.trimmingCharacters(in: .whitespaces) == "..." {
                segments.append([])
            } else {
                segments[segments.count - 1].append(line)
            }
        }
        func same(_ want: String, _ got: String) -> Bool { want == got || (want.hasSuffix("lunacm:>") && got.hasPrefix(want)) }
        var position = 0
        for (index, segment) in segments.enumerated() {
            let starts = index == 0 ? [position] : Array(position...max(position, printed.count - segment.count))
            guard let start = starts.first(where: { start in
                start + segment.count <= printed.count && zip(segment, printed[start...]).allSatisfy { same($0, $1) }
            }) else {
                return "lines not printed \(index == 0 ? "at the start" : "after line \(position)"): \(segment)"
            }
            position = start + segment.count
        }
        return position == printed.count ? nil : "printed more than shown from line \(position + 1): \(printed[position])"
    }
}
