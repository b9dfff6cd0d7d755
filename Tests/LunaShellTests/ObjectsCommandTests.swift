import LunaShell
import LunaSim
import Testing

/// The simulator's object commands: deterministic keys on a slot, and on an HA virtual slot an
/// object that lands on the primary and replicates as `HASynchronize` says.
@Suite struct ObjectsCommandTests {
    /// Group `g` of par0 and par1 (par1's objects removed), current slot its virtual slot 5.
    func groupWorld() throws -> TestWorld {
        let world = try TestWorld(answers: ["remove"])
        _ = world.run("hagroup creategroup -label g -slot 0 -password userpin1",
                      "hagroup addmember -group g -slot 1 -password userpin1", "slot set -slot 5")
        return world
    }

    @Test func createNeedsACryptoLogin() throws {
        let world = try TestWorld()
        #expect(world.run("simulator createObject -keyType AES -label k").contains("0x101 (CKR_USER_NOT_LOGGED_IN)"))
        _ = world.run("role login -name co -password userpin1")
        #expect(world.run("simulator createObject -keyType AES -size 100 -label k").contains("0x62 (CKR_KEY_SIZE_RANGE)"))
    }

    @Test func createListAndDestroyPinTheirLayouts() throws {
        let world = try TestWorld()
        _ = world.run("role login -name co -password userpin1")
        #expect(world.run("sim co -kt EC -s 384 -l signer") == """

                    Created private key EC 384 "signer" as object 1.
                    Created public key EC 384 "signer" as object 2.

            Command Result : No Error

            """)
        _ = world.run("sim co -kt AES -l wrap", "sim co -kt RSA -s 3072 -l rsa")
        #expect(world.run("simulator listObjects") == """

                    Handle  Class         Type  Size  Label
                    ------  -----         ----  ----  -----
                    1       privateKey    EC    384   signer
                    2       publicKey     EC    384   signer
                    3       secretKey     AES   256   wrap
                    4       privateKey    RSA   3072  rsa
                    5       publicKey     RSA   3072  rsa

                    Number of objects:  5

            Command Result : No Error

            """)
        #expect(world.run("simulator destroyObject -handle 3") == "\n        Object 3 (wrap) destroyed.\n\nCommand Result : No Error\n")
        #expect(world.run("simulator destroyObject -handle 3").contains("0x82 (CKR_OBJECT_HANDLE_INVALID)"))
    }

    @Test func keyMaterialIsRealAndDeterministic() throws {
        func material() throws -> [[UInt8]] {
            let world = try TestWorld()
            _ = world.run("role login -name co -password userpin1", "sim co -kt EC -l e", "sim co -kt AES -s 128 -l a",
                          "sim co -kt RSA -l r")
            return try world.store.read { transaction throws(LunaError) in
                try transaction.objects(on: "154438865287").map { $0.material ?? [] }
            }
        }
        let first = try material()
        #expect(first == (try material()))
        #expect(first.map(\.count) == [32, 65, 16, 256, 256])
        #expect(first[1].first == 0x04)  // an uncompressed P-256 point
    }

    @Test func onTheVirtualSlotAnObjectReplicatesWhenSyncIsOn() throws {
        let world = try groupWorld()
        #expect(world.run("sim co -kt AES -l k").contains("No Error") == false)
        _ = world.run("role login -name co -password userpin1")
        #expect(world.run("sim co -kt AES -l k") == """

                    Created symmetric key AES 256 "k" as object 1.
                    HA group g: created on 154438865287 and replicated to 1238700701509.

            Command Result : No Error

            """)
        #expect(world.run("hagroup listgroups -password userpin1").contains("Needs sync:  no"))
        _ = world.run("sim do -h 1")
        #expect(world.run("hagroup listgroups -password userpin1").contains("Needs sync:  no"))
    }

    @Test func withSyncDisabledOnlyThePrimaryGetsItAndTheGroupNeedsSync() throws {
        let world = try groupWorld()
        _ = world.run("hagroup synchronize -group g -disable", "role login -name co -password userpin1")
        #expect(world.run("sim co -kt RSA -l r").contains("HA group g: created on the primary 154438865287 only (synchronization is disabled).\n"))
        _ = world.run("role logout")
        #expect(world.run("hagroup listgroups -password userpin1").contains("Needs sync:  yes"))
        #expect(world.run("hagroup synchronize -group g -password userpin1").contains("No Error"))
        #expect(world.run("hagroup listgroups -password userpin1").contains("Needs sync:  no"))
    }

    @Test func helpListsTheObjectCommandsWithTheSimulatorFamily() throws {
        let help = try TestWorld().run("simulator ?")
        let apart = try #require(help.range(of: "Simulator commands (lunacm-sim only, not in a real LunaCM):"))
        #expect(help[apart.upperBound...].contains("createObject"))
    }
}
