import ChrystokiConf
import CPKCS11
import LunaSim

/// The library's slots: `HARuntime.applicationSlots`, the one definition of what an application
/// sees through the Luna library (the alive members' physical slots, then the HA virtual slots;
/// with HA Only only the virtual slots), each resolved to what the library works with, under
/// the ID this initialized library gave it (`SlotIDs`).
struct SlotTable {
    enum Kind {
        case physical(Partition, HSM)
        /// An HA group and its members the fleet holds, in Chrystoki.conf order.
        case virtual(VirtualSlot, candidates: [String])
    }

    struct Entry {
        var id: CK_SLOT_ID
        /// The slot number lunacm services take (`slot list` numbering).
        var lunacmSlot: Int
        var kind: Kind

        var isVirtual: Bool {
            if case .virtual = kind { return true }
            return false
        }
    }

    var entries: [Entry]

    init(_ transaction: StateTransaction, ids: SlotIDs) throws(LunaError) {
        let virtuals = try SlotService.virtualSlots(transaction)
        var entries: [Entry] = []
        for slot in try HARuntime.applicationSlots(transaction) {
            switch slot.kind {
            case .physical:
                guard let partition = transaction.fleet.partition(serial: slot.serial),
                      let hsm = transaction.fleet.hsm(of: partition) else { continue }
                entries.append(Entry(id: ids.id(physical: slot.serial), lunacmSlot: partition.slot,
                                     kind: .physical(partition, hsm)))
            case .haVirtual:
                guard let virtual = virtuals.first(where: { $0.label == slot.label }) else { continue }
                let candidates = virtual.members.filter { transaction.fleet.partition(serial: $0) != nil }
                entries.append(Entry(id: ids.id(virtual: virtual.serial), lunacmSlot: virtual.slot,
                                     kind: .virtual(virtual, candidates: candidates)))
            }
        }
        self.entries = entries
    }

    func entry(_ id: CK_SLOT_ID) throws -> Entry {
        guard let entry = entries.first(where: { $0.id == id }) else { throw P11Error.slotInvalid }
        return entry
    }
}

/// Slot IDs stay put while the library is initialized, as an application holding a slot ID
/// expects: the first list gets `applicationSlots`' numbers (so a fresh `pkcs11-tool
/// --list-slots` and `lunacm -c simulator applicationSlots` agree), a slot that appears later
/// (a new group, a member back) gets the next unused ID, and a slot that leaves the list (its
/// member down, without HA Only) takes its ID with it until it returns. A new C_Initialize
/// numbers afresh, as the Luna library does (README, "PKCS#11 library").
final class SlotIDs {
    private var assigned: [String: CK_SLOT_ID] = [:]

    func id(physical serial: String) -> CK_SLOT_ID { id(for: "partition " + serial) }
    func id(virtual serial: String) -> CK_SLOT_ID { id(for: "group " + serial) }

    private func id(for key: String) -> CK_SLOT_ID {
        if let id = assigned[key] { return id }
        let id = CK_SLOT_ID(assigned.count)
        assigned[key] = id
        return id
    }
}
