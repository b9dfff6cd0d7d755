import ChrystokiConf
import CPKCS11
import LunaSim

/// The slots an application sees: every physical partition at its lunacm slot number, then one
/// virtual slot per HA group in Chrystoki.conf at its lunacm number; with HA Only
/// (`HAConfiguration { HAOnly = 1; }`) only the virtual slots, numbered from 0, as the Luna
/// client library presents them (Thales, "HA Only Mode" in the HA guide).
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

    init(_ transaction: StateTransaction) throws(LunaError) {
        let haOnly = HAConfig(try transaction.conf()).haOnly
        var entries: [Entry] = []
        var nextVirtual = 0
        for view in try SlotService.list(transaction) {
            switch view {
            case .partition(let partition, let hsm):
                if !haOnly { entries.append(Entry(id: CK_SLOT_ID(partition.slot), lunacmSlot: partition.slot, kind: .physical(partition, hsm))) }
            case .virtual(let virtual):
                let id = haOnly ? nextVirtual : virtual.slot
                nextVirtual += 1
                let candidates = virtual.members.filter { transaction.fleet.partition(serial: $0) != nil }
                entries.append(Entry(id: CK_SLOT_ID(id), lunacmSlot: virtual.slot, kind: .virtual(virtual, candidates: candidates)))
            }
        }
        self.entries = entries
    }

    func entry(_ id: CK_SLOT_ID) throws -> Entry {
        guard let entry = entries.first(where: { $0.id == id }) else { throw P11Error.slotInvalid }
        return entry
    }
}
