import CPKCS11
import LunaSim

/// One new object: its complete attributes (CKA_VALUE holds the key material).
struct NewObject {
    var attributes: AttributeSet
}

extension Runtime {
    /// Stores new objects (a key, or a pair) on the session's slot: token objects through the
    /// store, replicated to an HA group's members; session objects in memory. Returns their
    /// handles. Caller holds `gate`.
    func save(_ objects: [NewObject], session: Session) throws -> [CK_OBJECT_HANDLE] {
        let slot = try self.slot(of: session)
        let token = objects.contains { $0.attributes.bool(CKA_TOKEN) == true }
        if token || objects.contains(where: { $0.attributes.bool(CKA_PRIVATE) == true }) {
            guard isLoggedIn(session.slot) else { throw P11Error.notLoggedIn }
        }
        guard token else {
            return objects.map { object in
                let handle = nextSessionObject
                nextSessionObject += 1
                sessionObjects[handle] = SessionObject(slot: session.slot, owner: session.handle, attributes: object.attributes)
                return handle
            }
        }
        guard session.readWrite else { throw P11Error.readOnly }
        let rows = try objects.map { object in
            (object: try ObjectAttributes.storedObject(object.attributes, material: object.attributes[CKA_VALUE]),
             attributes: ObjectAttributes.storable(object.attributes))
        }
        let placements = try write { transaction throws(LunaError) in
            // On an HA slot the members this client cannot reach are found down first, so the
            // objects land on the alive members only and the group then needs a sync.
            if slot.isVirtual { try HARuntime.touch(slot: slot.lunacmSlot, transaction) }
            return try TokenObjectService.create(rows, slot: slot.lunacmSlot, transaction)
        }
        switch slot.kind {
        case .physical:
            return placements.map { CK_OBJECT_HANDLE($0[0].handle) }
        case .virtual(let group, _):
            let handles = virtualHandles[group.label] ?? VirtualHandles()
            virtualHandles[group.label] = handles
            return rows.map { handles.handle(for: Runtime.twinKey($0.object)) }
        }
    }

    /// Completes a template with the defaults of PKCS#11 v2.40 and of a Luna partition:
    /// objects are session objects unless CKA_TOKEN says otherwise; keys are sensitive; secret
    /// keys may be wrapped (extractable), private keys may not.
    static func completed(_ template: AttributeSet, objectClass: CK_OBJECT_CLASS, keyType: CK_KEY_TYPE?,
                          generated: Bool) -> AttributeSet {
        var set = AttributeSet()
        set.set(CKA_CLASS, ulong: objectClass)
        set.set(CKA_TOKEN, bool: false)
        set.set(CKA_PRIVATE, bool: objectClass == CKO_PRIVATE_KEY || objectClass == CKO_SECRET_KEY)
        set.set(CKA_MODIFIABLE, bool: true)
        set[CKA_LABEL] = []
        if objectClass == CKO_DATA {
            set[CKA_APPLICATION] = []
            set[CKA_OBJECT_ID] = []
        }
        if let keyType {
            set.set(CKA_KEY_TYPE, ulong: keyType)
            set[CKA_ID] = []
            set[CKA_START_DATE] = []
            set[CKA_END_DATE] = []
            set.set(CKA_DERIVE, bool: false)
            set.set(CKA_LOCAL, bool: generated)
            switch objectClass {
            case CKO_SECRET_KEY:
                ObjectAttributes.secretKeyFlags(&set)
                set.set(CKA_EXTRACTABLE, bool: true)
            case CKO_PRIVATE_KEY:
                ObjectAttributes.privateKeyFlags(&set)
            case CKO_PUBLIC_KEY:
                ObjectAttributes.publicKeyFlags(&set)
            default:
                break
            }
        }
        set.merge(template)
        if objectClass == CKO_SECRET_KEY || objectClass == CKO_PRIVATE_KEY {
            set.set(CKA_ALWAYS_SENSITIVE, bool: generated && set.bool(CKA_SENSITIVE) == true)
            set.set(CKA_NEVER_EXTRACTABLE, bool: generated && set.bool(CKA_EXTRACTABLE) != true)
        }
        return set
    }
}
