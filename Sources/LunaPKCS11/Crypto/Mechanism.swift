import CPKCS11

/// The mechanisms the simulated partition offers, with their parameters read from the caller's
/// CK_MECHANISM. Anything else is CKR_MECHANISM_INVALID.
enum Mechanism: Equatable {
    case ecdsa, ecdsaSHA256
    case rsaPKCS, sha256RSAPKCS, rsaPSS, sha256RSAPSS
    case aesGCM(iv: [UInt8], aad: [UInt8])
    case aesCBCPad(iv: [UInt8])
    case aesKeyWrap
    case sha256
    case aesKeyGen, ecKeyPairGen, rsaKeyPairGen

    /// What C_GetMechanismList reports, in this order.
    static let offered: [CK_MECHANISM_TYPE] = [
        CKM_AES_KEY_GEN, CKM_EC_KEY_PAIR_GEN, CKM_RSA_PKCS_KEY_PAIR_GEN, CKM_AES_GCM, CKM_AES_CBC_PAD,
        CKM_AES_KEY_WRAP, CKM_ECDSA, CKM_ECDSA_SHA256, CKM_RSA_PKCS, CKM_SHA256_RSA_PKCS, CKM_RSA_PKCS_PSS,
        CKM_SHA256_RSA_PKCS_PSS, CKM_SHA256,
    ]

    static func info(_ type: CK_MECHANISM_TYPE) throws -> CK_MECHANISM_INFO {
        let ec = CKF_EC_F_P | CKF_EC_NAMEDCURVE | CKF_EC_UNCOMPRESS
        let (minimum, maximum, flags): (Int, Int, CK_FLAGS) = switch type {
        case CKM_AES_KEY_GEN: (16, 32, CKF_GENERATE)
        case CKM_EC_KEY_PAIR_GEN: (256, 384, CKF_GENERATE_KEY_PAIR | ec)
        case CKM_RSA_PKCS_KEY_PAIR_GEN: (2048, 4096, CKF_GENERATE_KEY_PAIR)
        case CKM_AES_GCM, CKM_AES_CBC_PAD: (16, 32, CKF_ENCRYPT | CKF_DECRYPT)
        case CKM_AES_KEY_WRAP: (16, 32, CKF_WRAP | CKF_UNWRAP)
        case CKM_ECDSA, CKM_ECDSA_SHA256: (256, 384, CKF_SIGN | CKF_VERIFY | ec)
        case CKM_RSA_PKCS, CKM_SHA256_RSA_PKCS, CKM_RSA_PKCS_PSS, CKM_SHA256_RSA_PKCS_PSS: (2048, 4096, CKF_SIGN | CKF_VERIFY)
        case CKM_SHA256: (0, 0, CKF_DIGEST)
        default: throw P11Error.mechanismInvalid
        }
        return CK_MECHANISM_INFO(ulMinKeySize: CK_ULONG(minimum), ulMaxKeySize: CK_ULONG(maximum), flags: flags | CKF_HW)
    }

    init(_ pointer: UnsafePointer<CK_MECHANISM>?) throws {
        guard let mechanism = pointer?.pointee else { throw P11Error.argumentsBad }
        let parameter = mechanism.pParameter
        let length = Int(min(mechanism.ulParameterLen, 1 << 20))
        func noParameter() throws {
            guard parameter == nil || length == 0 else { throw P11Error.mechanismParamInvalid }
        }
        switch mechanism.mechanism {
        case CKM_ECDSA: try noParameter(); self = .ecdsa
        case CKM_ECDSA_SHA256: try noParameter(); self = .ecdsaSHA256
        case CKM_RSA_PKCS: try noParameter(); self = .rsaPKCS
        case CKM_SHA256_RSA_PKCS: try noParameter(); self = .sha256RSAPKCS
        case CKM_RSA_PKCS_PSS, CKM_SHA256_RSA_PKCS_PSS:
            // swift-crypto signs PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt only.
            guard let parameter, length == MemoryLayout<CK_RSA_PKCS_PSS_PARAMS>.size else { throw P11Error.mechanismParamInvalid }
            let pss = parameter.assumingMemoryBound(to: CK_RSA_PKCS_PSS_PARAMS.self).pointee
            guard pss.hashAlg == CKM_SHA256, pss.mgf == CKG_MGF1_SHA256, pss.sLen == 32 else {
                throw P11Error.mechanismParamInvalid
            }
            self = mechanism.mechanism == CKM_RSA_PKCS_PSS ? .rsaPSS : .sha256RSAPSS
        case CKM_AES_GCM:
            guard let parameter, length == MemoryLayout<CK_GCM_PARAMS>.size else { throw P11Error.mechanismParamInvalid }
            let gcm = parameter.assumingMemoryBound(to: CK_GCM_PARAMS.self).pointee
            guard gcm.ulTagBits == 128, gcm.ulIvLen >= 12 else { throw P11Error.mechanismParamInvalid }
            self = .aesGCM(iv: try bytes(gcm.pIv, gcm.ulIvLen), aad: try bytes(gcm.pAAD, gcm.ulAADLen))
        case CKM_AES_CBC_PAD:
            guard let parameter, length == 16 else { throw P11Error.mechanismParamInvalid }
            self = .aesCBCPad(iv: Array(UnsafeRawBufferPointer(start: parameter, count: 16)))
        case CKM_AES_KEY_WRAP:
            guard parameter == nil || length == 0 || length == 8 else { throw P11Error.mechanismParamInvalid }
            self = .aesKeyWrap
        case CKM_SHA256: try noParameter(); self = .sha256
        case CKM_AES_KEY_GEN: self = .aesKeyGen
        case CKM_EC_KEY_PAIR_GEN: self = .ecKeyPairGen
        case CKM_RSA_PKCS_KEY_PAIR_GEN: self = .rsaKeyPairGen
        default: throw P11Error.mechanismInvalid
        }
    }
}
