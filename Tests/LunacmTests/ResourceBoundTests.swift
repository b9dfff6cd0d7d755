import Foundation
import Testing

/// Issue #7 item 6: inputs far larger than sensible fail cleanly with a message (exit status 2
/// for files given on the command line, 1 for a batch line), never with an out-of-memory kill.
/// The large files are sparse, so the tests write almost nothing to disk; lunacm runs under an
/// address-space cap (`ulimit -v`) so that reading a whole huge file shows up as a failure here
/// instead of as memory pressure on the machine.
@Suite struct ResourceBoundTests {
    /// Address-space cap for the capped runs: far above what lunacm needs, far below the files.
    static let capKiB = 2 << 20  // 2 GiB

    static func sparseFile(_ path: String, size: Int64, prefix: String = "") throws {
        _ = FileManager.default.createFile(atPath: path, contents: Data(prefix.utf8))
        let fd = open(path, O_WRONLY)
        #expect(fd >= 0)
        #expect(ftruncate(fd, off_t(size)) == 0)
        close(fd)
    }

    /// lunacm under `ulimit -v capKiB`.
    static func runCapped(_ lunacm: Lunacm, _ arguments: [String], stdin: [UInt8] = [], timeout: TimeInterval = 60) throws -> BoundedRun.Outcome {
        try BoundedRun.run("/bin/sh", ["-c", "ulimit -v \(capKiB) && exec \"$0\" \"$@\"", Lunacm.binary] + arguments,
                           environment: lunacm.environment, stdin: stdin, timeout: timeout)
    }

    @Test func lunacmRunsUnderTheCap() throws {
        let outcome = try Self.runCapped(Lunacm(), ["-c", "slot", "list"])
        #expect(outcome.status == 0 && !outcome.signalled, "\(outcome.errText)")
    }

    @Test func fleetJustOverTheLimitIsRefusedWithAMessage() throws {
        let lunacm = Lunacm()
        let fleet = lunacm.scratch + "/big-fleet.json"
        try Self.sparseFile(fleet, size: 64 << 20 + 1, prefix: "{\"hsms\": [")
        let outcome = try Self.runCapped(lunacm, ["--fleet", fleet, "-c", "slot", "list"])
        #expect(!outcome.signalled && outcome.status == 2, "status \(outcome.status): \(outcome.errText)")
        #expect(outcome.errText.contains("larger than 64 MiB"), "\(outcome.errText)")
        #expect(!FileManager.default.fileExists(atPath: lunacm.home + "/state.db"), "nothing is seeded")
    }

    /// The reader must not load a file it is going to refuse: an 8 GiB fleet file is refused on
    /// its size, not after an attempt to read 8 GiB into memory.
    @Test func hugeFleetIsRefusedWithoutReadingIt() throws {
        let lunacm = Lunacm()
        let fleet = lunacm.scratch + "/huge-fleet.json"
        try Self.sparseFile(fleet, size: 8 << 30, prefix: "{\"hsms\": [")
        let outcome = try Self.runCapped(lunacm, ["--fleet", fleet, "-c", "slot", "list"])
        let clean = !outcome.signalled && !outcome.timedOut && outcome.status == 2 && outcome.errText.contains("larger than")
                    #expect(clean, "status \(outcome.status) signalled \(outcome.signalled) after \(String(format: "%.1f", outcome.seconds)) s: \(outcome.errText.prefix(300))")
    }

    @Test func deeplyNestedFleetIsRefusedWithAMessage() throws {
        let lunacm = Lunacm()
        let fleet = lunacm.scratch + "/nested.json"
        try (String(repeating: "[", count: 1 << 20) + String(repeating: "]", count: 1 << 20)).write(toFile: fleet, atomically: true, encoding: .utf8)
        let outcome = try Self.runCapped(lunacm, ["--fleet", fleet, "-c", "slot", "list"])
        #expect(!outcome.signalled && outcome.status == 2, "status \(outcome.status) signalled \(outcome.signalled): \(outcome.errText.prefix(300))")
        #expect(outcome.errText.contains("fleet file"), "\(outcome.errText.prefix(300))")
    }

    /// A fleet under 64 MiB but with far more HSMs than any real deployment (100,000; slots
    /// bound partitions to 1,000 but nothing bounds HSMs or objects): refused, or accepted
    /// within a minute, but never an out-of-memory kill.
    @Test func fleetWithAHundredThousandHSMsFailsCleanly() throws {
        let lunacm = Lunacm()
        let fleet = lunacm.scratch + "/many.json"
        var text = "{\"hsms\": ["
        text += (0..<100_000).map { "{\"serial\": \"\($0)\"}" }.joined(separator: ",")
        text += "]}"
        try text.write(toFile: fleet, atomically: true, encoding: .utf8)
        let outcome = try Self.runCapped(lunacm, ["--fleet", fleet, "-c", "slot", "list"], timeout: 60)
        print("ResourceBoundTests: fleet of 100,000 HSMs (\(text.utf8.count >> 20) MiB): status \(outcome.status),"
              + " signalled \(outcome.signalled), \(String(format: "%.1f", outcome.seconds)) s, \(outcome.errText.prefix(200))")
        let clean = !outcome.signalled && !outcome.timedOut && (outcome.status == 0 || (outcome.status == 2 && !outcome.errText.isEmpty))
                    #expect(clean, "status \(outcome.status) signalled \(outcome.signalled) timed out \(outcome.timedOut)")
    }

    @Test func hugeTranscriptIsRefusedWithoutReadingIt() throws {
        let lunacm = Lunacm()
        let transcript = lunacm.scratch + "/huge.lunacm"
        try Self.sparseFile(transcript, size: 8 << 30, prefix: "lunacm:> slot list\n")
        let outcome = try Self.runCapped(lunacm, ["--replay", transcript])
        let clean = !outcome.signalled && !outcome.timedOut && (outcome.status == 1 || outcome.status == 2) && !outcome.errText.isEmpty
                    #expect(clean, "status \(outcome.status) signalled \(outcome.signalled) after \(String(format: "%.1f", outcome.seconds)) s: \(outcome.errText.prefix(300))")
    }

    @Test func hugeChrystokiConfFailsCleanly() throws {
        let lunacm = Lunacm()
        #expect(try lunacm.run(["-c", "slot", "list"]).status == 0)
        try Self.sparseFile(lunacm.confPath, size: 8 << 30, prefix: "Chrystoki2 = {\n")
        let outcome = try Self.runCapped(lunacm, ["-c", "slot", "list"])
        let clean = !outcome.signalled && !outcome.timedOut && (outcome.status == 1 || outcome.status == 2)
                    #expect(clean, "status \(outcome.status) signalled \(outcome.signalled) after \(String(format: "%.1f", outcome.seconds)) s: \(outcome.outText.prefix(300))\(outcome.errText.prefix(300))")
    }

    /// A batch line over the 4 MiB limit is refused as a whole: its tail must not run as a
    /// command of its own.
    @Test func theTailOfAnOverlongLineDoesNotRun() throws {
        let lunacm = Lunacm()
        let created = try lunacm.run(["-c", "hagroup", "createGroup", "-label", "G", "-slot", "0", "-password", "userpin1"])
        #expect(created.status == 0)
        let confBefore = lunacm.file(lunacm.confPath)
        let line = Array(String(repeating: " ", count: (4 << 20) + (1 << 18)).utf8) + Array("hagroup deleteGroup -label G\n".utf8)
        let outcome = try Self.runCapped(lunacm, [], stdin: line)
        #expect(!outcome.signalled && outcome.status == 1, "\(outcome.outText.prefix(500))")
        let untouched = lunacm.file(lunacm.confPath) == confBefore && !outcome.outText.contains("was successfully deleted")
                    #expect(untouched, "\(outcome.outText.prefix(500))")
    }
}
