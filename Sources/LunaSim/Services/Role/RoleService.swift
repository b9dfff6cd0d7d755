/// The `role` operations on one partition (docs/lunacm-behaviour.md §3.2, §7.2). Who is logged in is the
/// session's business (the shell checks it before calling); what the state must remember, the
/// credentials, the failed-login counters and the lockout, lives here. A wrong credential is
/// counted and committed even though the command fails: `transaction.failureAfterCommit`.
public enum RoleService {
    // MARK: Login

    /// Checks `secret` for `role` on each of `serials` (one partition, or every alive member of
    /// an HA group), counting a failure on the partition that refused it. In a read transaction
    /// nothing is written; the caller sees from `failureAfterCommit` and the fleet whether the
    /// attempt must be repeated under the write lock to record it.
    public static func login(_ role: Role, secret: String, on serials: [String],
                             _ transaction: StateTransaction) throws(LunaError) -> LoginResult {
        var result = LoginResult(role: role, mustChangePassword: false, activated: false, attendPED: false)
        for serial in serials {
            let partition = try partition(serial, transaction)
            let hsm = try transaction.hsmOf(partition)
            guard let one = try login(role, secret: secret, partition: partition, hsm: hsm, transaction) else {
                return result
            }
            result.mustChangePassword = result.mustChangePassword || one.mustChangePassword
            result.activated = one.activated
            result.attendPED = one.attendPED
        }
        return result
    }

    /// nil when the attempt failed and the failure was recorded (`failureAfterCommit` is set).
    private static func login(_ role: Role, secret: String, partition: Partition, hsm: HSM,
                              _ transaction: StateTransaction) throws(LunaError) -> LoginResult? {
        let name = "partition \(partition.label) (\(partition.serial))"
        switch role {
        case .au:
            throw LunaError(.userTypeInvalid, "The Auditor logs in on the HSM admin slot, not on the application \(name).")
        case .lco:
            throw LunaError(.userTypeInvalid, "The Limited Crypto Officer exists from firmware 7.7.0; HSM \(hsm.serial) runs \(hsm.firmware).")
        case .so:
            guard hsm.initialized else {
                throw LunaError(.userPinNotInitialized, "HSM \(hsm.serial) is zeroized: it has no HSM SO until it is initialized again ('hsm init -label <label>').")
            }
            guard let credential = hsm.soPassword else {
                throw LunaError(.userPinNotInitialized, "The HSM SO credential of HSM \(hsm.serial) is not set (give soPassword in the fleet file).")
            }
            var updated = hsm
            guard credential.matches(secret) else {
                updated.soFailedLogins += 1
                if updated.soFailedLogins >= LockoutRules.soLimit {
                    if transaction.isWritable { try zeroize(hsm: updated, transaction) }
                    transaction.failureAfterCommit = LunaError(.pinIncorrect, "The password is incorrect for the HSM SO; \(LockoutRules.soLimit) consecutive failures zeroized HSM \(hsm.serial) and all its partitions.")
                } else {
                    transaction.fleet.update(updated)
                    transaction.failureAfterCommit = LunaError(.pinIncorrect, "The password is incorrect for the HSM SO of HSM \(hsm.serial) (\(updated.soFailedLogins) of \(LockoutRules.soLimit) attempts before the HSM is zeroized).")
                }
                return nil
            }
            updated.soFailedLogins = 0
            transaction.fleet.update(updated)
            return LoginResult(role: .so, mustChangePassword: false, activated: false, attendPED: hsm.auth == .ped)
        case .po:
            guard let credential = partition.poPassword else {
                if partition.domain != nil {
                    throw LunaError(.userPinNotInitialized, "The Partition SO credential of \(name) is not known to the simulator: its fleet file gives no poPassword.")
                }
                throw LunaError(.userPinNotInitialized, "The Partition SO of \(name) is not initialized; run 'partition init' first.")
            }
            var updated = partition
            guard credential.matches(secret) else {
                updated.failedLogins.po += 1
                if updated.failedLogins.po >= LockoutRules.poLimit {
                    if transaction.isWritable { try zeroize(partition: updated, transaction) }
                    transaction.failureAfterCommit = LunaError(.pinIncorrect, "The password is incorrect for the Partition SO; \(LockoutRules.poLimit) consecutive failures zeroized \(name): run 'partition init' again.")
                } else {
                    transaction.fleet.update(updated)
                    transaction.failureAfterCommit = LunaError(.pinIncorrect, "The password is incorrect for the Partition SO of \(name).")
                }
                return nil
            }
            updated.failedLogins.po = 0
            transaction.fleet.update(updated)
            return LoginResult(role: .po, mustChangePassword: false, activated: false, attendPED: hsm.auth == .ped)
        case .co, .cu:
            let credential = role == .co ? partition.coPassword : partition.cuPassword
            guard let credential else {
                throw LunaError(.userPinNotInitialized, "The \(role.displayName) role of \(name) is not initialized.")
            }
            if partition.userLockedOut {
                throw LunaError(LockoutRules.lockedOutCode, "The Crypto Officer and Crypto User of \(name) are locked out after too many failed logins; the Partition SO must reset the CO password ('role resetpw -name co', HSM policy 15) or re-initialize the partition.")
            }
            let activated = hsm.auth == .ped && partition.activated && partition.policies.isOn(22)
            let accepted = activated ? (partition.challenge?.matches(secret) ?? false) : credential.matches(secret)
            var updated = partition
            guard accepted else {
                let limit = LockoutRules.userLimit(partition)
                if role == .co { updated.failedLogins.co += 1 } else { updated.failedLogins.cu += 1 }
                let count = role == .co ? updated.failedLogins.co : updated.failedLogins.cu
                var reason = "The password is incorrect for the \(role.displayName) of \(name)."
                if count >= limit {
                    updated.userLockedOut = true
                    reason += " \(limit) consecutive failures locked out the Crypto Officer and Crypto User."
                }
                transaction.fleet.update(updated)
                transaction.failureAfterCommit = LunaError(.pinIncorrect, reason)
                return nil
            }
            if role == .co { updated.failedLogins.co = 0 } else { updated.failedLogins.cu = 0 }
            transaction.fleet.update(updated)
            return LoginResult(role: role, mustChangePassword: mustChange(role, updated, hsm), activated: activated,
                               attendPED: hsm.auth == .ped && !activated)
        }
    }

    /// HSM policy 21: a CO or CU credential set or reset by another role must be changed first.
    public static func mustChange(_ role: Role, _ partition: Partition, _ hsm: HSM) -> Bool {
        guard hsm.policies.isOn(21) else { return false }
        switch role {
        case .co: return !partition.coPasswordChanged
        case .cu: return !partition.cuPasswordChanged
        default: return false
        }
    }

    /// Refuses crypto use while the logged-in role's credential is expired (CKR_PIN_EXPIRED).
    public static func checkNotExpired(_ role: Role, on serial: String, _ transaction: StateTransaction) throws(LunaError) {
        let partition = try partition(serial, transaction)
        if mustChange(role, partition, try transaction.hsmOf(partition)) {
            throw LunaError(.pinExpired, "The \(role.displayName) of partition \(partition.label) (\(partition.serial)) must change the initial password first ('role changepw -name \(role.rawValue)'): HSM policy 21 (Force user PIN change after set/reset) is on.")
        }
    }

    // MARK: Credentials

    /// `role changepw`: the logged-in role changes its own credential.
    public static func changePassword(_ role: Role, old: String, new: String, on serial: String,
                                      _ transaction: StateTransaction) throws(LunaError) {
        var partition = try partition(serial, transaction)
        let name = "partition \(partition.label) (\(partition.serial))"
        switch role {
        case .so:
            var hsm = try transaction.hsmOf(partition)
            guard let credential = hsm.soPassword, credential.matches(old) else {
                throw LunaError(.pinIncorrect, "The old password is incorrect for the HSM SO of HSM \(hsm.serial).")
            }
            try CredentialRules.checkPassword(new, what: "new password")
            hsm.soPassword = SecretHash.make(new, random: &transaction.random)
            transaction.fleet.update(hsm)
            return
        case .au, .lco:
            throw LunaError(.userTypeInvalid, "The \(role.displayName) role does not exist on \(name).")
        case .po, .co, .cu:
            break
        }
        let credential: SecretHash? = switch role {
        case .po: partition.poPassword
        case .co: partition.coPassword
        default: partition.cuPassword
        }
        guard let credential else {
            throw LunaError(.userPinNotInitialized, "The \(role.displayName) role of \(name) is not initialized.")
        }
        guard credential.matches(old) else {
            throw LunaError(.pinIncorrect, "The old password is incorrect for the \(role.displayName) of \(name).")
        }
        try CredentialRules.checkPassword(new, what: "new password")
        let hash = SecretHash.make(new, random: &transaction.random)
        switch role {
        case .po: partition.poPassword = hash
        case .co: partition.coPassword = hash; partition.coPasswordChanged = true
        default: partition.cuPassword = hash; partition.cuPasswordChanged = true
        }
        transaction.fleet.update(partition)
    }

    /// `role init`: the PO initializes the CO, the CO initializes the CU (docs/lunacm-behaviour.md §3.2). The
    /// new credential counts as "set by another role" for HSM policy 21.
    public static func initialize(_ role: Role, password: String, on serial: String,
                                  _ transaction: StateTransaction) throws(LunaError) {
        var partition = try partition(serial, transaction)
        let name = "partition \(partition.label) (\(partition.serial))"
        guard partition.domain != nil else {
            throw LunaError(.tokenNotRecognized, "The \(name) is not initialized: run 'partition init' with a cloning domain first.")
        }
        switch role {
        case .co:
            guard partition.coPassword == nil else {
                throw LunaError(.operationNotAllowed, "The Crypto Officer of \(name) is already initialized; use 'role resetpw -name co' to give it a new password.")
            }
        case .cu:
            guard partition.cuPassword == nil else {
                throw LunaError(.operationNotAllowed, "The Crypto User of \(name) is already initialized; use 'role resetpw -name cu' to give it a new password.")
            }
        default:
            throw LunaError(.userTypeInvalid, "'role init' initializes the Crypto Officer (as the Partition SO) or the Crypto User (as the Crypto Officer); \(role.displayName) cannot be initialized here.")
        }
        try CredentialRules.checkPassword(password)
        let hash = SecretHash.make(password, random: &transaction.random)
        if role == .co {
            partition.coPassword = hash
            partition.coPasswordChanged = false
            partition.failedLogins.co = 0
            partition.userLockedOut = false
        } else {
            partition.cuPassword = hash
            partition.cuPasswordChanged = false
            partition.failedLogins.cu = 0
        }
        transaction.fleet.update(partition)
    }

    /// `role resetpw`: the PO resets the CO only when HSM policy 15 is on (docs/lunacm-behaviour.md §3.2), which
    /// also lifts a CO/CU lockout (docs/lunacm-behaviour.md §7.2); the CO resets the CU.
    public static func resetPassword(_ role: Role, password: String, on serial: String,
                                     _ transaction: StateTransaction) throws(LunaError) {
        var partition = try partition(serial, transaction)
        let hsm = try transaction.hsmOf(partition)
        let name = "partition \(partition.label) (\(partition.serial))"
        switch role {
        case .co:
            guard hsm.policies.isOn(15) else {
                throw LunaError(.operationNotAllowed, "HSM policy 15 (SO can reset partition PIN) is off on HSM \(hsm.serial): the Partition SO cannot reset the Crypto Officer password; re-initialize the partition instead.")
            }
            guard partition.coPassword != nil else {
                throw LunaError(.userPinNotInitialized, "The Crypto Officer role of \(name) is not initialized; use 'role init -name co'.")
            }
            try CredentialRules.checkPassword(password)
            partition.coPassword = SecretHash.make(password, random: &transaction.random)
            partition.coPasswordChanged = false
            partition.failedLogins.co = 0
            partition.failedLogins.cu = 0
            partition.userLockedOut = false
        case .cu:
            guard partition.cuPassword != nil else {
                throw LunaError(.userPinNotInitialized, "The Crypto User role of \(name) is not initialized; use 'role init -name cu'.")
            }
            try CredentialRules.checkPassword(password)
            partition.cuPassword = SecretHash.make(password, random: &transaction.random)
            partition.cuPasswordChanged = false
            partition.failedLogins.cu = 0
        default:
            throw LunaError(.userTypeInvalid, "'role resetpw' resets the Crypto Officer (as the Partition SO) or the Crypto User (as the Crypto Officer).")
        }
        transaction.fleet.update(partition)
    }

    /// `role createchallenge`: the activation challenge secret of a PED partition's CO.
    public static func createChallenge(_ role: Role, challenge: String, on serial: String,
                                       _ transaction: StateTransaction) throws(LunaError) {
        var partition = try partition(serial, transaction)
        let hsm = try transaction.hsmOf(partition)
        guard role == .co || role == .cu else {
            throw LunaError(.userTypeInvalid, "A challenge secret is created for the Crypto Officer or the Crypto User.")
        }
        guard hsm.auth == .ped else {
            throw LunaError(.operationNotAllowed, "Challenge secrets are for PED-authenticated partitions; partition \(partition.label) uses passwords.")
        }
        guard (role == .co ? partition.coPassword : partition.cuPassword) != nil else {
            throw LunaError(.userPinNotInitialized, "The \(role.displayName) role of partition \(partition.label) is not initialized.")
        }
        try CredentialRules.checkChallenge(challenge)
        partition.challenge = SecretHash.make(challenge, random: &transaction.random)
        transaction.fleet.update(partition)
    }

    /// `role setdomain`: gives a partition initialized without one its cloning domain. Modelled: a
    /// domain already set cannot be replaced (re-initialize the partition instead).
    public static func setDomain(_ domain: String, on serial: String, _ transaction: StateTransaction) throws(LunaError) {
        var partition = try partition(serial, transaction)
        if partition.domain != nil {
            throw LunaError(.cloningParameterAlreadyExists, "Partition \(partition.label) already has a cloning domain; re-initialize it ('partition init') to change it.")
        }
        try CredentialRules.checkDomain(domain)
        partition.domain = domain
        transaction.fleet.update(partition)
    }

    /// `role deactivate`: clears the cached activation of a PED partition's Crypto Officer (and
    /// Crypto User, who shares it), so the next login needs the PED again (partition policy 22;
    /// the Thales page "role deactivate"). Refused, changing nothing, on a password partition or when not activated.
    public static func deactivate(_ role: Role, on serial: String, _ transaction: StateTransaction) throws(LunaError) {
        var partition = try partition(serial, transaction)
        let hsm = try transaction.hsmOf(partition)
        let name = "partition \(partition.label) (\(partition.serial))"
        try checkDeactivatable(role)
        guard hsm.auth == .ped else {
            throw LunaError(.operationNotAllowed, "Activation is for PED-authenticated partitions; \(name) uses passwords.")
        }
        guard partition.activated else {
            throw LunaError(.operationNotAllowed, "The \(role.displayName) of \(name) is not activated.")
        }
        partition.activated = false
        transaction.fleet.update(partition)
    }

    /// Only the CO and CU hold an activation (CKR_USER_TYPE_INVALID for the other roles).
    public static func checkDeactivatable(_ role: Role) throws(LunaError) {
        guard role == .co || role == .cu else {
            throw LunaError(.userTypeInvalid, "Only the Crypto Officer and Crypto User are activated; the \(role.displayName) cannot be deactivated.")
        }
    }

    // MARK: Showing

    public static func state(_ role: Role, on serial: String, _ transaction: StateTransaction) throws(LunaError) -> RoleState {
        let partition = try partition(serial, transaction)
        let hsm = try transaction.hsmOf(partition)
        let initialized: Bool
        var locked = false
        switch role {
        case .so: initialized = hsm.soPassword != nil
        case .po: initialized = partition.poPassword != nil
        case .co: initialized = partition.coPassword != nil; locked = partition.userLockedOut
        case .cu: initialized = partition.cuPassword != nil; locked = partition.userLockedOut
        case .au, .lco:
            throw LunaError(.userTypeInvalid, "The \(role.displayName) role does not exist on partition \(partition.label).")
        }
        return RoleState(role: role, initialized: initialized, lockedOut: locked,
                         failedLoginLimit: LockoutRules.limit(for: role, on: partition), auth: hsm.auth,
                         hasChallenge: partition.challenge != nil && (role == .co || role == .cu),
                         mustChangePassword: initialized && mustChange(role, partition, hsm))
    }

    /// `role list`: the roles of an application partition.
    public static func list(on serial: String, _ transaction: StateTransaction) throws(LunaError) -> [RoleState] {
        var states: [RoleState] = []
        for role in [Role.po, .co, .cu] { states.append(try state(role, on: serial, transaction)) }
        return states
    }

    // MARK: Zeroizing

    /// Ten bad PO logins: the partition loses its objects, roles, domain and SMK and must be
    /// initialized again (docs/lunacm-behaviour.md §7.2).
    static func zeroize(partition: Partition, _ transaction: StateTransaction) throws(LunaError) {
        try transaction.removeObjects(on: partition.serial)
        var cleared = Partition(label: partition.label, serial: partition.serial, slot: partition.slot,
                                hsmSerial: partition.hsmSerial, stc: partition.stc)
        cleared.policies = partition.policies
        transaction.fleet.update(cleared)
    }

    /// Three bad HSM SO logins (or `hsm zeroize`) zeroize the HSM: every partition on it, the SO
    /// credential and the cloning domain; the HSM stays uninitialized until `hsm init`.
    static func zeroize(hsm: HSM, _ transaction: StateTransaction) throws(LunaError) {
        for partition in transaction.fleet.partitions where partition.hsmSerial == hsm.serial {
            try zeroize(partition: partition, transaction)
        }
        var cleared = hsm
        cleared.soPassword = nil
        cleared.soFailedLogins = 0
        cleared.initialized = false
        cleared.domain = nil
        transaction.fleet.update(cleared)
    }

    static func partition(_ serial: String, _ transaction: StateTransaction) throws(LunaError) -> Partition {
        guard let partition = transaction.fleet.partition(serial: serial) else {
            throw LunaError(.slotIDInvalid, "No partition with serial number \(serial) is visible to this client.")
        }
        return partition
    }
}
