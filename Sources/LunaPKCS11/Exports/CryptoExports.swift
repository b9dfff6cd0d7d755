import CPKCS11
import Crypto

// PKCS#11 v2.40 sections 5.8 to 5.11: encryption, decryption, digests, signatures. Each *Init
// checks the key under the lock (a cached, prepared key when the state has not moved); the
// arithmetic runs outside it. Multi-part calls gather input and compute at *Final.

private enum Kind { case sign, verify, encrypt, decrypt }

private func begin(_ kind: Kind, _ handle: CK_SESSION_HANDLE, _ mechanismPointer: UnsafeMutablePointer<CK_MECHANISM>?,
                   _ keyHandle: CK_OBJECT_HANDLE) -> CK_RV {
    withRuntime { runtime in
        let mechanism = try Mechanism(mechanismPointer)
        let usage: CK_ATTRIBUTE_TYPE = switch kind {
        case .sign: CKA_SIGN
        case .verify: CKA_VERIFY
        case .encrypt: CKA_ENCRYPT
        case .decrypt: CKA_DECRYPT
        }
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            let current: CryptoOperation? = switch kind {
            case .sign: session.sign
            case .verify: session.verify
            case .encrypt: session.encrypt
            case .decrypt: session.decrypt
            }
            guard current == nil else { throw P11Error.operationActive }
            let slot = try runtime.slot(of: session)
            try runtime.routeOperation(keyHandle, on: slot)
            let key = try runtime.preparedKey(keyHandle, on: slot, usage: usage)
            let operation = CryptoOperation(mechanism: mechanism, key: key)
            try check(mechanism, fits: key, kind)
            switch kind {
            case .sign: session.sign = operation
            case .verify: session.verify = operation
            case .encrypt: session.encrypt = operation
            case .decrypt: session.decrypt = operation
            }
        }
    }
}

private func check(_ mechanism: Mechanism, fits key: PreparedKey, _ kind: Kind) throws {
    let fits: Bool = switch (mechanism, key) {
    case (.ecdsa, .p256), (.ecdsa, .p384), (.ecdsaSHA256, .p256), (.ecdsaSHA256, .p384),
         (.ecdsa, .p256Public), (.ecdsa, .p384Public), (.ecdsaSHA256, .p256Public), (.ecdsaSHA256, .p384Public):
        kind == .sign || kind == .verify
    case (.rsaPKCS, .rsa), (.sha256RSAPKCS, .rsa), (.rsaPSS, .rsa), (.sha256RSAPSS, .rsa),
         (.rsaPKCS, .rsaPublic), (.sha256RSAPKCS, .rsaPublic), (.rsaPSS, .rsaPublic), (.sha256RSAPSS, .rsaPublic):
        kind == .sign || kind == .verify
    case (.aesGCM, .aes), (.aesCBCPad, .aes):
        kind == .encrypt || kind == .decrypt
    default:
        false
    }
    guard fits else { throw P11Error(CK_RV(CKR_KEY_TYPE_INCONSISTENT)) }
}

/// Takes the session's operation of `kind` (ending it unless only a length was asked for).
private func withOperation(_ kind: Kind, _ handle: CK_SESSION_HANDLE, input: [UInt8]?, finish: Bool,
                           _ body: (CryptoOperation) throws -> Bool) -> CK_RV {
    withRuntime { runtime in
        let operation: CryptoOperation = try runtime.gate.locked {
            let session = try runtime.session(handle)
            let found: CryptoOperation? = switch kind {
            case .sign: session.sign
            case .verify: session.verify
            case .encrypt: session.encrypt
            case .decrypt: session.decrypt
            }
            guard var operation = found else { throw P11Error.operationNotInitialized }
            if let input, !finish {
                operation.buffer += input
                switch kind {
                case .sign: session.sign = operation
                case .verify: session.verify = operation
                case .encrypt: session.encrypt = operation
                case .decrypt: session.decrypt = operation
                }
            }
            return operation
        }
        guard finish else { return }
        // A short buffer or a length query keeps the operation (endOnError ends it on any other error).
        if try body(operation) {
            runtime.gate.locked {
                guard let session = runtime.sessions[handle] else { return }
                switch kind {
                case .sign: session.sign = nil
                case .verify: session.verify = nil
                case .encrypt: session.encrypt = nil
                case .decrypt: session.decrypt = nil
                }
            }
        }
    }
}

/// Ends an operation after an error other than a short buffer (PKCS#11 v2.40 section 5.2).
private func endOnError(_ kind: Kind, _ handle: CK_SESSION_HANDLE, _ rv: CK_RV) -> CK_RV {
    if rv != CKR_OK && rv != CKR_BUFFER_TOO_SMALL && rv != CKR_OPERATION_NOT_INITIALIZED && rv != CKR_SESSION_HANDLE_INVALID,
       let runtime = Library.current {
        runtime.gate.locked {
            guard let session = runtime.sessions[handle] else { return }
            switch kind {
            case .sign: session.sign = nil
            case .verify: session.verify = nil
            case .encrypt: session.encrypt = nil
            case .decrypt: session.decrypt = nil
            }
        }
    }
    return rv
}

// MARK: Sign and verify

@_cdecl("C_SignInit")
func p11SignInit(_ handle: CK_SESSION_HANDLE, _ mechanism: UnsafeMutablePointer<CK_MECHANISM>?, _ key: CK_OBJECT_HANDLE) -> CK_RV {
    begin(.sign, handle, mechanism, key)
}

@_cdecl("C_Sign")
func p11Sign(_ handle: CK_SESSION_HANDLE, _ data: UnsafeMutablePointer<CK_BYTE>?, _ length: CK_ULONG,
             _ signature: UnsafeMutablePointer<CK_BYTE>?, _ signatureLength: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    endOnError(.sign, handle, withOperation(.sign, handle, input: nil, finish: true) { operation in
        if signature == nil {
            guard let signatureLength else { throw P11Error.argumentsBad }
            signatureLength.pointee = CK_ULONG(operation.key.signatureLength)
            return false
        }
        let input = try bytes(data, length)
        return try deliver(try CryptoEngine.sign(operation.mechanism, operation.key, input), to: signature, length: signatureLength)
    })
}

@_cdecl("C_SignUpdate")
func p11SignUpdate(_ handle: CK_SESSION_HANDLE, _ data: UnsafeMutablePointer<CK_BYTE>?, _ length: CK_ULONG) -> CK_RV {
    guard let input = try? bytes(data, length) else { return endOnError(.sign, handle, CK_RV(CKR_ARGUMENTS_BAD)) }
    return withOperation(.sign, handle, input: input, finish: false) { _ in false }
}

@_cdecl("C_SignFinal")
func p11SignFinal(_ handle: CK_SESSION_HANDLE, _ signature: UnsafeMutablePointer<CK_BYTE>?,
                  _ signatureLength: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    endOnError(.sign, handle, withOperation(.sign, handle, input: nil, finish: true) { operation in
        if signature == nil {
            guard let signatureLength else { throw P11Error.argumentsBad }
            signatureLength.pointee = CK_ULONG(operation.key.signatureLength)
            return false
        }
        return try deliver(try CryptoEngine.sign(operation.mechanism, operation.key, operation.buffer), to: signature, length: signatureLength)
    })
}

@_cdecl("C_VerifyInit")
func p11VerifyInit(_ handle: CK_SESSION_HANDLE, _ mechanism: UnsafeMutablePointer<CK_MECHANISM>?, _ key: CK_OBJECT_HANDLE) -> CK_RV {
    begin(.verify, handle, mechanism, key)
}

@_cdecl("C_Verify")
func p11Verify(_ handle: CK_SESSION_HANDLE, _ data: UnsafeMutablePointer<CK_BYTE>?, _ length: CK_ULONG,
               _ signature: UnsafeMutablePointer<CK_BYTE>?, _ signatureLength: CK_ULONG) -> CK_RV {
    endOnError(.verify, handle, withOperation(.verify, handle, input: nil, finish: true) { operation in
        try CryptoEngine.verify(operation.mechanism, operation.key, try bytes(data, length), signature: try bytes(signature, signatureLength))
        return true
    })
}

@_cdecl("C_VerifyUpdate")
func p11VerifyUpdate(_ handle: CK_SESSION_HANDLE, _ data: UnsafeMutablePointer<CK_BYTE>?, _ length: CK_ULONG) -> CK_RV {
    guard let input = try? bytes(data, length) else { return endOnError(.verify, handle, CK_RV(CKR_ARGUMENTS_BAD)) }
    return withOperation(.verify, handle, input: input, finish: false) { _ in false }
}

@_cdecl("C_VerifyFinal")
func p11VerifyFinal(_ handle: CK_SESSION_HANDLE, _ signature: UnsafeMutablePointer<CK_BYTE>?, _ signatureLength: CK_ULONG) -> CK_RV {
    endOnError(.verify, handle, withOperation(.verify, handle, input: nil, finish: true) { operation in
        try CryptoEngine.verify(operation.mechanism, operation.key, operation.buffer, signature: try bytes(signature, signatureLength))
        return true
    })
}

// MARK: Encrypt and decrypt

@_cdecl("C_EncryptInit")
func p11EncryptInit(_ handle: CK_SESSION_HANDLE, _ mechanism: UnsafeMutablePointer<CK_MECHANISM>?, _ key: CK_OBJECT_HANDLE) -> CK_RV {
    begin(.encrypt, handle, mechanism, key)
}

@_cdecl("C_Encrypt")
func p11Encrypt(_ handle: CK_SESSION_HANDLE, _ data: UnsafeMutablePointer<CK_BYTE>?, _ length: CK_ULONG,
                _ output: UnsafeMutablePointer<CK_BYTE>?, _ outputLength: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    endOnError(.encrypt, handle, withOperation(.encrypt, handle, input: nil, finish: true) { operation in
        try deliver(try CryptoEngine.encrypt(operation.mechanism, operation.key, try bytes(data, length)), to: output, length: outputLength)
    })
}

@_cdecl("C_EncryptUpdate")
func p11EncryptUpdate(_ handle: CK_SESSION_HANDLE, _ data: UnsafeMutablePointer<CK_BYTE>?, _ length: CK_ULONG,
                      _ output: UnsafeMutablePointer<CK_BYTE>?, _ outputLength: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    guard let input = try? bytes(data, length), let outputLength else { return endOnError(.encrypt, handle, CK_RV(CKR_ARGUMENTS_BAD)) }
    outputLength.pointee = 0
    return withOperation(.encrypt, handle, input: input, finish: false) { _ in false }
}

@_cdecl("C_EncryptFinal")
func p11EncryptFinal(_ handle: CK_SESSION_HANDLE, _ output: UnsafeMutablePointer<CK_BYTE>?,
                     _ outputLength: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    endOnError(.encrypt, handle, withOperation(.encrypt, handle, input: nil, finish: true) { operation in
        try deliver(try CryptoEngine.encrypt(operation.mechanism, operation.key, operation.buffer), to: output, length: outputLength)
    })
}

@_cdecl("C_DecryptInit")
func p11DecryptInit(_ handle: CK_SESSION_HANDLE, _ mechanism: UnsafeMutablePointer<CK_MECHANISM>?, _ key: CK_OBJECT_HANDLE) -> CK_RV {
    begin(.decrypt, handle, mechanism, key)
}

@_cdecl("C_Decrypt")
func p11Decrypt(_ handle: CK_SESSION_HANDLE, _ data: UnsafeMutablePointer<CK_BYTE>?, _ length: CK_ULONG,
                _ output: UnsafeMutablePointer<CK_BYTE>?, _ outputLength: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    endOnError(.decrypt, handle, withOperation(.decrypt, handle, input: nil, finish: true) { operation in
        try deliver(try CryptoEngine.decrypt(operation.mechanism, operation.key, try bytes(data, length)), to: output, length: outputLength)
    })
}

@_cdecl("C_DecryptUpdate")
func p11DecryptUpdate(_ handle: CK_SESSION_HANDLE, _ data: UnsafeMutablePointer<CK_BYTE>?, _ length: CK_ULONG,
                      _ output: UnsafeMutablePointer<CK_BYTE>?, _ outputLength: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    guard let input = try? bytes(data, length), let outputLength else { return endOnError(.decrypt, handle, CK_RV(CKR_ARGUMENTS_BAD)) }
    outputLength.pointee = 0
    return withOperation(.decrypt, handle, input: input, finish: false) { _ in false }
}

@_cdecl("C_DecryptFinal")
func p11DecryptFinal(_ handle: CK_SESSION_HANDLE, _ output: UnsafeMutablePointer<CK_BYTE>?,
                     _ outputLength: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    endOnError(.decrypt, handle, withOperation(.decrypt, handle, input: nil, finish: true) { operation in
        try deliver(try CryptoEngine.decrypt(operation.mechanism, operation.key, operation.buffer), to: output, length: outputLength)
    })
}

// MARK: Digest

@_cdecl("C_DigestInit")
func p11DigestInit(_ handle: CK_SESSION_HANDLE, _ mechanism: UnsafeMutablePointer<CK_MECHANISM>?) -> CK_RV {
    withRuntime { runtime in
        guard try Mechanism(mechanism) == .sha256 else { throw P11Error.mechanismInvalid }
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            guard session.digest == nil else { throw P11Error.operationActive }
            session.digest = SHA256()
        }
    }
}

private func digestStep(_ handle: CK_SESSION_HANDLE, _ body: (inout SHA256) throws -> Bool) -> CK_RV {
    withRuntime { runtime in
        try runtime.gate.locked {
            let session = try runtime.session(handle)
            guard var digest = session.digest else { throw P11Error.operationNotInitialized }
            do {
                let ended = try body(&digest)
                session.digest = ended ? nil : digest
            } catch let error as P11Error where error.rv == CKR_BUFFER_TOO_SMALL {
                throw error
            } catch {
                session.digest = nil
                throw error
            }
        }
    }
}

@_cdecl("C_Digest")
func p11Digest(_ handle: CK_SESSION_HANDLE, _ data: UnsafeMutablePointer<CK_BYTE>?, _ length: CK_ULONG,
               _ output: UnsafeMutablePointer<CK_BYTE>?, _ outputLength: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    digestStep(handle) { digest in
        if output == nil { return try deliver(Array(repeating: 0, count: 32), to: nil, length: outputLength) }
        var copy = digest
        copy.update(data: try bytes(data, length))
        return try deliver(Array(copy.finalize()), to: output, length: outputLength)
    }
}

@_cdecl("C_DigestUpdate")
func p11DigestUpdate(_ handle: CK_SESSION_HANDLE, _ data: UnsafeMutablePointer<CK_BYTE>?, _ length: CK_ULONG) -> CK_RV {
    digestStep(handle) { digest in
        digest.update(data: try bytes(data, length))
        return false
    }
}

@_cdecl("C_DigestFinal")
func p11DigestFinal(_ handle: CK_SESSION_HANDLE, _ output: UnsafeMutablePointer<CK_BYTE>?,
                    _ outputLength: UnsafeMutablePointer<CK_ULONG>?) -> CK_RV {
    digestStep(handle) { digest in
        if output == nil { return try deliver(Array(repeating: 0, count: 32), to: nil, length: outputLength) }
        return try deliver(Array(digest.finalize()), to: output, length: outputLength)
    }
}
