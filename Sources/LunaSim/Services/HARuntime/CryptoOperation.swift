import Crypto
import Foundation

/// One key made ready for repeated operations: the swift-crypto key is built once from the
/// stored material, so each operation is only the cryptography itself.
///
/// - EC P-256 / P-384 private keys: ECDSA signing (SHA-256 / SHA-384).
/// - AES keys: AES-GCM encryption, with a nonce made from the operation counter (deterministic,
///   never reused within a run).
/// - RSA private keys: the stored RSA material is a seeded stand-in, not a real RSA key
///   (KeyMaterial), so an RSA "signature" is an HMAC-SHA-256 under that material: real work
///   of a comparable shape, honestly not RSA.
public struct CryptoOperation {
    enum Key {
        case p256(P256.Signing.PrivateKey)
        case p384(P384.Signing.PrivateKey)
        case aes(SymmetricKey)
        case rsaStandIn(SymmetricKey)
    }

    let key: Key
    /// What the operation is called in reports.
    public let name: String
    private static let message = Data("lunacm-sim runOperations test message".utf8)

    /// The operation a stored object supports, or nil when it supports none (a public key, an
    /// object without material).
    public init?(_ object: StoredObject) {
        guard let material = object.material else { return nil }
        switch (object.objectClass, object.keyType) {
        case (.privateKey, "EC"):
            if object.size == 384, let key = try? P384.Signing.PrivateKey(rawRepresentation: material) {
                self.key = .p384(key)
                name = "ECDSA P-384 signing"
            } else if let key = try? P256.Signing.PrivateKey(rawRepresentation: material) {
                self.key = .p256(key)
                name = "ECDSA P-256 signing"
            } else {
                return nil
            }
        case (.secretKey, "AES"):
            key = .aes(SymmetricKey(data: material))
            name = "AES-\(object.size)-GCM encryption"
        case (.privateKey, "RSA"):
            key = .rsaStandIn(SymmetricKey(data: material))
            name = "RSA-\(object.size) signing (HMAC stand-in)"
        default:
            return nil
        }
    }

    /// Runs the operation once; `counter` makes each AES-GCM nonce unique. Returns the size of
    /// the output, so the work cannot be optimized away.
    @discardableResult
    public func perform(counter: UInt64) throws(LunaError) -> Int {
        do {
            switch key {
            case .p256(let key): return try key.signature(for: Self.message).rawRepresentation.count
            case .p384(let key): return try key.signature(for: Self.message).rawRepresentation.count
            case .aes(let key):
                var nonce = [UInt8](repeating: 0, count: 12)
                withUnsafeBytes(of: counter.bigEndian) { nonce.replaceSubrange(4..<12, with: $0) }
                return try AES.GCM.seal(Self.message, using: key, nonce: AES.GCM.Nonce(data: nonce)).ciphertext.count
            case .rsaStandIn(let key):
                return HMAC<SHA256>.authenticationCode(for: Self.message, using: key).byteCount
            }
        } catch {
            throw LunaError(.functionFailed, "The cryptographic operation failed: \(error)")
        }
    }
}
