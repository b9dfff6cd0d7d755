import Foundation
import Testing

/// HA at run time across processes (issue 12): faults injected by one lunacm are noticed by
/// another that is running operations, and many processes injecting faults and running
/// operations on one home lose no update.
@Suite struct HARuntimeProcessTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fleet = root.appendingPathComponent("Config/fleets/ha-three-members.json").path

    /// A home with group g (par0, par1), auto-recovery on (activeEnhanced) and an AES key on the
    /// HA slot (slot 6).
    func twoMemberHome() throws -> Lunacm {
        let lunacm = Lunacm()
        let setup = try lunacm.run(["--fleet", Self.fleet, "--reset", "--bail"], stdin: """
            hagroup creategroup -label g -slot 0 -password userpin1
            hagroup addmember -group g -slot 1 -password userpin1
            hagroup retry -count -1
            hagroup recoverymode -mode activeEnhanced
            slot set -slot 6
            role login -name co -password userpin1
            simulator createObject -keyType AES -label a

            """)
        #expect(setup.status == 0, "\(setup.out)\(setup.err)")
        return lunacm
    }

    static let runScript = "slot set -slot 6\nrole login -name co -password userpin1\nsimulator runOperations -count %d\n"

    @Test func aLongRunFailsOverWhileAnotherProcessTakesAMemberDownAndUp() throws {
        let lunacm = try twoMemberHome()
        // The run on a thread of its own, the faults on this one: neither waits for a thread of
        // the shared test pool, which the other process tests keep blocked (on two cores the
        // run could end before an async test was scheduled again, and no fault was injected).
        let runner = BackgroundRun { try lunacm.run([], stdin: String(format: Self.runScript, 200_000)) }
        // Fail and restore par0 (auto-recovery brings it back after the clock moves) until the
        // run ends.
        Thread.sleep(forTimeInterval: 0.3)
        var cycles = 0
        while !runner.isDone, cycles < 1000 {
            try lunacm.run(["-c", "simulator", "hsmDown", "-serial", "700101"])
            Thread.sleep(forTimeInterval: 0.1)
            try lunacm.run(["-c", "simulator", "hsmUp", "-serial", "700101"])
            try lunacm.run(["-c", "simulator", "advanceClock", "-seconds", "61"])
            Thread.sleep(forTimeInterval: 0.1)
            cycles += 1
        }
        let result = try runner.wait()
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains("        200000 operations, 0 failed, "))
        let failedOver = result.out.split(separator: "\n").first { $0.contains("200000 operations") }
            .flatMap { $0.split(separator: ",").last?.split(separator: " ").first }.flatMap { Int($0) } ?? 0
        #expect(failedOver >= 1, "\(result.out)")
        print("HARuntimeProcessTests: 200000 operations, \(cycles) down/up cycles by another process, \(failedOver) failed over")
    }

    /// A lunacm run on a thread outside the test pool.
    final class BackgroundRun: @unchecked Sendable {
        private let condition = NSCondition()
        private var outcome: Result<Lunacm.Result, any Error>?

        init(_ body: @escaping @Sendable () throws -> Lunacm.Result) {
            Thread.detachNewThread { [self] in
                let result = Result { try body() }
                condition.lock()
                outcome = result
                condition.broadcast()
                condition.unlock()
            }
        }

        var isDone: Bool {
            condition.lock()
            defer { condition.unlock() }
            return outcome != nil
        }

        func wait() throws -> Lunacm.Result {
            condition.lock()
            defer { condition.unlock() }
            while outcome == nil { condition.wait() }
            return try outcome!.get()
        }
    }

    @Test func allMembersDownExitsOneWithACode() throws {
        let lunacm = try twoMemberHome()
        try lunacm.run(["-c", "simulator", "hsmDown", "-serial", "700101"])
        try lunacm.run(["-c", "simulator", "networkDown", "-serial", "700102"])
        let result = try lunacm.run([], stdin: String(format: Self.runScript, 10))
        #expect(result.status == 1)
        #expect(result.out.contains("CKR_DEVICE_REMOVED"))
    }

    @Test func eightProcessesInjectingFaultsAndRunningLoseNoUpdate() throws {
        let lunacm = try twoMemberHome()
        // Four inject (each a distinct fault, set once), four run operations; then every fault
        // set must be there, and the home must be consistent.
        var processes: [Process] = []
        let faults = [["hsmDown", "700101"], ["networkDown", "700102"], ["hsmDown", "700103"], ["networkDown", "700103"]]
        for index in 0..<8 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Lunacm.binary)
            process.environment = lunacm.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if index < 4 {
                process.arguments = ["-c", "simulator", faults[index][0], "-serial", faults[index][1]]
                process.standardInput = FileHandle.nullDevice
            } else {
                let path = lunacm.scratch + "/run-\(index).txt"
                try String(format: Self.runScript, 2000).write(toFile: path, atomically: true, encoding: .utf8)
                process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
                process.arguments = []
            }
            processes.append(process)
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        let shown = try lunacm.run(["-c", "simulator", "showFaults"]).out
        #expect(shown.contains("HSMs down:  700101, 700103\n"), "\(shown)")
        #expect(shown.contains("Links down:  700102, 700103\n"), "\(shown)")
    }

    /// A kill -9 at any moment of `hagroup recover` (which replicates the missed objects in the
    /// same transaction) leaves the member down with the objects missing, or alive with them.
    @Test func killDuringRecoveryLeavesTheBeforeOrTheAfter() throws {
        let pristine = try twoMemberHome()
        try pristine.run(["-c", "simulator", "hsmDown", "-serial", "700102"])
        let keys = (0..<300).map { "simulator createObject -keyType AES -label k\($0)\n" }.joined()
        let made = try pristine.run(["--bail"], stdin: "slot set -slot 6\nrole login -name co -password userpin1\n" + keys)
        #expect(made.status == 0)
        try pristine.run(["-c", "simulator", "hsmUp", "-serial", "700102"])
        var outcomes: [String: Int] = [:]
        for iteration in 0..<12 {
            let copy = Lunacm()
            try FileManager.default.copyItem(atPath: pristine.home, toPath: copy.home)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Lunacm.binary)
            process.environment = copy.environment
            process.arguments = ["-c", "hagroup", "recover", "-group", "g"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(iteration * 40_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let listing = try copy.run(["-c", "hagroup", "listgroups", "-password", "userpin1"]).out
            let down = listing.contains("1238700701509                      ------------      down")
            let needsSync = listing.contains("Needs sync:  yes")
            #expect(down == needsSync, "\(listing)")
            outcomes[down ? "before" : "after", default: 0] += 1
        }
        print("HARuntimeProcessTests: kill -9 during recover: \(outcomes)")
    }
}
