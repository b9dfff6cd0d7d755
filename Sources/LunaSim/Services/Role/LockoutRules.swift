/// How many bad logins each role may make, and what happens then (docs/lunacm-behaviour.md §7.2): 3 for the HSM
/// SO (the HSM is zeroized), 10 for the Partition SO (the partition is zeroized), 10 for the
/// Crypto Officer and Crypto User unless partition policy 20 lowers it (both are locked out).
public enum LockoutRules {
    public static let soLimit = 3
    public static let poLimit = 10
    public static let defaultUserLimit = 10
    /// `role show` prints this for the change-password counter (docs/lunacm-behaviour.md §3.2, §7.2).
    public static let changePasswordLimit = 10

    /// The code a login into a locked-out CO or CU meets (modelled): docs/lunacm-behaviour.md §7.2 cannot tell
    /// CKR_PIN_LOCKED from CKR_USER_LOCKED_OUT (open question 17); PKCS#11's C_Login answers a
    /// locked PIN with CKR_PIN_LOCKED, so that is the choice. Change it here.
    public static let lockedOutCode: ReturnCode = .pinLocked

    /// The CO/CU limit: partition policy 20, which may only lower the default.
    public static func userLimit(_ partition: Partition) -> Int {
        guard let value = partition.policies[20], value > 0 else { return defaultUserLimit }
        return min(value, defaultUserLimit)
    }

    public static func limit(for role: Role, on partition: Partition) -> Int {
        switch role {
        case .so: soLimit
        case .po: poLimit
        case .co, .cu, .lco, .au: userLimit(partition)
        }
    }
}
