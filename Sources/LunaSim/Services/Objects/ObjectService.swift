import ChrystokiConf

/// Simulator-only object commands (LunaCM makes no keys): create, list and destroy objects on a
/// slot so that users can rehearse `copy`, `partition clone` and `Needs sync`. On an HA virtual
/// slot an object lands on the primary (first reachable member) and, when the group's
/// `HASynchronize` entry is on, is cloned to every other reachable member, as the Luna HA library
/// does (docs/lunacm-behaviour.md §4.3); with synchronization off, only the primary has it and the group then
/// needs a sync.
public enum ObjectService {
    /// Where a slot's objects live.
    public struct Target: Sendable, Equatable {
        /// The partition whose objects the slot shows (the primary, for a virtual slot).
        public var primary: String
        /// Other members that receive new objects (empty for a physical slot or sync off).
        public var replicas: [String]
        /// The HA group label, for a virtual slot.
        public var group: String?
        /// The group replicates new objects (`HASynchronize`); true for a physical slot.
        public var synchronization: Bool = true
        /// Members this client sees down or cannot reach: new objects miss them (Needs sync).
        public var unavailable: [String] = []
        /// The first member of the group is among them: `primary` is another member.
        public var primaryIsDown: Bool = false
    }

    /// The partitions behind slot `number`.
    public static func target(slot number: Int, _ transaction: StateTransaction) throws(LunaError) -> Target {
        if let partition = transaction.fleet.partition(slot: number) {
            return Target(primary: partition.serial, replicas: [], group: nil)
        }
        guard let virtual = try SlotService.virtualSlots(transaction).first(where: { $0.slot == number }) else {
            throw LunaError.slotInvalid(number)
        }
        let alive = try aliveMembers(virtual, transaction)
        guard let primary = alive.first else {
            throw LunaError(.deviceRemoved, "No member of HA group \(virtual.label) is reachable.")
        }
        let synchronize = HAConfig(try transaction.conf()).group(virtual.label)?.synchronize ?? true
        return Target(primary: primary, replicas: synchronize ? Array(alive.dropFirst()) : [], group: virtual.label,
                      synchronization: synchronize, unavailable: virtual.members.filter { !alive.contains($0) },
                      primaryIsDown: primary != virtual.members.first)
    }

    /// The members work can reach: in the fleet, not seen down by this client, reachable now.
    static func aliveMembers(_ virtual: VirtualSlot, _ transaction: StateTransaction) throws(LunaError) -> [String] {
        let down = try transaction.downMembers()
        let faults = try transaction.faults()
        return virtual.members.filter {
            !down.contains($0) && HARuntime.unreachableReason($0, faults: faults, transaction.fleet) == nil
        }
    }

    /// The serials a login on the slot must be accepted by: the partition, or every reachable
    /// member of the group.
    public static func loginSerials(slot number: Int, _ transaction: StateTransaction) throws(LunaError) -> [String] {
        if let partition = transaction.fleet.partition(slot: number) { return [partition.serial] }
        guard let virtual = try SlotService.virtualSlots(transaction).first(where: { $0.slot == number }) else {
            throw LunaError.slotInvalid(number)
        }
        let alive = try aliveMembers(virtual, transaction)
        guard !alive.isEmpty else { throw LunaError(.deviceRemoved, "No member of HA group \(virtual.label) is reachable.") }
        return alive
    }

    /// What `create` did.
    public struct Created: Sendable, Equatable {
        /// The new objects as the slot shows them (the primary's handles).
        public var objects: [StoredObject]
        public var target: Target
    }

    /// Creates a key (AES) or key pair (RSA, EC) on the slot.
    public static func create(_ kind: KeyMaterial.Kind, label: String, slot: Int,
                              _ transaction: StateTransaction) throws(LunaError) -> Created {
        guard (1...64).contains(label.count), !label.contains(where: { $0.isNewline }) else {
            throw LunaError.badArguments("An object label is 1 to 64 characters on one line.")
        }
        try HARuntime.touch(slot: slot, transaction)
        let target = try target(slot: slot, transaction)
        let made = try KeyMaterial.make(kind, label: label, random: &transaction.random)
        var shown: [StoredObject] = []
        for (index, serial) in ([target.primary] + target.replicas).enumerated() {
            let stored = try transaction.appendObjects(made, on: serial)
            if index == 0 { shown = stored }
        }
        return Created(objects: shown, target: target)
    }

    /// The slot's objects (the primary's, for a virtual slot).
    public static func list(slot: Int, _ transaction: StateTransaction) throws(LunaError) -> [StoredObject] {
        try transaction.objects(on: try target(slot: slot, transaction).primary)
    }

    /// Destroys object `handle` of the slot; on a synchronized virtual slot the same object
    /// (same class, type, size and label) goes from every member. Returns the destroyed object.
    public static func destroy(handle: Int, slot: Int, _ transaction: StateTransaction) throws(LunaError) -> StoredObject {
        try HARuntime.touch(slot: slot, transaction)
        let target = try target(slot: slot, transaction)
        guard let object = try transaction.objects(on: target.primary).first(where: { $0.handle == handle }) else {
            throw LunaError(.objectHandleInvalid, "There is no object with handle \(handle) on slot \(slot).")
        }
        _ = try transaction.removeObject(handle: handle, on: target.primary)
        for serial in target.replicas {
            if let twin = try transaction.objects(on: serial).first(where: { $0.identity == object.identity }) {
                _ = try transaction.removeObject(handle: twin.handle, on: serial)
            }
        }
        return object
    }
}
