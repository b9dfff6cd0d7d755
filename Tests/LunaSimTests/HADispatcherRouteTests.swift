import ChrystokiConf
import Foundation
import LunaSim
import Testing

/// The HA run time as the PKCS#11 library drives it (`memberDispatcher`, `route(among:)`): the
/// same round-robin, failover and member state as `simulator runOperations`, with the caller
/// performing each operation itself.
@Suite struct HADispatcherRouteTests {
    let par0 = "154438865287", par1 = "1238700701509"
    /// The lunacm slot of the group's virtual slot (after the two physical ones).
    let haSlot = 5

    func groupStore() throws -> StateStore {
        let home = NSTemporaryDirectory() + "lunasim-route-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let store = try StateStore(home: home, confPath: home + "/Chrystoki.conf",
                                   seeding: { () throws(FleetFileError) in try Seeding.make(fleet: nil) })
        try store.installConf()
        try store.write { transaction throws(LunaError) in
            var ha = HAConfig(try transaction.conf())
            do throws(ConfError) { _ = try ha.addGroup(label: "ha1", serial: "1154438865287", members: [par0, par1]) } catch { throw LunaError(error) }
            transaction.setConf(ha.document)
        }
        return store
    }

    func dispatcher(_ store: StateStore) throws -> HADispatcher {
        try store.read { transaction throws(LunaError) in try HARuntime.memberDispatcher(slot: haSlot, transaction) }
    }

    func hsm(_ serial: String, down: Bool, _ store: StateStore) throws {
        try store.write { transaction throws(LunaError) in _ = try FaultService.set(.hsm, serial: serial, down: down, transaction) }
    }

    @Test func operationsAlternateBetweenTheAliveMembers() throws {
        var dispatcher = try dispatcher(try groupStore())
        let chosen = (0..<6).compactMap { _ in dispatcher.route(among: [par0, par1]) }.map { dispatcher.targets[$0].serial }
        #expect(chosen == [par0, par1, par0, par1, par0, par1])
        #expect(dispatcher.served == [3, 3])
        #expect(dispatcher.failed == 0 && dispatcher.failedOver == 0)
    }

    @Test func onlyTheMembersHoldingTheKeyServe() throws {
        var dispatcher = try dispatcher(try groupStore())
        for _ in 0..<4 { dispatcher.route(among: [par1]) }
        #expect(dispatcher.served == [0, 4])
    }

    @Test func aMemberWhoseHSMIsDownIsFailedOverOnceAndLeftForTheCallerToPersist() throws {
        let store = try groupStore()
        try hsm(par1, down: true, store)
        var dispatcher = try dispatcher(store)
        #expect(dispatcher.availableMembers == [par0])
        let chosen = (0..<4).compactMap { _ in dispatcher.route(among: [par0, par1]) }.map { dispatcher.targets[$0].serial }
        #expect(chosen == [par0, par0, par0, par0])
        #expect(dispatcher.failed == 0)
        #expect(dispatcher.failedOver == 1)
        #expect(dispatcher.newlyDown == [par1])
        // Nothing is written until the caller persists it, as the library does.
        #expect(try store.read { transaction throws(LunaError) in try transaction.downMembers() }.isEmpty)
        try store.write { transaction throws(LunaError) in try HARuntime.markDown(par1, slot: haSlot, transaction) }
        #expect(try store.read { transaction throws(LunaError) in try transaction.downMembers() } == [par1])
    }

    @Test func everyMemberDownFailsWithDeviceRemovedAndMarksBothDown() throws {
        let store = try groupStore()
        try hsm(par0, down: true, store)
        try hsm(par1, down: true, store)
        var dispatcher = try dispatcher(store)
        #expect(dispatcher.route(among: [par0, par1]) == nil)
        #expect(dispatcher.failed == 1)
        #expect(dispatcher.firstFailure?.code == .deviceRemoved)
        #expect(Set(dispatcher.newlyDown) == [par0, par1])
        #expect(dispatcher.availableMembers.isEmpty)
    }

    @Test func aRecoveredMemberTakesWorkAgainAfterTheInterval() throws {
        let store = try groupStore()
        try store.write { transaction throws(LunaError) in try HASettingsService.setRetry(-1, transaction) }
        try hsm(par1, down: true, store)
        try store.write { transaction throws(LunaError) in try HARuntime.markDown(par1, slot: haSlot, transaction) }
        try hsm(par1, down: false, store)
        // Up again, but the interval (60 s by default) has not passed: the member stays down.
        _ = try store.write { transaction throws(LunaError) in try HARuntime.touch(slot: haSlot, findingDown: false, transaction) }
        #expect(try dispatcher(store).availableMembers == [par0])
        try store.write { transaction throws(LunaError) in
            _ = try FaultService.advanceClock(seconds: 61, transaction)
            try HARuntime.touch(slot: haSlot, findingDown: false, transaction)
            try HARuntime.loggedIn(slot: haSlot, transaction)
        }
        var dispatcher = try dispatcher(store)
        #expect(dispatcher.availableMembers == [par0, par1])
        for _ in 0..<4 { dispatcher.route(among: [par0, par1]) }
        #expect(dispatcher.served == [2, 2])
    }
    @Test func aStandbyMemberServesOnlyWhenTheActiveIsDownAndIsPromoted() throws {
        let store = try groupStore()
        try store.write { transaction throws(LunaError) in
            var ha = HAConfig(try transaction.conf())
            do throws(ConfError) { try ha.setStandby(ofGroup: "ha1", to: [par1]) } catch { throw LunaError(error) }
            transaction.setConf(ha.document)
        }
        var dispatcher = try dispatcher(store)
        for _ in 0..<4 { dispatcher.route(among: [par0, par1]) }
        #expect(dispatcher.served == [4, 0])
        #expect(dispatcher.promotionChange == nil)
        try hsm(par0, down: true, store)
        dispatcher = try self.dispatcher(store)
        for _ in 0..<4 { dispatcher.route(among: [par0, par1]) }
        #expect(dispatcher.served == [0, 4])
        #expect(dispatcher.failed == 0 && dispatcher.failedOver == 1)
        #expect(dispatcher.promotionChange?.serials == [par1])
        #expect(dispatcher.promotionChange?.promoted == true)
    }
}
