import CPKCS11
import Crypto
import _CryptoExtras

/// A key parsed once from its object, ready for repeated use: C_SignInit on a cached key costs a
/// dictionary lookup, not a parse (the physical slot's signing rate depends on it).
enum PreparedKey {
    case p256(P256.Signing.PrivateKey)
    case p384(P384.Signing.PrivateKey)
    case p256Public(P256.Signing.PublicKey)
    case p384Public(P384.Signing.PublicKey)
    case rsa(_RSA.Signing.PrivateKey)
    case rsaPublic(_RSA.Signing.PublicKey)
    case aes(SymmetricKey)

    /// The key of an object, checking that its attributes allow `usage` (CKA_SIGN, ...).
    init(_ attributes: AttributeSet, usage: CK_ATTRIBUTE_TYPE) throws {
        guard attributes.bool(usage) == true else { throw P11Error.keyFunctionNotPermitted }
        guard let material = attributes[CKA_VALUE] ?? attributes[CKA_EC_POINT].map(DER.unwrapOctetString) else {
            throw P11Error.keyTypeInconsistent
        }
        do {
            switch (attributes.objectClass, attributes.keyType) {
            case (CKO_SECRET_KEY, CKK_AES):
                guard [16, 24, 32].contains(material.count) else { throw P11Error.keyTypeInconsistent }
                self = .aes(SymmetricKey(data: material))
            case (CKO_PRIVATE_KEY, CKK_EC):
                self = material.count == 32 ? .p256(try P256.Signing.PrivateKey(rawRepresentation: material))
                    : .p384(try P384.Signing.PrivateKey(rawRepresentation: material))
            case (CKO_PUBLIC_KEY, CKK_EC):
                self = material.count == 65 ? .p256Public(try P256.Signing.PublicKey(x963Representation: material))
                    : .p384Public(try P384.Signing.PublicKey(x963Representation: material))
            case (CKO_PRIVATE_KEY, CKK_RSA):
                self = .rsa(try _RSA.Signing.PrivateKey(unsafeDERRepresentation: material))
            case (CKO_PUBLIC_KEY, CKK_RSA):
                self = .rsaPublic(try _RSA.Signing.PublicKey(unsafeDERRepresentation: material))
            default:
                throw P11Error.keyTypeInconsistent
            }
        } catch let error as P11Error {
            throw error
        } catch {
            // lunacm's RSA objects carry stand-in bytes, not a key (KeyMaterial).
            throw P11Error.keyTypeInconsistent
        }
    }

    /// The length of a signature or of the input it takes.
    var signatureLength: Int {
        switch self {
        case .p256, .p256Public: 64
        case .p384, .p384Public: 96
        case .rsa(let key): key.keySizeInBits / 8
        case .rsaPublic(let key): key.keySizeInBits / 8
        case .aes: 0
        }
    }
}
