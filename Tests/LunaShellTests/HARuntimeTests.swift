import Foundation
import LunaShell
import LunaSim
import Testing

/// HA at run time (issue 12) on the three-member fleet (Config/fleets/ha-three-members.json):
/// par0 on HSM 700101, par1 on 700102, par2 on 700103; the group's virtual slot is 6.
@Suite struct HARuntimeTests {
    static let fleet: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("Config/fleets/ha-three-members.json"), encoding: .utf8)) ?? ""
    }()
    static let par0 = "154438865287", par1 = "1238700701509", par2 = "1238700701600"
    static func downRow(_ serial: String) -> String { "------  \(serial)                      ------------      down\n" }

    /// Group `g` of `members` partitions (par0 first), the HA slot current, the CO logged in,
    /// and an EC key pair on it.
    func group(members: Int = 3, setup: [String] = [], answers: [String] = []) throws -> TestWorld {
        let world = try TestWorld(fleet: Self.fleet, answers: answers)
        var lines = ["hagroup creategroup -label g -slot 0 -password userpin1"]
        for slot in 1..<members { lines.append("hagroup addmember -group g -slot \(slot) -password userpin1") }
        lines += setup + ["slot set -slot 6", "role login -name co -password userpin1", "simulator createObject -keyType EC -label k"]
        for line in lines {
            let output = world.run(line)
            #expect(output.contains("Command Result : No Error"), "\(line)\n\(output)")
        }
        return world
    }

    /// Operations served per member serial, read from runOperations' table.
    func served(_ output: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count >= 3, [Self.par0, Self.par1, Self.par2].contains(String(words[0])), let count = Int(words[2]) {
                result[String(words[0])] = count
            }
        }
        return result
    }

    @Test func retryZeroKeepsTheMemberDownUntilRecover() throws {
        let world = try group()
        _ = world.run("simulator hsmDown -serial 700103")
        // An idle client notices nothing.
        #expect(world.run("hagroup listgroups -password userpin1").contains("     2  \(Self.par2)                              par2     alive\n"))
        _ = world.run("simulator runOperations -count 10")
        #expect(world.run("hagroup listgroups -password userpin1").contains(Self.downRow(Self.par2)))
        _ = world.run("simulator hsmUp -serial 700103", "simulator advanceClock -seconds 31536000", "simulator runOperations -count 10")
        #expect(world.run("hagroup listgroups -password userpin1").contains(Self.downRow(Self.par2)))
        let recovered = world.run("hagroup recover -group g")
        #expect(recovered == "\n        Member \(Self.par2) of group g recovered.\n\nCommand Result : No Error\n")
        let listing = world.run("hagroup listgroups -password userpin1")
        #expect(listing.contains("     2  \(Self.par2)                              par2     alive\n"))
        #expect(listing.contains("             Needs sync:  no\n"))
    }

    @Test func retryTwoGivesUpAfterTwoAttempts() throws {
        let world = try group(setup: ["hagroup retry -count 2"])
        _ = world.run("hagroup halog -enable -path \(world.directory)")
        _ = world.run("simulator hsmDown -serial 700103", "simulator runOperations -count 4")
        for _ in 0..<3 { _ = world.run("simulator advanceClock -seconds 60", "simulator runOperations -count 4") }
        _ = world.run("simulator hsmUp -serial 700103", "simulator advanceClock -seconds 600", "simulator runOperations -count 4")
        #expect(world.run("hagroup listgroups -password userpin1").contains(Self.downRow(Self.par2)))
        let log = try String(contentsOfFile: world.directory + "/haErrorLog.txt", encoding: .utf8)
        #expect(log.contains("member \(Self.par2): auto-recovery attempt 1 failed: HSM 700103 is down"))
        #expect(log.contains("member \(Self.par2): auto-recovery attempt 2 failed: HSM 700103 is down"))
        #expect(!log.contains("attempt 3"))
        #expect(world.run("hagroup recover -group g").contains("Member \(Self.par2) of group g recovered."))
    }

    @Test func autoRecoveryWaitsForTheInterval() throws {
        let world = try group(setup: ["hagroup retry -count -1", "hagroup recoverymode -mode activeEnhanced"])
        _ = world.run("simulator hsmDown -serial 700103", "simulator runOperations -count 3", "simulator hsmUp -serial 700103",
                      "simulator advanceClock -seconds 59", "simulator runOperations -count 3")
        #expect(world.run("hagroup listgroups -password userpin1").contains(Self.downRow(Self.par2)))
        _ = world.run("simulator advanceClock -seconds 1")
        #expect(served(world.run("simulator runOperations -count 3")) == [Self.par0: 1, Self.par1: 1, Self.par2: 1])
    }

    @Test func activeBasicRecoveredMemberWaitsForALogin() throws {
        let world = try group(setup: ["hagroup retry -count -1", "hagroup recoverymode -mode activeBasic"])
        _ = world.run("simulator hsmDown -serial 700103", "simulator runOperations -count 3", "simulator hsmUp -serial 700103",
                      "simulator advanceClock -seconds 60")
        #expect(served(world.run("simulator runOperations -count 4")) == [Self.par0: 2, Self.par1: 2, Self.par2: 0])
        _ = world.run("role logout", "role login -name co -password userpin1")
        #expect(served(world.run("simulator runOperations -count 3")) == [Self.par0: 1, Self.par1: 1, Self.par2: 1])
    }

    @Test func workSplitsEvenlyOverTwoMembers() throws {
        let world = try group(members: 2)
        let output = world.run("simulator runOperations -count 1000")
        #expect(served(output) == [Self.par0: 500, Self.par1: 500])
        #expect(output.contains("        1000 operations, 0 failed, 0 failed over\n"))
    }

    @Test func standbyServesOnlyWhenEveryActiveIsDownThenAllFail() throws {
        let world = try group(setup: ["hagroup addstandby -group g -slot 2"])
        _ = world.run("hagroup halog -enable -path \(world.directory)")
        #expect(served(world.run("simulator runOperations -count 1000")) == [Self.par0: 500, Self.par1: 500, Self.par2: 0])
        _ = world.run("simulator hsmDown -serial 700101", "simulator networkDown -serial \(Self.par1)")
        let output = world.run("simulator runOperations -count 1000")
        #expect(served(output) == [Self.par0: 0, Self.par1: 0, Self.par2: 1000])
        #expect(output.contains("        1000 operations, 0 failed, 1 failed over\n"))
        let log = try String(contentsOfFile: world.directory + "/haErrorLog.txt", encoding: .utf8)
        #expect(log.contains("member \(Self.par2): standby member promoted"))
        // An active member back: work returns to the actives, the standby reverts.
        _ = world.run("simulator hsmUp -serial 700101", "hagroup recover -group g", "role logout", "role login -name co -password userpin1")
        #expect(served(world.run("simulator runOperations -count 10")) == [Self.par0: 10, Self.par1: 0, Self.par2: 0])
        let reverted = try String(contentsOfFile: world.directory + "/haErrorLog.txt", encoding: .utf8)
        #expect(reverted.contains("member \(Self.par2): promoted standby member back to standby"))
        _ = world.run("simulator hsmDown -serial 700101", "simulator hsmDown -serial 700103")
        let failed = world.run("simulator runOperations -count 5")
        #expect(failed.contains("        No member of HA group g is reachable.\n"))
        #expect(failed.hasSuffix("Command Result : 0x32 (CKR_DEVICE_REMOVED)\n"))
        // Nothing lost: every member still holds the key pair.
        _ = world.run("simulator hsmUp -serial 700101", "simulator networkUp -serial 700102", "simulator hsmUp -serial 700103")
        #expect(world.run("hagroup recover -group g") == "\n        Member \(Self.par1) of group g recovered.\n\nCommand Result : No Error\n")
        #expect(world.run("hagroup listgroups -password userpin1").contains("             Needs sync:  no\n"))
    }

    @Test func keysCreatedWhileTheSurvivorIsNotThePrimary() throws {
        let world = try group(members: 2)
        _ = world.run("simulator hsmDown -serial 700101")
        let output = world.run("simulator createObject -keyType AES -label a")
        #expect(output.contains("        HA group g: created on member \(Self.par1) only.\n"))
        #expect(output.contains("        Not on \(Self.par0) (down): the group needs a sync until it recovers.\n"))
        #expect(!output.contains("synchronization is disabled"))
        #expect(!output.contains("the primary"))
        #expect(world.run("hagroup listgroups -password userpin1").contains("             Needs sync:  yes\n"))
    }

    @Test func haLogRotatesAtLogLen() throws {
        let world = try group(setup: ["hagroup retry -count -1", "hagroup recoverymode -mode activeEnhanced"])
        _ = world.run("hagroup halog -enable -path \(world.directory) -maxLength 300")
        for _ in 0..<4 {
            _ = world.run("simulator hsmDown -serial 700103", "simulator runOperations -count 3", "simulator hsmUp -serial 700103",
                          "simulator advanceClock -seconds 60", "simulator runOperations -count 3")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: world.directory).filter { $0.hasPrefix("haErrorLog.txt") }
        #expect(files.count >= 3)
        var lines: [String] = []
        for file in files {
            let text = try String(contentsOfFile: world.directory + "/" + file, encoding: .utf8)
            #expect(text.utf8.count <= 300)
            lines += text.split(separator: "\n").map(String.init)
        }
        #expect(lines.filter { $0.contains("member \(Self.par2): found down (HSM 700103 is down)") }.count == 4)
        #expect(lines.filter { $0.contains("member \(Self.par2): recovered (auto-recovery attempt 1") }.count == 4)
        #expect(lines.contains { $0.hasPrefix("2026-01-01 00:01:00 HA group 1154438865287 (g) member \(Self.par2): recovered") })
        #expect(files.contains("haErrorLog.txt.20260101000100") || files.contains { $0.hasPrefix("haErrorLog.txt.2026") })
    }

    @Test func memberAddedAndRemovedAreLogged() throws {
        let world = try TestWorld(fleet: Self.fleet)
        _ = world.run("hagroup creategroup -label g -slot 0 -password userpin1", "hagroup halog -enable -path \(world.directory)",
                      "hagroup addmember -group g -slot 1 -password userpin1", "hagroup removemember -group g -slot 1")
        let log = try String(contentsOfFile: world.directory + "/haErrorLog.txt", encoding: .utf8)
        #expect(log == """
            2026-01-01 00:00:00 HA group 1154438865287 (g) member \(Self.par1): member added
            2026-01-01 00:00:00 HA group 1154438865287 (g) member \(Self.par1): member removed

            """)
    }

    @Test func applicationSlotsMoveWithoutHAOnlyAndStayWithIt() throws {
        let world = try group()
        let before = world.run("simulator applicationSlots")
        #expect(before.contains("           1  par1              1238700701509   physical\n"))
        #expect(before.contains("           3  g                 1154438865287   HA virtual\n"))
        _ = world.run("simulator hsmDown -serial 700102", "simulator runOperations -count 3")
        let after = world.run("simulator applicationSlots")
        #expect(after.contains("           1  par2              1238700701600   physical\n"))
        #expect(after.contains("           2  g                 1154438865287   HA virtual\n"))
        _ = world.run("hagroup haonly -enable")
        let haOnly = world.run("simulator applicationSlots")
        #expect(haOnly.contains("           0  g                 1154438865287   HA virtual\n"))
        #expect(!haOnly.contains("physical"))
        // LunaCM's own slot list still shows every physical slot.
        #expect(world.run("slot list").contains("Slot Id ->              1\n"))
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let world = try group()
        let before = world.run("simulator showFaults")
        for line in ["simulator hsmDown -serial 999", "simulator networkUp -serial nope", "simulator advanceClock -seconds 0",
                     "simulator advanceClock -seconds 31536001", "simulator runOperations -count 0",
                     "simulator runOperations -count 5 -handle 999", "simulator hsmDown"] {
            let output = world.run(line)
            #expect(output.contains("Command Result : 0x"), "\(line)\n\(output)")
            #expect(!output.contains("No Error"), "\(line)")
        }
        #expect(world.run("simulator hsmDown -serial 999").hasSuffix("Command Result : 0x7 (CKR_ARGUMENTS_BAD)\n"))
        #expect(world.run("simulator showFaults") == before)
        #expect(before.contains(" HSMs down:  <none>\n"))
    }

    @Test func physicalSlotOfADownHSMFailsClearly() throws {
        let world = try TestWorld(fleet: Self.fleet)
        _ = world.run("role login -name co -password userpin1", "simulator createObject -keyType AES -label a",
                      "simulator hsmDown -serial \(Self.par0)")
        #expect(world.run("simulator runOperations -count 3").hasSuffix("Command Result : 0x32 (CKR_DEVICE_REMOVED)\n"))
        _ = world.run("simulator hsmUp -serial 700101")
        #expect(world.run("simulator runOperations -count 3").contains("        3 operations, 0 failed, 0 failed over\n"))
    }

    @Test func powerLossDeactivatesPEDPartitionsWithoutAutoActivation() throws {
        func partition(_ label: String, _ serial: String, _ slot: Int, autoActivation: Int) -> String {
            """
            {"label": "\(label)", "serial": "\(serial)", "slot": \(slot), "domain": "d", "coPassword": "userpin1",
             "coPasswordChanged": true, "activated": true, "challenge": "challenge1",
             "policies": {"0": 1, "4": 1, "22": 1, "23": \(autoActivation)}}
            """
        }
        let fleet = """
            {"hsms": [{"serial": "800001", "kind": "network", "auth": "ped", "policies": {"7": 1, "12": 1, "16": 1, "21": 1},
                       "partitions": [\(partition("manual", "500000000001", 0, autoActivation: 0)),
                                      \(partition("auto", "500000000002", 1, autoActivation: 1))]}]}
            """
        let world = try TestWorld(fleet: fleet)
        #expect(world.run("simulator hsmDown -serial 800001") == """

                    HSM 800001 is now down (no power).
                    Deactivated (partition policy 23 is off): 500000000001.

            Command Result : No Error

            """)
        #expect(world.run("simulator hsmUp -serial 500000000002").contains("HSM 800001 is now up."))
        #expect(world.run("simulator applicationSlots").contains("           0  auto              500000000002    physical\n"))
        #expect(!world.run("simulator applicationSlots").contains("manual"))
    }

    @Test func aDeletedGroupTakesItsMemberStateWithIt() throws {
        let world = try group(answers: ["copy"])
        _ = world.run("simulator hsmDown -serial 700103", "simulator runOperations -count 3", "simulator hsmUp -serial 700103",
                      "slot set -slot 0", "hagroup deletegroup -label g")
        _ = world.run("hagroup creategroup -label h -slot 2 -password userpin1")
        let listing = world.run("hagroup listgroups -password userpin1")
        #expect(listing.contains("     2  \(Self.par2)                              par2     alive\n"), "\(listing)")
    }
}
