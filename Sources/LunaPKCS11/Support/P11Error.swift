import CPKCS11
import LunaSim

/// A PKCS#11 return value as a Swift error, so the entry points are `try` chains that end in one
/// CK_RV. A LunaError keeps its code: the library reports the same CKR value lunacm prints in
/// `Command Result`, so a failed login reads the same in both.
struct P11Error: Error {
    let rv: CK_RV

    init(_ rv: CK_RV) { self.rv = rv }
    init(_ error: LunaError) { self.rv = CK_RV(error.code.value) }

    static let argumentsBad = P11Error(CK_RV(CKR_ARGUMENTS_BAD))
    static let sessionInvalid = P11Error(CK_RV(CKR_SESSION_HANDLE_INVALID))
    static let slotInvalid = P11Error(CK_RV(CKR_SLOT_ID_INVALID))
    static let objectInvalid = P11Error(CK_RV(CKR_OBJECT_HANDLE_INVALID))
    static let keyInvalid = P11Error(CK_RV(CKR_KEY_HANDLE_INVALID))
    static let mechanismInvalid = P11Error(CK_RV(CKR_MECHANISM_INVALID))
    static let mechanismParamInvalid = P11Error(CK_RV(CKR_MECHANISM_PARAM_INVALID))
    static let operationActive = P11Error(CK_RV(CKR_OPERATION_ACTIVE))
    static let operationNotInitialized = P11Error(CK_RV(CKR_OPERATION_NOT_INITIALIZED))
    static let notLoggedIn = P11Error(CK_RV(CKR_USER_NOT_LOGGED_IN))
    static let readOnly = P11Error(CK_RV(CKR_SESSION_READ_ONLY))
    static let templateIncomplete = P11Error(CK_RV(CKR_TEMPLATE_INCOMPLETE))
    static let templateInconsistent = P11Error(CK_RV(CKR_TEMPLATE_INCONSISTENT))
    static let keyFunctionNotPermitted = P11Error(CK_RV(CKR_KEY_FUNCTION_NOT_PERMITTED))
    static let keyTypeInconsistent = P11Error(CK_RV(CKR_KEY_TYPE_INCONSISTENT))
    static let dataLenRange = P11Error(CK_RV(CKR_DATA_LEN_RANGE))
    static let dataInvalid = P11Error(CK_RV(CKR_DATA_INVALID))
    static let encryptedDataInvalid = P11Error(CK_RV(CKR_ENCRYPTED_DATA_INVALID))
    static let signatureInvalid = P11Error(CK_RV(CKR_SIGNATURE_INVALID))
    static let signatureLenRange = P11Error(CK_RV(CKR_SIGNATURE_LEN_RANGE))
    static let bufferTooSmall = P11Error(CK_RV(CKR_BUFFER_TOO_SMALL))
    static let functionFailed = P11Error(CK_RV(CKR_FUNCTION_FAILED))
    static let deviceError = P11Error(CK_RV(CKR_DEVICE_ERROR))
    static let attributeReadOnly = P11Error(CK_RV(CKR_ATTRIBUTE_READ_ONLY))
    static let attributeValueInvalid = P11Error(CK_RV(CKR_ATTRIBUTE_VALUE_INVALID))
    static let keyNotWrappable = P11Error(CK_RV(CKR_KEY_NOT_WRAPPABLE))
    static let keyUnextractable = P11Error(CK_RV(CKR_KEY_UNEXTRACTABLE))
    static let wrappedKeyInvalid = P11Error(CK_RV(CKR_WRAPPED_KEY_INVALID))
}

/// Runs one entry point's body and turns its outcome into the CK_RV the caller gets.
func entry(_ body: () throws -> Void) -> CK_RV {
    do {
        try body()
        return CK_RV(CKR_OK)
    } catch let error as P11Error {
        return error.rv
    } catch let error as LunaError {
        return CK_RV(error.code.value)
    } catch {
        return CK_RV(CKR_GENERAL_ERROR)
    }
}

/// The same, for an entry point that needs the initialized library.
func withRuntime(_ body: (Runtime) throws -> Void) -> CK_RV {
    guard let runtime = Library.current else { return CK_RV(CKR_CRYPTOKI_NOT_INITIALIZED) }
    return entry { try body(runtime) }
}
