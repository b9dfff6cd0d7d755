import CPKCS11
import Crypto
import _CryptoExtras
import Foundation

/// The arithmetic of each operation: pure functions of a mechanism, a prepared key and bytes,
/// run outside the library's lock so threads sign in parallel.
enum CryptoEngine {
    static func sign(_ mechanism: Mechanism, _ key: PreparedKey, _ data: [UInt8]) throws -> [UInt8] {
        do {
            switch (mechanism, key) {
            case (.ecdsa, .p256(let key)): return Array(try key.signature(for: RawDigest(data)).rawRepresentation)
            case (.ecdsa, .p384(let key)): return Array(try key.signature(for: RawDigest(data)).rawRepresentation)
            case (.ecdsaSHA256, .p256(let key)): return Array(try key.signature(for: SHA256.hash(data: data)).rawRepresentation)
            case (.ecdsaSHA256, .p384(let key)): return Array(try key.signature(for: SHA256.hash(data: data)).rawRepresentation)
            case (.sha256RSAPKCS, .rsa(let key)):
                return Array(try key.signature(for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation)
            case (.rsaPKCS, .rsa(let key)):
                return Array(try key.signature(for: RawDigest(try digestInfoSHA256(data)), padding: .insecurePKCS1v1_5).rawRepresentation)
            case (.sha256RSAPSS, .rsa(let key)):
                return Array(try key.signature(for: SHA256.hash(data: data), padding: .PSS).rawRepresentation)
            case (.rsaPSS, .rsa(let key)):
                guard data.count == 32 else { throw P11Error.dataLenRange }
                return Array(try key.signature(for: RawDigest(data), padding: .PSS).rawRepresentation)
            default:
                throw P11Error.keyTypeInconsistent
            }
        } catch let error as P11Error {
            throw error
        } catch {
            throw P11Error.functionFailed
        }
    }

    static func verify(_ mechanism: Mechanism, _ key: PreparedKey, _ data: [UInt8], signature: [UInt8]) throws {
        guard signature.count == key.signatureLength else { throw P11Error.signatureLenRange }
        let valid: Bool
        switch (mechanism, key) {
        case (.ecdsa, .p256Public(let key)):
            valid = key.isValidSignature(try P256.Signing.ECDSASignature(rawRepresentation: signature), for: RawDigest(data))
        case (.ecdsa, .p384Public(let key)):
            valid = key.isValidSignature(try P384.Signing.ECDSASignature(rawRepresentation: signature), for: RawDigest(data))
        case (.ecdsaSHA256, .p256Public(let key)):
            valid = key.isValidSignature(try P256.Signing.ECDSASignature(rawRepresentation: signature), for: SHA256.hash(data: data))
        case (.ecdsaSHA256, .p384Public(let key)):
            valid = key.isValidSignature(try P384.Signing.ECDSASignature(rawRepresentation: signature), for: SHA256.hash(data: data))
        case (.sha256RSAPKCS, .rsaPublic(let key)):
            valid = key.isValidSignature(.init(rawRepresentation: signature), for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5)
        case (.rsaPKCS, .rsaPublic(let key)):
            valid = key.isValidSignature(.init(rawRepresentation: signature), for: RawDigest(try digestInfoSHA256(data)), padding: .insecurePKCS1v1_5)
        case (.sha256RSAPSS, .rsaPublic(let key)):
            valid = key.isValidSignature(.init(rawRepresentation: signature), for: SHA256.hash(data: data), padding: .PSS)
        case (.rsaPSS, .rsaPublic(let key)):
            valid = key.isValidSignature(.init(rawRepresentation: signature), for: RawDigest(data), padding: .PSS)
        default:
            throw P11Error.keyTypeInconsistent
        }
        guard valid else { throw P11Error.signatureInvalid }
    }

    static func encrypt(_ mechanism: Mechanism, _ key: PreparedKey, _ data: [UInt8]) throws -> [UInt8] {
        guard case .aes(let key) = key else { throw P11Error.keyTypeInconsistent }
        do {
            switch mechanism {
            case .aesGCM(let iv, let aad):
                let box = try AES.GCM.seal(data, using: key, nonce: try AES.GCM.Nonce(data: iv), authenticating: aad)
                return Array(box.ciphertext) + Array(box.tag)
            case .aesCBCPad(let iv):
                return Array(try AES._CBC.encrypt(data, using: key, iv: try AES._CBC.IV(ivBytes: iv)))
            default:
                throw P11Error.keyTypeInconsistent
            }
        } catch let error as P11Error {
            throw error
        } catch {
            throw P11Error.functionFailed
        }
    }

    static func decrypt(_ mechanism: Mechanism, _ key: PreparedKey, _ data: [UInt8]) throws -> [UInt8] {
        guard case .aes(let key) = key else { throw P11Error.keyTypeInconsistent }
        switch mechanism {
        case .aesGCM(let iv, let aad):
            guard data.count >= 16 else { throw P11Error(CK_RV(CKR_ENCRYPTED_DATA_LEN_RANGE)) }
            do {
                let box = try AES.GCM.SealedBox(nonce: try AES.GCM.Nonce(data: iv), ciphertext: data.dropLast(16),
                                                tag: data.suffix(16))
                return Array(try AES.GCM.open(box, using: key, authenticating: aad))
            } catch {
                throw P11Error.encryptedDataInvalid
            }
        case .aesCBCPad(let iv):
            guard !data.isEmpty, data.count % 16 == 0 else { throw P11Error(CK_RV(CKR_ENCRYPTED_DATA_LEN_RANGE)) }
            do {
                return Array(try AES._CBC.decrypt(data, using: key, iv: try AES._CBC.IV(ivBytes: iv)))
            } catch {
                throw P11Error.encryptedDataInvalid
            }
        default:
            throw P11Error.keyTypeInconsistent
        }
    }

    /// CKM_RSA_PKCS signs a DigestInfo; swift-crypto builds that itself from a digest, so the
    /// library accepts the SHA-256 DigestInfo (RFC 8017 section 9.2) and hands on its hash.
    private static func digestInfoSHA256(_ data: [UInt8]) throws -> [UInt8] {
        let prefix: [UInt8] = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]
        guard data.count == prefix.count + 32, Array(data.prefix(prefix.count)) == prefix else { throw P11Error.dataInvalid }
        return Array(data.suffix(32))
    }
}

/// A hash the caller computed (CKM_ECDSA, CKM_RSA_PKCS_PSS), handed to swift-crypto as a Digest.
struct RawDigest: Digest {
    static var byteCount: Int { 32 }
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes(body)
    }

    func makeIterator() -> IndexingIterator<[UInt8]> { bytes.makeIterator() }
    var description: String { "RawDigest(\(bytes.count) bytes)" }
}
