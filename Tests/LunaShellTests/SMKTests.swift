import LunaShell
import LunaSim
import Testing

/// Seed: joining a group overwrites the member's SMK with the primary's; SKS blobs sealed under
/// the old SMK are lost unless it was backed up.
@Suite struct SMKTests {
    func blob(in output: String) -> String {
        output.split(separator: "\n").map { $0.drop { $0 == " " } }.first { $0.count > 64 && $0.allSatisfy(\.isHexDigit) }.map(String.init) ?? ""
    }

    @Test func aBlobSealedBeforeJoiningOpensOnlyAfterTheSMKIsRestored() throws {
        let world = try TestWorld(answers: ["remove"])
        _ = world.run("hagroup creategroup -label g -slot 0 -password userpin1")
        _ = world.run("slot set -slot 1", "role login -name co -password userpin1")
        let sealed = blob(in: world.run("simulator extractSKS -handle 1"))
        #expect(sealed.hasPrefix("534b5331"))
        #expect(world.run("partition archive backup -smkonly").contains("backed up to the\n        simulated Backup HSM as par1-smk."))
        #expect(world.run("simulator insertSKS -blob \(sealed)").contains("Command Result : No Error"))
        _ = world.run("role logout")

        let added = world.run("hagroup addmember -group g -slot 1 -password userpin1")
        #expect(added.contains("Warning:  The SMK of partition 1238700701509 will be overwritten"))
        #expect(added.hasSuffix("Command Result : No Error\n"))

        _ = world.run("role login -name co -password userpin1")
        #expect(world.run("simulator insertSKS -blob \(sealed)").contains("Command Result : 0x80000099 (CKR_SMK_ID_NOT_FOUND)"))
        _ = world.run("partition archive restore -smkonly")
        #expect(world.run("simulator insertSKS -blob \(sealed)").contains("The SKS blob was inserted as object"))
    }

    @Test func noWarningWhenTheJoiningPartitionHasNoSMKOfItsOwn() throws {
        let world = try TestWorld(answers: ["copy"])
        #expect(world.run("hagroup creategroup -label g -slot 0 -password userpin1").contains("Command Result : No Error\n"))
        let added = world.run("hagroup addmember -group g -slot 1 -password userpin1")
        // The member really joined (a refusal would print no warning either).
        #expect(added.hasSuffix("Command Result : No Error\n"), "\(added)")
        #expect(!added.contains("SMK"))
        #expect(world.confText.contains("VirtualToken00Members = 154438865287,1238700701509;"))
    }

    @Test func sksAndArchiveNeedTheCryptoOfficer() throws {
        let world = try TestWorld()
        #expect(world.run("simulator extractSKS -handle 1").contains("CKR_USER_NOT_LOGGED_IN"))
        #expect(world.run("partition archive backup -smkonly").contains("CKR_USER_NOT_LOGGED_IN"))
    }

    @Test func helpListsSimulatorCommandsApart() throws {
        let help = try TestWorld().run("help")
        let apart = try #require(help.range(of: "Simulator commands (lunacm-sim only, not in a real LunaCM):"))
        #expect(help[apart.upperBound...].contains("simulator"))
        #expect(!help[..<apart.lowerBound].contains("simulator"))
    }
}
