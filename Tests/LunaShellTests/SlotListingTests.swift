import Foundation
import LunaShell
import LunaSim
import Testing

/// The slot blocks are compared byte for byte with the seed's transcript (restart listing after
/// creategroup), which shows par0, par1 and the HA virtual slot 5.
@Suite struct SlotListingTests {
    static let par0Block = """
                Slot Id ->              0
                Label ->                par0
                Serial Number ->        154438865287
                Model ->                LunaSA 7.3.0
                Firmware Version ->     7.3.0
                Configuration ->        Luna User Partition With SO (PW) Key \("")
                                        Export With Cloning Mode
                Slot Description ->     Net Token Slot

        """
    static let par1Block = """
                Slot Id ->              1
                Label ->                par1
                Serial Number ->        1238700701509
                Model ->                LunaSA 7.3.0
                Firmware Version ->     7.3.0
                Configuration ->        Luna User Partition With SO (PW) Key \("")
                                        Export With Cloning Mode
                Slot Description ->     Net Token Slot

        """

    @Test func slotListShowsTheSeedsTwoPartitions() throws {
        let world = try TestWorld()
        #expect(world.run("slot list") == "\n" + Self.par0Block + "\n" + Self.par1Block + "\nCommand Result : No Error\n")
    }

    @Test func startupListingMatchesTheSeedIncludingTheVirtualSlot() throws {
        let conf = EmbeddedDefaults.chrystokiConf + """

            VirtualToken = {
               VirtualToken00Label = myHAgroup;
               VirtualToken00SN = 1154438865287;
               VirtualToken00Members = 154438865287;
            }

            """
        let world = try TestWorld(conf: conf)
        let expected = SlotListingRenderer.banner + "\n\n\n        Available HSMs:\n\n" + Self.par0Block + "\n" + Self.par1Block + "\n" + """
                    Slot Id ->              5
                    HSM Label ->            myHAgroup
                    HSM Serial Number ->    1154438865287
                    HSM Model ->            LunaVirtual
                    HSM Firmware Version -> 7.3.0
                    HSM Configuration ->    Luna Virtual HSM (PW) Key Export With \("")
                                            Cloning Mode
                    HSM Status ->           N/A - HA Group


            Current Slot Id: 0


            """
        #expect(try world.shell.startupText() == expected)
    }

    @Test func bannerSaysItIsASimulatorOfLunaCM730() {
        #expect(SlotListingRenderer.banner.hasPrefix("lunacm (64-bit) v7.3.0"))
        #expect(SlotListingRenderer.banner.contains("simulated"))
    }

    @Test func slotSetRepliesWithTheSlotDescription() throws {
        let world = try TestWorld()
        #expect(world.run("slot set -slot 1") == """
            Current Slot Id: 1 (Luna User Slot 7.3.0 (PW) Key Export With Cloning Mode)
            Command Result : No Error

            """)
        #expect(world.shell.session.currentSlot == 1)
    }

    @Test func slotSetToAMissingSlotIsSlotIDInvalidAndKeepsTheCurrentSlot() throws {
        let world = try TestWorld()
        #expect(world.run("slot set -slot 9") == """

                    Slot 9 does not exist.

            Command Result : 0x3 (CKR_SLOT_ID_INVALID)

            """)
        #expect(world.shell.session.currentSlot == 0)
    }

    @Test func fewerReservedG5SlotsMoveTheVirtualSlot() throws {
        let conf = EmbeddedDefaults.chrystokiConf.replacingOccurrences(of: "LunaG5Slots = 3;", with: "LunaG5Slots = 0;") + """
            VirtualToken = {
               VirtualToken00Label = g;
               VirtualToken00SN = 1154438865287;
               VirtualToken00Members = 154438865287;
            }

            """
        let world = try TestWorld(conf: conf)
        #expect(world.run("slot set -slot 2").hasPrefix("Current Slot Id: 2 (Luna Virtual HSM (PW)"))
    }
}
