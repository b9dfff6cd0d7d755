/// Objects that applications create through the PKCS#11 library. On a physical slot an object
/// lands on its partition; on an HA virtual slot it lands on the primary and every synchronized
/// member, exactly as `simulator createObject` places them (ObjectService.target), so lunacm's
/// `partition contents` and `hagroup listgroups` see what an application made, and the reverse.
public enum TokenObjectService {
    /// One stored copy of an object: which partition holds it under which handle.
    public struct Placement: Sendable, Equatable, Hashable {
        public var serial: String
        public var handle: Int

        public init(serial: String, handle: Int) {
            self.serial = serial
            self.handle = handle
        }
    }

    /// Stores `objects` (a key, or a private and public key pair) with their attribute blobs on
    /// slot `slot`; returns, per object, its copies in member order (the primary's first).
    public static func create(_ objects: [(object: StoredObject, attributes: [UInt8])], slot: Int,
                              _ transaction: StateTransaction) throws(LunaError) -> [[Placement]] {
        guard !objects.isEmpty else { return [] }
        let target = try ObjectService.target(slot: slot, transaction)
        var placements = Array(repeating: [Placement](), count: objects.count)
        for serial in [target.primary] + target.replicas {
            let stored = try transaction.appendObjects(objects.map(\.object), on: serial)
            for (index, object) in stored.enumerated() {
                try transaction.setAttributes(objects[index].attributes, handle: object.handle, on: serial)
                placements[index].append(Placement(serial: serial, handle: object.handle))
            }
        }
        return placements
    }

    /// Replaces the attributes of every copy of one object (C_SetAttributeValue); the label is
    /// also the object row's, so lunacm lists the new one.
    public static func update(_ placements: [Placement], label: String, attributes: [UInt8],
                              _ transaction: StateTransaction) throws(LunaError) {
        for placement in placements {
            guard try transaction.relabelObject(handle: placement.handle, on: placement.serial, to: label) else {
                throw LunaError(.objectHandleInvalid, "Object \(placement.handle) is no longer on partition \(placement.serial).")
            }
            try transaction.setAttributes(attributes, handle: placement.handle, on: placement.serial)
        }
    }

    /// Deletes every copy of one object; refuses before deleting any when one is missing.
    public static func destroy(_ placements: [Placement], _ transaction: StateTransaction) throws(LunaError) {
        for placement in placements {
            guard try transaction.objects(on: placement.serial).contains(where: { $0.handle == placement.handle }) else {
                throw LunaError(.objectHandleInvalid, "Object \(placement.handle) is no longer on partition \(placement.serial).")
            }
        }
        for placement in placements { _ = try transaction.removeObject(handle: placement.handle, on: placement.serial) }
    }
}
