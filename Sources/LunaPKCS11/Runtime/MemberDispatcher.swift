import CPKCS11
import LunaSim

/// Chooses the member of an HA group that serves the next operation on its virtual slot. The one
/// seam where the HA run time (member state, load balancing, failover) plugs into the library:
/// everything else asks it, and any member it names holds the object in use. Caller holds `gate`.
protocol MemberDispatcher: AnyObject {
    /// The member that takes the next operation on `slot`, among `holders` (the members holding
    /// its key): counted, failed over from members found unreachable. CKR_DEVICE_REMOVED when
    /// no member can take it; CKR_USER_NOT_LOGGED_IN when the only members left wait for a
    /// login (activeBasic recovery).
    func member(for slot: SlotTable.Entry, holders: Set<String>) throws -> String
    /// A member to read the slot's objects from, without counting an operation.
    func readableMember(for slot: SlotTable.Entry) throws -> String
    /// Something committed since the state was read (another process's fault, this one's write).
    func stateChanged()
}

/// The HA run time's dispatch (`HARuntime.memberDispatcher`, the `HADispatcher` that lunacm's
/// `simulator runOperations` uses): least busy / round-robin over alive active members, standby
/// promotion, failover invisible to the caller, lazy recovery paced by the simulated clock. One
/// dispatcher per group, kept between operations and rebuilt only when the state moved, so an
/// operation costs no transaction; a write happens only when a member is found down, a standby
/// is promoted, or a recovery attempt is due (`writeIfNeeded`).
final class HARuntimeMemberDispatcher: MemberDispatcher {
    private let store: StateStore
    /// By lunacm slot number of the group's virtual slot.
    private var groups: [Int: HADispatcher] = [:]

    init(store: StateStore) {
        self.store = store
    }

    func stateChanged() {
        groups.removeAll(keepingCapacity: true)
    }

    func member(for slot: SlotTable.Entry, holders: Set<String>) throws -> String {
        var dispatcher = try current(slot)
        let index = dispatcher.route(among: holders)
        if !dispatcher.newlyDown.isEmpty || dispatcher.promotionChange != nil {
            let down = dispatcher.newlyDown
            let promotion = dispatcher.promotionChange
            try store.write { transaction throws(LunaError) in
                for serial in down { try HARuntime.markDown(serial, slot: slot.lunacmSlot, transaction) }
                if let promotion {
                    try HARuntime.setPromoted(promotion.serials, promoted: promotion.promoted, slot: slot.lunacmSlot, transaction)
                }
            }
            dispatcher.clearPending()
        }
        groups[slot.lunacmSlot] = dispatcher
        guard let index else { throw P11Error(CK_RV(try waitingForLogin(slot) ? CKR_USER_NOT_LOGGED_IN : CKR_DEVICE_REMOVED)) }
        return dispatcher.targets[index].serial
    }

    func readableMember(for slot: SlotTable.Entry) throws -> String {
        guard let serial = try current(slot).availableMembers.first else { throw P11Error(CK_RV(CKR_DEVICE_REMOVED)) }
        return serial
    }

    /// No member can take work, but some are back and wait for a login (recovered under
    /// activeBasic): the application must log in again, not give the slot up.
    private func waitingForLogin(_ slot: SlotTable.Entry) throws -> Bool {
        guard case .virtual(_, let candidates) = slot.kind else { return false }
        let states = try store.read { transaction throws(LunaError) in try transaction.memberStates() }
        return candidates.contains { states[$0].map { $0.awaitingLogin && !$0.down } ?? false }
    }

    /// The group's dispatcher; a fresh one first runs the recovery attempts that are due, as
    /// `runOperations` does between operations (members are found down by the operations).
    private func current(_ slot: SlotTable.Entry) throws -> HADispatcher {
        if let dispatcher = groups[slot.lunacmSlot] { return dispatcher }
        let dispatcher = try store.writeIfNeeded { transaction throws(LunaError) in
            try HARuntime.touch(slot: slot.lunacmSlot, findingDown: false, transaction)
            return try HARuntime.memberDispatcher(slot: slot.lunacmSlot, transaction)
        }
        groups[slot.lunacmSlot] = dispatcher
        return dispatcher
    }
}
