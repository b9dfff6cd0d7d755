import CPKCS11
import Crypto

/// One PKCS#11 session: its slot, whether it may write, and at most one operation of each kind
/// in progress (PKCS#11 v2.40 section 5.6).
final class Session {
    let handle: CK_SESSION_HANDLE
    let slot: CK_SLOT_ID
    let readWrite: Bool
    var find: [CK_OBJECT_HANDLE]?
    var sign: CryptoOperation?
    var verify: CryptoOperation?
    var encrypt: CryptoOperation?
    var decrypt: CryptoOperation?
    var digest: SHA256?

    init(handle: CK_SESSION_HANDLE, slot: CK_SLOT_ID, readWrite: Bool) {
        self.handle = handle
        self.slot = slot
        self.readWrite = readWrite
    }
}

/// An initialized sign, verify, encrypt or decrypt: the mechanism, the key ready to use, and
/// the input gathered so far by the multi-part calls.
struct CryptoOperation {
    var mechanism: Mechanism
    var key: PreparedKey
    var buffer: [UInt8] = []
}
