import Foundation
import LunaShell
import LunaSim
import Testing

/// The seed's steps 1-3 against the default fleet, compared with the seed's transcripts byte for
/// byte (the restart banner differs: it names the simulator).
@Suite struct HAGroupSeedTests {
    static let createGroupReply = """

                Enter the password: ********

                New group with label "myHAgroup" created with group number 1154438865287.
                Group configuration is:


                 HA Group Label:  myHAgroup
                HA Group Number:  1154438865287
               HA Group Slot ID:  Not Available
                Synchronization:  enabled
                  Group Members:  154438865287
                     Needs sync:  no
                Standby Members:  <none>


        Slot #    Member S/N                      Member Label    Status
        ======    ==========                      ============    ======
             0  154438865287                              par0     alive


        Command Result : No Error

        """

    static let addMemberReply = """


                Enter the password: ********


        Warning:  There are objects currently on the new member.
                  Do you wish to propagate these objects within the HA
                  group, or remove them?

                  Type 'copy' to keep and propagate the existing
                  objects, 'remove' to remove them before continuing,
                  or 'quit' to stop adding this new group member.
                  >  copy

                Member 1238700701509 successfully added to group myHAgroup. New group
                configuration is:

                 HA Group Label:  myHAgroup
                HA Group Number:  1154438865287
               HA Group Slot ID:  5
                Synchronization:  enabled
                  Group Members:  154438865287, 1238700701509
                     Needs sync:  no
                Standby Members:  <none>


        Slot #    Member S/N                      Member Label    Status
        ======    ==========                      ============    ======
             0  154438865287                              par0     alive
             1  1238700701509                             par1     alive


                Please use the command "ha synchronize" when you are ready
                to replicate data between all members of the HA group.
                (If you have additional members to add, you may wish to wait
                until you have added them before synchronizing to save time by
                avoiding multiple synchronizations.)

        Command Result : No Error

        """

    @Test func createGroupAnswersAsTheSeedAndRestarts() throws {
        let world = try TestWorld(answers: ["userpin1"])
        let output = world.run("hagroup creategroup -label myHAgroup -slot 0")
        #expect(output.hasPrefix(Self.createGroupReply))
        let restart = String(output.dropFirst(Self.createGroupReply.count))
        #expect(restart.hasPrefix("\n" + SlotListingRenderer.banner + "\n\n\n        Available HSMs:\n"))
        #expect(restart.contains("        Slot Id ->              5\n        HSM Label ->            myHAgroup\n"))
        #expect(restart.hasSuffix("Current Slot Id: 0\n\n"))
    }

    @Test func addMemberWithCopyAnswersAsTheSeed() throws {
        let world = try TestWorld(answers: ["userpin1", "userpin1", "copy"])
        _ = world.run("hagroup creategroup -label myHAgroup -slot 0")
        #expect(world.run("hagroup addmember -group myHAgroup -slot 1") == Self.addMemberReply)
    }

    @Test func theConfHoldsTheGroupAsReference53Says() throws {
        let world = try TestWorld(answers: ["userpin1", "userpin1", "copy"])
        _ = world.run("hagroup creategroup -label myHAgroup -slot 0", "hagroup addmember -group myHAgroup -slot 1")
        #expect(world.confText == EmbeddedDefaults.chrystokiConf + """

            VirtualToken = {
               VirtualToken00Label = myHAgroup;
               VirtualToken00SN = 1154438865287;
               VirtualToken00Members = 154438865287,1238700701509;
            }

            HASynchronize = {
               myHAgroup = 1;
            }

            """)
    }

    @Test func copyClonesTheNewMembersObjectsToTheGroup() throws {
        let world = try TestWorld(answers: ["copy"])
        _ = world.run("hagroup creategroup -label g -slot 0 -password userpin1", "hagroup addmember -group g -slot 1 -password userpin1")
        let snapshot = try world.store.snapshot()
        #expect(snapshot.objects["154438865287"]?.map(\.identity) == snapshot.objects["1238700701509"]?.map(\.identity))
        #expect(snapshot.objects["154438865287"]?.count == 3)
    }

    @Test func removeDeletesTheNewMembersObjectsAndSyncIsNotNeeded() throws {
        let world = try TestWorld(answers: ["remove"])
        let output = world.run("hagroup creategroup -label g -slot 0 -password userpin1", "hagroup addmember -group g -slot 1 -password userpin1")
        #expect(output.contains("          >  remove\n"))
        #expect(output.contains("             Needs sync:  no\n"))
        let snapshot = try world.store.snapshot()
        #expect(snapshot.objects["1238700701509"] == nil && snapshot.objects["154438865287"] == nil)
    }

    @Test func quitChangesNothing() throws {
        let world = try TestWorld(answers: ["quit"])
        _ = world.run("hagroup creategroup -label g -slot 0 -password userpin1")
        let state = try StateFingerprint.canonicalText(world.store), conf = world.confText
        let output = world.run("hagroup addmember -group g -slot 1 -password userpin1")
        #expect(output.hasSuffix("Command Result : 0x1 (CKR_CANCEL)\n"))
        #expect(try StateFingerprint.canonicalText(world.store) == state)
        #expect(world.confText == conf)
    }

    @Test func aPrimaryWithObjectsNeedsSyncUntilSynchronized() throws {
        let world = try TestWorld(answers: ["copy"])
        // par1 (with objects) is the primary; empty par0 joins without a question.
        let created = world.run("hagroup creategroup -label g -slot 1 -password userpin1")
        #expect(created.contains("HA Group Number:  11238700701509"))
        let added = world.run("hagroup addmember -group g -slot 0 -password userpin1")
        #expect(!added.contains("Warning:"))
        #expect(added.contains("             Needs sync:  yes\n"))
        let listed = world.run("hagroup listgroups -password userpin1")
        #expect(listed.contains("             Needs sync:  yes\n"))
        let synced = world.run("hagroup synchronize -group g -password userpin1")
        #expect(synced.contains("3 object(s) cloned to 1 member(s)"))
        #expect(world.run("hagroup listgroups -password userpin1").contains("             Needs sync:  no\n"))
        let snapshot = try world.store.snapshot()
        #expect(snapshot.objects["154438865287"]?.map(\.identity) == snapshot.objects["1238700701509"]?.map(\.identity))
    }
}
