import LunaSim

extension CommandContext {
    /// The current slot's number, or CKR_SLOT_ID_INVALID when none is selected.
    public func currentSlotNumber() throws(LunaError) -> Int {
        guard let slot = session.currentSlot else { throw LunaError(.slotIDInvalid, "No slot is selected.") }
        return slot
    }

    /// The physical partition of the current slot. Admin and crypto commands refuse the HA virtual
    /// slot, as LunaCM does (docs/lunacm-behaviour.md §2.14).
    public func currentPartition() throws(LunaError) -> Partition {
        let slot = try currentSlotNumber()
        return try read { transaction throws(LunaError) -> Partition in
            if let partition = transaction.fleet.partition(slot: slot) { return partition }
            if try SlotService.virtualSlots(transaction).contains(where: { $0.slot == slot }) {
                throw LunaError(.functionNotSupported, "Slot \(slot) is an HA virtual slot; run this command on a member's physical slot.")
            }
            throw LunaError.slotInvalid(slot)
        }
    }

    /// The key the session keeps the current slot's login under: the partition's serial, or the
    /// HA group number for a virtual slot.
    public func currentLoginKey() throws(LunaError) -> String {
        let slot = try currentSlotNumber()
        return try read { transaction throws(LunaError) -> String in
            if let partition = transaction.fleet.partition(slot: slot) { return partition.serial }
            guard let virtual = try SlotService.virtualSlots(transaction).first(where: { $0.slot == slot }) else {
                throw LunaError.slotInvalid(slot)
            }
            return virtual.serial
        }
    }

    /// The role this session has logged in under `key` (a partition serial or a group number).
    public func loggedIn(_ key: String) -> Role? { session.logins[key].flatMap(Role.init(named:)) }

    /// Refuses unless one of `roles` is logged in to the partition (CKR_USER_NOT_LOGGED_IN).
    @discardableResult
    public func require(_ roles: [Role], on partition: Partition, to action: String) throws(LunaError) -> Role {
        guard let role = loggedIn(partition.serial), roles.contains(role) else {
            let names = roles.map { "the \($0.displayName) ('role login -name \($0.rawValue)')" }.joined(separator: " or ")
            throw LunaError(.userNotLoggedIn, "To \(action), \(names) must be logged in to slot \(partition.slot).")
        }
        return role
    }

    /// The current slot's partition, provided the Crypto Officer is logged in to it in this
    /// session and its credential is not expired (HSM policy 21).
    public func partitionWithCryptoOfficer() throws(LunaError) -> Partition {
        let partition = try currentPartition()
        guard loggedIn(partition.serial) == .co else {
            throw LunaError(.userNotLoggedIn, "The Crypto Officer must be logged in to slot \(partition.slot) ('role login -name co').")
        }
        try read { transaction throws(LunaError) in try RoleService.checkNotExpired(.co, on: partition.serial, transaction) }
        return partition
    }

    /// Ends this session's logins on every partition of HSM `serial` (an HSM initialized or
    /// zeroized under them closes them, as the Thales page "hsm init" says).
    public func endLogins(onHSM serial: String) throws(LunaError) {
        let serials = try read { transaction throws(LunaError) in
            transaction.fleet.partitions.filter { $0.hsmSerial == serial }.map(\.serial)
        }
        for partition in serials { session.logins[partition] = nil }
    }
}
