import CPKCS11
import Crypto
import LunaSim

/// One object row as the library reads it.
struct StoredEntry {
    var handle: Int
    var object: StoredObject
    var attributes: AttributeSet
    /// What makes copies of one object on several members the same object (see `twinKey`).
    var twin: String
}

/// An object found by handle on a slot: its attributes and every stored copy.
struct ResolvedObject {
    var handle: CK_OBJECT_HANDLE
    var attributes: AttributeSet
    var placements: [TokenObjectService.Placement]
    var isSessionObject: Bool
}

/// Handles of one virtual slot: each replicated object gets one, kept while the process lives.
final class VirtualHandles {
    var byTwin: [String: CK_OBJECT_HANDLE] = [:]
    var byHandle: [CK_OBJECT_HANDLE: String] = [:]
    var next: CK_OBJECT_HANDLE = 1

    func handle(for twin: String) -> CK_OBJECT_HANDLE {
        if let handle = byTwin[twin] { return handle }
        let handle = next
        next += 1
        byTwin[twin] = handle
        byHandle[handle] = twin
        return handle
    }
}

extension Runtime {
    /// Copies of one object on several members share class, type, size and key material (they
    /// are clones); data objects add their label, as two may hold the same value.
    static func twinKey(_ object: StoredObject) -> String {
        let base = "\(object.objectClass.rawValue)/\(object.keyType)/\(object.size)"
        guard let material = object.material, !material.isEmpty else { return base + "/label:" + object.label }
        let digest = SHA256.hash(data: material).map { String($0, radix: 16) }.joined()
        return object.objectClass == .data ? base + "/\(digest)/" + object.label : base + "/" + digest
    }

    /// A partition's objects; caller holds `gate`.
    func entries(on serial: String) throws -> [StoredEntry] {
        if let cached = cachedObjects[serial] { return cached }
        let rows = try store.read { transaction throws(LunaError) in try transaction.objectsWithAttributes(on: serial) }
        let entries = rows.map { row in
            StoredEntry(handle: row.object.handle, object: row.object,
                        attributes: ObjectAttributes.attributes(of: row.object, stored: row.attributes),
                        twin: Runtime.twinKey(row.object))
        }
        cachedObjects[serial] = entries
        return entries
    }

    /// The partition that serves the slot now: its own, or the member the dispatcher picks.
    func servingPartition(_ slot: SlotTable.Entry) throws -> String {
        switch slot.kind {
        case .physical(let partition, _):
            return partition.serial
        case .virtual:
            return try dispatcher.readableMember(for: slot)
        }
    }

    /// Routes one operation with `handle` on an HA virtual slot through the HA run time (a
    /// physical slot has nothing to choose): the member is chosen when the operation starts
    /// (C_SignInit, C_EncryptInit, ...), and an unreachable member is failed over there,
    /// unseen by the caller. A session object lives in the library, so any member may serve it.
    /// When the only members left were recovered under activeBasic, the slot's login ends
    /// (CKR_USER_NOT_LOGGED_IN) and the next C_Login brings them work.
    /// Caller holds `gate`.
    func routeOperation(_ handle: CK_OBJECT_HANDLE, on slot: SlotTable.Entry) throws {
        guard case .virtual(let group, let candidates) = slot.kind else { return }
        let cacheKey = KeyCacheKey(slot: slot.id, handle: handle, usage: 0)
        var holders = cachedHolders[cacheKey] ?? Set(candidates)
        if cachedHolders[cacheKey] == nil, handle < Runtime.firstSessionObject {
            // From the stored copies, not through `resolve`, which reads from a member that can
            // take work: with every member down the operation must still find them down.
            guard let twin = virtualHandles[group.label]?.byHandle[handle] else { throw P11Error.keyInvalid }
            holders = holders.filter { serial in (try? entries(on: serial).contains { $0.twin == twin }) ?? false }
            cachedHolders[cacheKey] = holders
        }
        do {
            _ = try dispatcher.member(for: slot, holders: holders)
        } catch let error as P11Error where error.rv == CKR_USER_NOT_LOGGED_IN {
            // The members recovered under activeBasic take work after a new C_Login, which the
            // application can only make once its old login is gone.
            logins[slot.id] = nil
            cachedKeys.removeAll()
            throw error
        }
    }

    /// Token objects then session objects of a slot, with their handles; private objects only
    /// after a login. Caller holds `gate`.
    func visibleObjects(_ slot: SlotTable.Entry) throws -> [(CK_OBJECT_HANDLE, AttributeSet)] {
        let loggedIn = isLoggedIn(slot.id)
        var result: [(CK_OBJECT_HANDLE, AttributeSet)] = []
        let serial = try servingPartition(slot)
        for entry in try entries(on: serial) where loggedIn || entry.attributes.bool(CKA_PRIVATE) != true {
            result.append((try tokenHandle(entry, slot), entry.attributes))
        }
        for (handle, object) in sessionObjects.sorted(by: { $0.key < $1.key }) where object.slot == slot.id {
            if loggedIn || object.attributes.bool(CKA_PRIVATE) != true { result.append((handle, object.attributes)) }
        }
        return result
    }

    private func tokenHandle(_ entry: StoredEntry, _ slot: SlotTable.Entry) throws -> CK_OBJECT_HANDLE {
        guard case .virtual(let group, _) = slot.kind else { return CK_OBJECT_HANDLE(entry.handle) }
        let handles = virtualHandles[group.label] ?? VirtualHandles()
        virtualHandles[group.label] = handles
        return handles.handle(for: entry.twin)
    }

    /// The object behind `handle` on the slot. Caller holds `gate`.
    func resolve(_ handle: CK_OBJECT_HANDLE, on slot: SlotTable.Entry) throws -> ResolvedObject {
        if handle >= Runtime.firstSessionObject {
            guard let object = sessionObjects[handle], object.slot == slot.id else { throw P11Error.objectInvalid }
            try checkVisible(object.attributes, slot)
            return ResolvedObject(handle: handle, attributes: object.attributes, placements: [], isSessionObject: true)
        }
        switch slot.kind {
        case .physical(let partition, _):
            guard let entry = try entries(on: partition.serial).first(where: { CK_OBJECT_HANDLE($0.handle) == handle }) else {
                throw P11Error.objectInvalid
            }
            try checkVisible(entry.attributes, slot)
            return ResolvedObject(handle: handle, attributes: entry.attributes,
                                  placements: [.init(serial: partition.serial, handle: entry.handle)], isSessionObject: false)
        case .virtual(let group, let candidates):
            guard let twin = virtualHandles[group.label]?.byHandle[handle] else { throw P11Error.objectInvalid }
            let serving = try servingPartition(slot)
            var placements: [TokenObjectService.Placement] = []
            var attributes: AttributeSet?
            for serial in candidates {
                guard let entry = try entries(on: serial).first(where: { $0.twin == twin }) else { continue }
                placements.append(.init(serial: serial, handle: entry.handle))
                if serial == serving || attributes == nil { attributes = entry.attributes }
            }
            guard let attributes else { throw P11Error.objectInvalid }
            try checkVisible(attributes, slot)
            return ResolvedObject(handle: handle, attributes: attributes, placements: placements, isSessionObject: false)
        }
    }

    private func checkVisible(_ attributes: AttributeSet, _ slot: SlotTable.Entry) throws {
        if attributes.bool(CKA_PRIVATE) == true && !isLoggedIn(slot.id) { throw P11Error.objectInvalid }
    }

    /// A key ready for `usage` (CKA_SIGN, CKA_ENCRYPT, ...), parsed once per state version.
    /// Caller holds `gate`.
    func preparedKey(_ handle: CK_OBJECT_HANDLE, on slot: SlotTable.Entry, usage: CK_ATTRIBUTE_TYPE) throws -> PreparedKey {
        let cacheKey = KeyCacheKey(slot: slot.id, handle: handle, usage: usage)
        if let key = cachedKeys[cacheKey] {
            // A session object's key goes when its object does; a token key when the state moves.
            if handle < Runtime.firstSessionObject || sessionObjects[handle] != nil { return key }
        }
        let object: ResolvedObject
        do {
            object = try resolve(handle, on: slot)
        } catch let error as P11Error where error.rv == CKR_OBJECT_HANDLE_INVALID {
            throw P11Error.keyInvalid
        }
        let key = try PreparedKey(object.attributes, usage: usage)
        cachedKeys[cacheKey] = key
        return key
    }
}
