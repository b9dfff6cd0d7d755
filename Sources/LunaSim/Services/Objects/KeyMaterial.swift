import Crypto

/// Key material for simulator-made objects, drawn only from the seeded random source so object
/// listings and exports are the same bytes on every run.
///
/// - AES: random bytes of the key length.
/// - EC: a real P-256 or P-384 key pair from swift-crypto, built from seeded raw scalar bytes.
/// - RSA: swift-crypto's RSA key generation draws from the system's randomness and cannot be
///   seeded, so RSA objects carry seeded random bytes of the modulus length as a stand-in for the
///   private and public material. LunaCM never shows key material, so only the size and the
///   determinism are observable.
public enum KeyMaterial {
    public enum Kind: Sendable, Equatable {
        case aes(bits: Int)
        case rsa(bits: Int)
        case ec(curve: Curve)
    }

    public enum Curve: String, Sendable, CaseIterable {
        case p256 = "P-256"
        case p384 = "P-384"

        public var bits: Int { self == .p256 ? 256 : 384 }
    }

    public static let aesSizes = [128, 192, 256]
    public static let rsaSizes = [1024, 2048, 3072, 4096]

    /// One symmetric key or a private/public pair.
    public static func make(_ kind: Kind, label: String, random: inout RandomSource) throws(LunaError) -> [StoredObject] {
        switch kind {
        case .aes(let bits):
            guard aesSizes.contains(bits) else {
                throw LunaError(.keySizeRange, "AES keys are 128, 192 or 256 bits, not \(bits).")
            }
            return [StoredObject(handle: 0, label: label, objectClass: .secretKey, keyType: "AES", size: bits,
                                 material: random.bytes(bits / 8))]
        case .rsa(let bits):
            guard rsaSizes.contains(bits) else {
                throw LunaError(.keySizeRange, "RSA keys are 1024, 2048, 3072 or 4096 bits, not \(bits).")
            }
            return [StoredObject(handle: 0, label: label, objectClass: .privateKey, keyType: "RSA", size: bits,
                                 material: random.bytes(bits / 8)),
                    StoredObject(handle: 0, label: label, objectClass: .publicKey, keyType: "RSA", size: bits,
                                 material: random.bytes(bits / 8))]
        case .ec(let curve):
            let (privateKey, publicKey) = ecPair(curve, random: &random)
            return [StoredObject(handle: 0, label: label, objectClass: .privateKey, keyType: "EC", size: curve.bits,
                                 material: privateKey),
                    StoredObject(handle: 0, label: label, objectClass: .publicKey, keyType: "EC", size: curve.bits,
                                 material: publicKey)]
        }
    }

    /// Raw private scalar and X9.63 public point. A draw that is not a valid scalar (about one in
    /// 2^32) is drawn again, still from the seeded source.
    static func ecPair(_ curve: Curve, random: inout RandomSource) -> ([UInt8], [UInt8]) {
        while true {
            switch curve {
            case .p256:
                if let key = try? P256.Signing.PrivateKey(rawRepresentation: random.bytes(32)) {
                    return (Array(key.rawRepresentation), Array(key.publicKey.x963Representation))
                }
            case .p384:
                if let key = try? P384.Signing.PrivateKey(rawRepresentation: random.bytes(48)) {
                    return (Array(key.rawRepresentation), Array(key.publicKey.x963Representation))
                }
            }
        }
    }
}
