/// A PKCS#11 or Luna vendor return code, as LunaCM prints it in `Command Result : 0x<hex> (<name>)`.
///
/// Kept as one table so the codes a script greps for are spelled once (docs/lunacm-behaviour.md §7.1).
public struct ReturnCode: Sendable, Hashable {
    public let value: UInt32
    public let name: String

    public init(_ value: UInt32, _ name: String) {
        self.value = value
        self.name = name
    }

    /// `0x` followed by lower-case hex without padding: the form docs/lunacm-behaviour.md §1.3 records (modelled).
    public var hex: String { "0x" + String(value, radix: 16) }

    public static let ok = ReturnCode(0x0, "CKR_OK")
    public static let cancel = ReturnCode(0x1, "CKR_CANCEL")
    public static let slotIDInvalid = ReturnCode(0x3, "CKR_SLOT_ID_INVALID")
    public static let generalError = ReturnCode(0x5, "CKR_GENERAL_ERROR")
    public static let functionFailed = ReturnCode(0x6, "CKR_FUNCTION_FAILED")
    public static let argumentsBad = ReturnCode(0x7, "CKR_ARGUMENTS_BAD")
    public static let deviceError = ReturnCode(0x30, "CKR_DEVICE_ERROR")
    public static let deviceRemoved = ReturnCode(0x32, "CKR_DEVICE_REMOVED")
    public static let functionNotSupported = ReturnCode(0x54, "CKR_FUNCTION_NOT_SUPPORTED")
    public static let pinIncorrect = ReturnCode(0xa0, "CKR_PIN_INCORRECT")
    public static let pinInvalid = ReturnCode(0xa1, "CKR_PIN_INVALID")
    public static let pinLenRange = ReturnCode(0xa2, "CKR_PIN_LEN_RANGE")
    public static let pinExpired = ReturnCode(0xa3, "CKR_PIN_EXPIRED")
    public static let pinLocked = ReturnCode(0xa4, "CKR_PIN_LOCKED")
    public static let tokenNotPresent = ReturnCode(0xe0, "CKR_TOKEN_NOT_PRESENT")
    public static let tokenNotRecognized = ReturnCode(0xe1, "CKR_TOKEN_NOT_RECOGNIZED")
    public static let userAlreadyLoggedIn = ReturnCode(0x100, "CKR_USER_ALREADY_LOGGED_IN")
    public static let userNotLoggedIn = ReturnCode(0x101, "CKR_USER_NOT_LOGGED_IN")
    public static let userPinNotInitialized = ReturnCode(0x102, "CKR_USER_PIN_NOT_INITIALIZED")
    public static let userTypeInvalid = ReturnCode(0x103, "CKR_USER_TYPE_INVALID")
    public static let userAnotherAlreadyLoggedIn = ReturnCode(0x104, "CKR_USER_ANOTHER_ALREADY_LOGGED_IN")
    public static let objectHandleInvalid = ReturnCode(0x82, "CKR_OBJECT_HANDLE_INVALID")
    public static let keySizeRange = ReturnCode(0x62, "CKR_KEY_SIZE_RANGE")
    public static let userLockedOut = ReturnCode(0x8000_0007, "CKR_USER_LOCKED_OUT")
    public static let cloningParameterAlreadyExists = ReturnCode(0x8000_0008, "CKR_CLONING_PARAMETER_ALREADY_EXISTS")
    public static let cloningParameterMissing = ReturnCode(0x8000_0009, "CKR_CLONING_PARAMETER_MISSING")
    public static let userNotAuthorized = ReturnCode(0x8000_001a, "CKR_USER_NOT_AUTHORIZED")
    public static let operationNotAllowed = ReturnCode(0x8000_0030, "CKR_OPERATION_NOT_ALLOWED")
    public static let challengeIncorrect = ReturnCode(0x8000_0067, "CKR_CHALLENGE_INCORRECT")
    public static let accessIDAlreadyExists = ReturnCode(0x8000_0069, "CKR_ACCESS_ID_ALREADY_EXISTS")
    public static let objectAlreadyExists = ReturnCode(0x8000_006f, "CKR_OBJECT_ALREADY_EXISTS")
    public static let configChangeIllegal = ReturnCode(0x8000_0077, "CKR_CONFIG_CHANGE_ILLEGAL")
    public static let policyIDInvalid = ReturnCode(0x8000_007b, "CKR_POLICY_ID_INVALID")
    public static let configIllegal = ReturnCode(0x8000_007c, "CKR_CONFIG_ILLEGAL")
    public static let configFailsDependencies = ReturnCode(0x8000_007d, "CKR_CONFIG_FAILS_DEPENDENCIES")
    public static let smkIDNotFound = ReturnCode(0x8000_0099, "CKR_SMK_ID_NOT_FOUND")
}
