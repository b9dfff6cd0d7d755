import CPKCS11
import Crypto
import _CryptoExtras
import LunaSim

// PKCS#11 v2.40 sections 5.13 and 5.14: key management and random numbers. AES and EC keys
// draw from the simulator's seeded random source (LUNASIM_SEED), as `simulator createObject`
// does; RSA keys come from swift-crypto, whose RSA generation cannot be seeded.

@_cdecl("C_GenerateKey")
func p11GenerateKey(_ handle: CK_SESSION_HANDLE, _ mechanism: UnsafeMutablePointer<CK_MECHANISM>?,
                    _ template: UnsafeMutablePointer<CK_ATTRIBUTE>?, _ count: CK_ULONG,
                    _ key: UnsafeMutablePointer<CK_OBJECT_HANDLE>?) -> CK_RV {
    withRuntime { runtime in
        guard let key else { throw P11Error.argumentsBad }
        guard try Mechanism(mechanism) == .aesKeyGen else { throw P11Error.mechanismInvalid }
        let given = try AttributeSet(template: template, count: count)
        guard given.objectClass ?? CKO_SECRET_KEY == CKO_SECRET_KEY, given.keyType ?? CKK_AES == CKK_AES else {
            throw P11Error.templateInconsistent
        }
        guard let length = given.ulong(CKA_VALUE_LEN) else { throw P11Error.templateIncomplete }
        guard [16, 24, 32].contains(length) else { throw P11Error.attributeValueInvalid }
        var set = Runtime.completed(given, objectClass: CKO_SECRET_KEY, keyType: CKK_AES, generated: true)
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            set[CKA_VALUE] = try runtime.randomBytes(Int(length))
            key.pointee = try runtime.save([NewObject(attributes: set)], session: session)[0]
        }
    }
}

@_cdecl("C_GenerateKeyPair")
func p11GenerateKeyPair(_ handle: CK_SESSION_HANDLE, _ mechanism: UnsafeMutablePointer<CK_MECHANISM>?,
                        _ publicTemplate: UnsafeMutablePointer<CK_ATTRIBUTE>?, _ publicCount: CK_ULONG,
                        _ privateTemplate: UnsafeMutablePointer<CK_ATTRIBUTE>?, _ privateCount: CK_ULONG,
                        _ publicKey: UnsafeMutablePointer<CK_OBJECT_HANDLE>?,
                        _ privateKey: UnsafeMutablePointer<CK_OBJECT_HANDLE>?) -> CK_RV {
    withRuntime { runtime in
        guard let publicKey, let privateKey else { throw P11Error.argumentsBad }
        let kind = try Mechanism(mechanism)
        let publicGiven = try AttributeSet(template: publicTemplate, count: publicCount)
        let privateGiven = try AttributeSet(template: privateTemplate, count: privateCount)
        var publicSet: AttributeSet
        var privateSet: AttributeSet
        switch kind {
        case .ecKeyPairGen:
            guard let parameters = publicGiven[CKA_EC_PARAMS] else { throw P11Error.templateIncomplete }
            guard let curve = ECCurves.curve(parameters) else { throw P11Error(CK_RV(CKR_CURVE_NOT_SUPPORTED)) }
            publicSet = Runtime.completed(publicGiven, objectClass: CKO_PUBLIC_KEY, keyType: CKK_EC, generated: true)
            privateSet = Runtime.completed(privateGiven, objectClass: CKO_PRIVATE_KEY, keyType: CKK_EC, generated: true)
            privateSet[CKA_EC_PARAMS] = parameters
            let made = try runtime.gate.locked {
                try runtime.write { transaction throws(LunaError) in
                    try KeyMaterial.make(.ec(curve: curve), label: "", random: &transaction.random)
                }
            }
            privateSet[CKA_VALUE] = made[0].material
            publicSet[CKA_VALUE] = made[1].material
            publicSet[CKA_EC_POINT] = DER.octetString(made[1].material ?? [])
        case .rsaKeyPairGen:
            guard let bits = publicGiven.ulong(CKA_MODULUS_BITS) else { throw P11Error.templateIncomplete }
            guard [2048, 3072, 4096].contains(bits) else { throw P11Error(CK_RV(CKR_KEY_SIZE_RANGE)) }
            if let exponent = publicGiven[CKA_PUBLIC_EXPONENT], exponent.drop(while: { $0 == 0 }) != [0x01, 0x00, 0x01] {
                throw P11Error.templateInconsistent
            }
            let generated: _RSA.Signing.PrivateKey
            do { generated = try _RSA.Signing.PrivateKey(keySize: .init(bitCount: Int(bits))) } catch { throw P11Error.functionFailed }
            publicSet = Runtime.completed(publicGiven, objectClass: CKO_PUBLIC_KEY, keyType: CKK_RSA, generated: true)
            privateSet = Runtime.completed(privateGiven, objectClass: CKO_PRIVATE_KEY, keyType: CKK_RSA, generated: true)
            privateSet[CKA_VALUE] = Array(generated.derRepresentation)
            publicSet[CKA_VALUE] = Array(generated.publicKey.derRepresentation)
            for set in [CKO_PUBLIC_KEY, CKO_PRIVATE_KEY] {
                var target = set == CKO_PUBLIC_KEY ? publicSet : privateSet
                ObjectAttributes.derivePublicParts(&target, keyType: CKK_RSA, objectClass: set, material: target[CKA_VALUE] ?? [])
                if set == CKO_PUBLIC_KEY { publicSet = target } else { privateSet = target }
            }
        default:
            throw P11Error.mechanismInvalid
        }
        // One label and ID for both halves when only one template gives them (as pkcs11-tool does).
        if publicSet[CKA_ID] == [] { publicSet[CKA_ID] = privateSet[CKA_ID] }
        if privateSet[CKA_ID] == [] { privateSet[CKA_ID] = publicSet[CKA_ID] }
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            let handles = try runtime.save([NewObject(attributes: privateSet), NewObject(attributes: publicSet)], session: session)
            privateKey.pointee = handles[0]
            publicKey.pointee = handles[1]
        }
    }
}

@_cdecl("C_WrapKey")
func p11WrapKey(_ handle: CK_SESSION_HANDLE, _ mechanism: UnsafeMutablePointer<CK_MECHANISM>?,
                _ wrappingKey: CK_OBJECT_HANDLE, _ key: CK_OBJECT_HANDLE,
                _ output: UnsafeMutablePointer<CK_BYTE>?, _ outputLength: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    withRuntime { runtime in
        guard try Mechanism(mechanism) == .aesKeyWrap else { throw P11Error.mechanismInvalid }
        let (kek, target) = try runtime.gate.locked {
            let session = try runtime.session(handle)
            let slot = try runtime.slot(of: session)
            let kek = try runtime.preparedKey(wrappingKey, on: slot, usage: CKA_WRAP)
            let target: AttributeSet
            do { target = try runtime.resolve(key, on: slot).attributes } catch { throw P11Error.keyInvalid }
            return (kek, target)
        }
        guard case .aes(let kekKey) = kek else { throw P11Error(CK_RV(CKR_WRAPPING_KEY_TYPE_INCONSISTENT)) }
        guard target.objectClass == CKO_SECRET_KEY, let value = target[CKA_VALUE], value.count % 8 == 0 else { throw P11Error.keyNotWrappable }
        guard target.bool(CKA_EXTRACTABLE) == true else { throw P11Error.keyUnextractable }
        let wrapped: [UInt8]
        do { wrapped = Array(try AES.KeyWrap.wrap(SymmetricKey(data: value), using: kekKey)) } catch { throw P11Error.functionFailed }
        _ = try deliver(wrapped, to: output, length: outputLength)
    }
}

@_cdecl("C_UnwrapKey")
func p11UnwrapKey(_ handle: CK_SESSION_HANDLE, _ mechanism: UnsafeMutablePointer<CK_MECHANISM>?,
                  _ unwrappingKey: CK_OBJECT_HANDLE, _ wrapped: UnsafeMutablePointer<CK_BYTE>?, _ wrappedLength: CK_ULONG,
                  _ template: UnsafeMutablePointer<CK_ATTRIBUTE>?, _ count: CK_ULONG,
                  _ key: UnsafeMutablePointer<CK_OBJECT_HANDLE>?) -> CK_RV {
    withRuntime { runtime in
        guard let key else { throw P11Error.argumentsBad }
        guard try Mechanism(mechanism) == .aesKeyWrap else { throw P11Error.mechanismInvalid }
        let given = try AttributeSet(template: template, count: count)
        guard given.objectClass ?? CKO_SECRET_KEY == CKO_SECRET_KEY, given.keyType ?? CKK_AES == CKK_AES else {
            throw P11Error.templateInconsistent
        }
        let input = try bytes(wrapped, wrappedLength)
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            let slot = try runtime.slot(of: session)
            guard case .aes(let kek) = try runtime.preparedKey(unwrappingKey, on: slot, usage: CKA_UNWRAP) else {
                throw P11Error(CK_RV(CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT))
            }
            let value: [UInt8]
            do {
                value = try AES.KeyWrap.unwrap(input, using: kek).withUnsafeBytes { Array($0) }
            } catch {
                throw P11Error.wrappedKeyInvalid
            }
            guard [16, 24, 32].contains(value.count) else { throw P11Error.wrappedKeyInvalid }
            var set = Runtime.completed(given, objectClass: CKO_SECRET_KEY, keyType: CKK_AES, generated: false)
            set[CKA_VALUE] = value
            set.set(CKA_VALUE_LEN, ulong: CK_ULONG(value.count))
            key.pointee = try runtime.save([NewObject(attributes: set)], session: session)[0]
        }
    }
}

@_cdecl("C_GenerateRandom")
func p11GenerateRandom(_ handle: CK_SESSION_HANDLE, _ output: UnsafeMutablePointer<CK_BYTE>?, _ length: CK_ULONG) -> CK_RV {
    withRuntime { runtime in
        guard length == 0 || output != nil else { throw P11Error.argumentsBad }
        guard length <= maximumInput else { throw P11Error.dataLenRange }
        let random = try runtime.gate.locked {
            _ = try runtime.session(handle)
            return try runtime.randomBytes(Int(length))
        }
        for (index, byte) in random.enumerated() { output?[index] = byte }
    }
}

extension Runtime {
    /// Bytes from the simulator's seeded source, which moves on in the state. Caller holds `gate`.
    func randomBytes(_ count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        return try write { transaction throws(LunaError) in transaction.random.bytes(count) }
    }
}
