import CPKCS11
import Crypto
import _CryptoExtras
import LunaSim

/// How a stored object looks through PKCS#11. Objects made by lunacm (`simulator createObject`)
/// or a fleet file carry no PKCS#11 attributes, so they get those of a key generated on a Luna
/// partition with default templates: token, private, sensitive and non-extractable secrets,
/// usage flags by class. What the library stored for its own objects overrides the defaults;
/// CKA_VALUE always comes from the object's material, never from the stored attributes.
enum ObjectAttributes {
    static func attributes(of object: StoredObject, stored: [UInt8]?) -> AttributeSet {
        var set = defaults(for: object)
        if let stored, let saved = AttributeSet(encoded: stored) { set.merge(saved) }
        set.set(CKA_LABEL, text: object.label)
        if let material = object.material { set[CKA_VALUE] = material }
        return set
    }

    /// The attributes kept in the store: everything but the secret value, which is the
    /// object row's material.
    static func storable(_ set: AttributeSet) -> [UInt8] {
        var copy = set
        copy[CKA_VALUE] = nil
        return copy.encoded
    }

    static func objectClass(_ kind: StoredObject.ObjectClass) -> CK_OBJECT_CLASS {
        switch kind {
        case .secretKey: CKO_SECRET_KEY
        case .privateKey: CKO_PRIVATE_KEY
        case .publicKey: CKO_PUBLIC_KEY
        case .data: CKO_DATA
        case .certificate: CKO_CERTIFICATE
        }
    }

    static func storedClass(_ objectClass: CK_OBJECT_CLASS) -> StoredObject.ObjectClass? {
        switch objectClass {
        case CKO_SECRET_KEY: .secretKey
        case CKO_PRIVATE_KEY: .privateKey
        case CKO_PUBLIC_KEY: .publicKey
        case CKO_DATA: .data
        case CKO_CERTIFICATE: .certificate
        default: nil
        }
    }

    static func keyType(_ name: String) -> CK_KEY_TYPE? {
        switch name {
        case "AES": CKK_AES
        case "EC": CKK_EC
        case "RSA": CKK_RSA
        default: nil
        }
    }

    static func keyTypeName(_ type: CK_KEY_TYPE?) -> String {
        switch type {
        case CKK_AES: "AES"
        case CKK_EC: "EC"
        case CKK_RSA: "RSA"
        default: "-"
        }
    }

    private static func defaults(for object: StoredObject) -> AttributeSet {
        var set = AttributeSet()
        let objectClass = objectClass(object.objectClass)
        set.set(CKA_CLASS, ulong: objectClass)
        set.set(CKA_TOKEN, bool: true)
        set.set(CKA_PRIVATE, bool: object.objectClass != .publicKey && object.objectClass != .certificate)
        set.set(CKA_MODIFIABLE, bool: true)
        set[CKA_ID] = []
        if object.objectClass == .data {
            set[CKA_APPLICATION] = []
            return set
        }
        guard let keyType = keyType(object.keyType) else { return set }
        set.set(CKA_KEY_TYPE, ulong: keyType)
        set.set(CKA_LOCAL, bool: true)
        set.set(CKA_DERIVE, bool: false)
        set[CKA_START_DATE] = []
        set[CKA_END_DATE] = []
        switch object.objectClass {
        case .secretKey:
            secretKeyFlags(&set)
            set.set(CKA_VALUE_LEN, ulong: CK_ULONG(object.size / 8))
        case .privateKey:
            privateKeyFlags(&set)
            set.set(CKA_ALWAYS_SENSITIVE, bool: true)
            set.set(CKA_NEVER_EXTRACTABLE, bool: true)
        case .publicKey:
            publicKeyFlags(&set)
        default:
            break
        }
        if let material = object.material { derivePublicParts(&set, keyType: keyType, objectClass: objectClass, material: material) }
        return set
    }

    static func secretKeyFlags(_ set: inout AttributeSet) {
        set.set(CKA_SENSITIVE, bool: true)
        set.set(CKA_EXTRACTABLE, bool: false)
        set.set(CKA_ALWAYS_SENSITIVE, bool: true)
        set.set(CKA_NEVER_EXTRACTABLE, bool: true)
        for type in [CKA_ENCRYPT, CKA_DECRYPT, CKA_WRAP, CKA_UNWRAP] { set.set(type, bool: true) }
        set.set(CKA_SIGN, bool: false)
        set.set(CKA_VERIFY, bool: false)
    }

    /// A private key's usage defaults, for keys lunacm made and keys an application creates:
    /// sensitive, not extractable, signs, neither decrypts nor unwraps.
    static func privateKeyFlags(_ set: inout AttributeSet) {
        set.set(CKA_SENSITIVE, bool: true)
        set.set(CKA_EXTRACTABLE, bool: false)
        set.set(CKA_SIGN, bool: true)
        set.set(CKA_DECRYPT, bool: false)
        set.set(CKA_UNWRAP, bool: false)
        set.set(CKA_ALWAYS_AUTHENTICATE, bool: false)
        set[CKA_SUBJECT] = []
    }

    /// A public key's usage defaults: verifies, neither encrypts nor wraps.
    static func publicKeyFlags(_ set: inout AttributeSet) {
        set.set(CKA_VERIFY, bool: true)
        set.set(CKA_ENCRYPT, bool: false)
        set.set(CKA_WRAP, bool: false)
        set[CKA_SUBJECT] = []
    }

    /// EC_PARAMS and EC_POINT, or MODULUS and PUBLIC_EXPONENT, from the key material.
    static func derivePublicParts(_ set: inout AttributeSet, keyType: CK_KEY_TYPE, objectClass: CK_OBJECT_CLASS,
                                  material: [UInt8]) {
        switch keyType {
        case CKK_EC:
            let curve: KeyMaterial.Curve? = switch (objectClass, material.count) {
            case (CKO_PRIVATE_KEY, 32), (CKO_PUBLIC_KEY, 65): .p256
            case (CKO_PRIVATE_KEY, 48), (CKO_PUBLIC_KEY, 97): .p384
            default: nil
            }
            guard let curve else { return }
            set[CKA_EC_PARAMS] = ECCurves.parameters(curve)
            if objectClass == CKO_PUBLIC_KEY { set[CKA_EC_POINT] = DER.octetString(material) }
        case CKK_RSA:
            let primitives: _RSA.Signing.PublicKey.Primitives?
            if objectClass == CKO_PRIVATE_KEY {
                primitives = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: material).publicKey.getKeyPrimitives()
            } else {
                primitives = try? _RSA.Signing.PublicKey(unsafeDERRepresentation: material).getKeyPrimitives()
            }
            guard let primitives else { return }
            set[CKA_MODULUS] = Array(primitives.modulus)
            set[CKA_PUBLIC_EXPONENT] = Array(primitives.publicExponent)
            set.set(CKA_MODULUS_BITS, ulong: CK_ULONG(primitives.modulus.count * 8))
        default:
            break
        }
    }

    /// The object row for a new object: what lunacm lists (class, type, size, label).
    static func storedObject(_ set: AttributeSet, material: [UInt8]?) throws -> StoredObject {
        guard let objectClass = set.objectClass, let kind = storedClass(objectClass) else {
            throw P11Error.templateInconsistent
        }
        let keyType = keyTypeName(set.keyType)
        let size: Int = switch set.keyType {
        case CKK_AES: (material?.count ?? 0) * 8
        case CKK_EC: ECCurves.curve(set[CKA_EC_PARAMS] ?? [])?.bits ?? 0
        case CKK_RSA: Int(set.ulong(CKA_MODULUS_BITS) ?? CK_ULONG((set[CKA_MODULUS]?.count ?? 0) * 8))
        default: material?.count ?? 0
        }
        return StoredObject(handle: 0, label: set.label, objectClass: kind, keyType: keyType, size: size, material: material)
    }
}

/// The two curves the library supports and their DER-encoded OIDs (CKA_EC_PARAMS).
enum ECCurves {
    static let p256: [UInt8] = [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]
    static let p384: [UInt8] = [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22]

    static func parameters(_ curve: KeyMaterial.Curve) -> [UInt8] { curve == .p256 ? p256 : p384 }

    static func curve(_ parameters: [UInt8]) -> KeyMaterial.Curve? {
        switch parameters {
        case p256: .p256
        case p384: .p384
        default: nil
        }
    }
}

/// The little DER the attributes need: an OCTET STRING around an EC point.
enum DER {
    static func octetString(_ content: [UInt8]) -> [UInt8] {
        [0x04] + length(content.count) + content
    }

    static func length(_ count: Int) -> [UInt8] {
        if count < 0x80 { return [UInt8(count)] }
        if count < 0x100 { return [0x81, UInt8(count)] }
        return [0x82, UInt8(count >> 8), UInt8(count & 0xff)]
    }

    /// The content of an OCTET STRING, or the bytes themselves when they are a bare point.
    static func unwrapOctetString(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count > 2, bytes[0] == 0x04 else { return bytes }
        var index = 1
        var length = Int(bytes[index])
        index += 1
        if length & 0x80 != 0 {
            let octets = length & 0x7f
            guard octets <= 2, bytes.count > index + octets else { return bytes }
            length = bytes[index..<index + octets].reduce(0) { $0 << 8 | Int($1) }
            index += octets
        }
        guard index + length == bytes.count else { return bytes }
        return Array(bytes[index...])
    }
}
