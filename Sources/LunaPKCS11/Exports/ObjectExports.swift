import CPKCS11
import Crypto
import _CryptoExtras
import LunaSim

// PKCS#11 v2.40 section 5.7: object management.

/// Attributes that hold secret key material: never returned for a sensitive or
/// non-extractable key (CKR_ATTRIBUTE_SENSITIVE).
private let secretAttributes: Set<CK_ATTRIBUTE_TYPE> = [
    CKA_VALUE, CKA_PRIVATE_EXPONENT, CKA_PRIME_1, CKA_PRIME_2, CKA_EXPONENT_1, CKA_EXPONENT_2, CKA_COEFFICIENT,
]

@_cdecl("C_CreateObject")
func p11CreateObject(_ handle: CK_SESSION_HANDLE, _ template: UnsafeMutablePointer<CK_ATTRIBUTE>?, _ count: CK_ULONG,
                     _ object: UnsafeMutablePointer<CK_OBJECT_HANDLE>?) -> CK_RV {
    withRuntime { runtime in
        guard let object else { throw P11Error.argumentsBad }
        let given = try AttributeSet(template: template, count: count)
        guard let objectClass = given.objectClass else { throw P11Error.templateIncomplete }
        var set = Runtime.completed(given, objectClass: objectClass, keyType: given.keyType, generated: false)
        switch (objectClass, given.keyType) {
        case (CKO_DATA, nil):
            if set[CKA_VALUE] == nil { set[CKA_VALUE] = [] }
        case (CKO_SECRET_KEY, CKK_AES?):
            guard let value = set[CKA_VALUE], [16, 24, 32].contains(value.count) else { throw P11Error.templateInconsistent }
            set.set(CKA_VALUE_LEN, ulong: CK_ULONG(value.count))
        case (CKO_PUBLIC_KEY, CKK_EC?):
            guard let parameters = set[CKA_EC_PARAMS], let curve = ECCurves.curve(parameters),
                  let point = set[CKA_EC_POINT].map(DER.unwrapOctetString), point.count == (curve == .p256 ? 65 : 97) else {
                throw P11Error.templateInconsistent
            }
            set[CKA_VALUE] = point
        case (CKO_PRIVATE_KEY, CKK_EC?):
            guard let parameters = set[CKA_EC_PARAMS], let curve = ECCurves.curve(parameters),
                  let value = set[CKA_VALUE], value.count == curve.bits / 8 else { throw P11Error.templateInconsistent }
        case (CKO_PUBLIC_KEY, CKK_RSA?):
            guard let modulus = set[CKA_MODULUS], let exponent = set[CKA_PUBLIC_EXPONENT],
                  let key = try? _RSA.Signing.PublicKey(n: modulus, e: exponent) else { throw P11Error.templateInconsistent }
            set[CKA_VALUE] = Array(key.derRepresentation)
            set.set(CKA_MODULUS_BITS, ulong: CK_ULONG(key.keySizeInBits))
        default:
            throw P11Error.templateInconsistent
        }
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            object.pointee = try runtime.save([NewObject(attributes: set)], session: session)[0]
        }
    }
}

@_cdecl("C_DestroyObject")
func p11DestroyObject(_ handle: CK_SESSION_HANDLE, _ objectHandle: CK_OBJECT_HANDLE) -> CK_RV {
    withRuntime { runtime in
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            let slot = try runtime.slot(of: session)
            let object = try runtime.resolve(objectHandle, on: slot)
            if object.isSessionObject {
                runtime.sessionObjects[objectHandle] = nil
                return
            }
            guard session.readWrite else { throw P11Error.readOnly }
            try runtime.write { transaction throws(LunaError) in try TokenObjectService.destroy(object.placements, transaction) }
        }
    }
}

@_cdecl("C_GetAttributeValue")
func p11GetAttributeValue(_ handle: CK_SESSION_HANDLE, _ objectHandle: CK_OBJECT_HANDLE,
                          _ template: UnsafeMutablePointer<CK_ATTRIBUTE>?, _ count: CK_ULONG) -> CK_RV {
    withRuntime { runtime in
        if count == 0 { return }
        guard let template, count <= 4096 else { throw P11Error.argumentsBad }
        let attributes = try runtime.gate.locked {
            let session = try runtime.session(handle)
            return try runtime.resolve(objectHandle, on: try runtime.slot(of: session)).attributes
        }
        let protected = attributes.bool(CKA_SENSITIVE) == true || attributes.bool(CKA_EXTRACTABLE) == false
        let isKeyMaterial = attributes.objectClass == CKO_SECRET_KEY || attributes.objectClass == CKO_PRIVATE_KEY
        var failure: CK_RV = CK_RV(CKR_OK)
        for index in 0..<Int(count) {
            let type = template[index].type
            if isKeyMaterial && secretAttributes.contains(type) && (protected || attributes.keyType == CKK_RSA) {
                template[index].ulValueLen = unavailableInformation
                failure = CK_RV(CKR_ATTRIBUTE_SENSITIVE)
                continue
            }
            guard let value = attributes[type] else {
                template[index].ulValueLen = unavailableInformation
                failure = CK_RV(CKR_ATTRIBUTE_TYPE_INVALID)
                continue
            }
            guard let destination = template[index].pValue else {
                template[index].ulValueLen = CK_ULONG(value.count)
                continue
            }
            guard template[index].ulValueLen >= CK_ULONG(value.count) else {
                template[index].ulValueLen = unavailableInformation
                failure = CK_RV(CKR_BUFFER_TOO_SMALL)
                continue
            }
            value.withUnsafeBytes { source in
                if let base = source.baseAddress { destination.copyMemory(from: base, byteCount: value.count) }
            }
            template[index].ulValueLen = CK_ULONG(value.count)
        }
        if failure != CKR_OK { throw P11Error(failure) }
    }
}

@_cdecl("C_SetAttributeValue")
func p11SetAttributeValue(_ handle: CK_SESSION_HANDLE, _ objectHandle: CK_OBJECT_HANDLE,
                          _ template: UnsafeMutablePointer<CK_ATTRIBUTE>?, _ count: CK_ULONG) -> CK_RV {
    withRuntime { runtime in
        let changes = try AttributeSet(template: template, count: count)
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            let object = try runtime.resolve(objectHandle, on: try runtime.slot(of: session))
            guard object.attributes.bool(CKA_MODIFIABLE) != false else { throw P11Error.attributeReadOnly }
            var updated = object.attributes
            for (type, value) in changes.values {
                switch type {
                case CKA_LABEL, CKA_ID, CKA_SUBJECT, CKA_START_DATE, CKA_END_DATE, CKA_APPLICATION:
                    break
                case CKA_ENCRYPT, CKA_DECRYPT, CKA_SIGN, CKA_VERIFY, CKA_WRAP, CKA_UNWRAP, CKA_DERIVE:
                    guard value.count == 1 else { throw P11Error.attributeValueInvalid }
                case CKA_SENSITIVE:
                    // Once sensitive, always (PKCS#11 v2.40 section 4.9).
                    guard value.count == 1, value[0] != 0 || updated.bool(CKA_SENSITIVE) != true else { throw P11Error.attributeReadOnly }
                case CKA_EXTRACTABLE:
                    guard value.count == 1, value[0] == 0 || updated.bool(CKA_EXTRACTABLE) != false else { throw P11Error.attributeReadOnly }
                default:
                    throw P11Error.attributeReadOnly
                }
                updated[type] = value
            }
            if object.isSessionObject {
                runtime.sessionObjects[objectHandle]?.attributes = updated
                return
            }
            guard session.readWrite else { throw P11Error.readOnly }
            try runtime.write { transaction throws(LunaError) in
                try TokenObjectService.update(object.placements, label: updated.label,
                                              attributes: ObjectAttributes.storable(updated), transaction)
            }
        }
    }
}

@_cdecl("C_FindObjectsInit")
func p11FindObjectsInit(_ handle: CK_SESSION_HANDLE, _ template: UnsafeMutablePointer<CK_ATTRIBUTE>?, _ count: CK_ULONG) -> CK_RV {
    withRuntime { runtime in
        let wanted = try AttributeSet(template: template, count: count)
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            guard session.find == nil else { throw P11Error.operationActive }
            let slot = try runtime.slot(of: session)
            session.find = try runtime.visibleObjects(slot).filter { _, attributes in
                wanted.values.allSatisfy { type, value in attributes[type] == value }
            }.map(\.0)
        }
    }
}

@_cdecl("C_FindObjects")
func p11FindObjects(_ handle: CK_SESSION_HANDLE, _ objects: UnsafeMutablePointer<CK_OBJECT_HANDLE>?,
                    _ maximum: CK_ULONG, _ count: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    withRuntime { runtime in
        guard let count, maximum == 0 || objects != nil else { throw P11Error.argumentsBad }
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            guard let pending = session.find else { throw P11Error.operationNotInitialized }
            let batch = pending.prefix(Int(min(maximum, CK_ULONG(pending.count))))
            for (index, object) in batch.enumerated() { objects?[index] = object }
            session.find = Array(pending.dropFirst(batch.count))
            count.pointee = CK_ULONG(batch.count)
        }
    }
}

@_cdecl("C_FindObjectsFinal")
func p11FindObjectsFinal(_ handle: CK_SESSION_HANDLE) -> CK_RV {
    withRuntime { runtime in
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            guard session.find != nil else { throw P11Error.operationNotInitialized }
            session.find = nil
        }
    }
}
