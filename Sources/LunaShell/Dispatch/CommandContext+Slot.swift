import LunaSim

extension CommandContext {
    /// The physical partition of the current slot. Admin and crypto commands refuse the HA virtual
    /// slot, as LunaCM does (reference 2.14).
    public func currentPartition() throws(LunaError) -> Partition {
        guard let slot = session.currentSlot else { throw LunaError(.slotIDInvalid, "No slot is selected.") }
        return try store.read { transaction throws(LunaError) -> Partition in
            if let partition = transaction.fleet.partition(slot: slot) { return partition }
            if try SlotService.virtualSlots(transaction).contains(where: { $0.slot == slot }) {
                throw LunaError(.functionNotSupported, "Slot \(slot) is an HA virtual slot; run this command on a member's physical slot.")
            }
            throw LunaError.slotInvalid(slot)
        }
    }

    /// The current slot's partition, provided the Crypto Officer is logged in to it in this session.
    public func partitionWithCryptoOfficer() throws(LunaError) -> Partition {
        let partition = try currentPartition()
        guard session.logins[partition.serial] == "co" else {
            throw LunaError(.userNotLoggedIn, "The Crypto Officer must be logged in to slot \(partition.slot) ('role login -name co').")
        }
        return partition
    }
}
