/// A simulated application partition: what LunaCM shows as a physical slot and what an HA group
/// is made of. Secrets are held only as salted slow hashes (`SecretHash`), never in clear.
public struct Partition: Sendable, Equatable {
    public var label: String
    public var serial: String
    public var slot: Int
    /// Serial of the HSM that hosts it.
    public var hsmSerial: String
    /// Cloning domain; nil while the partition is not initialized.
    public var domain: String?
    /// Crypto Officer credential; nil while the CO role is not initialized.
    public var coPassword: SecretHash?
    /// False until the CO changed the credential the PO set (HSM policy 21 forces the change).
    public var coPasswordChanged: Bool
    /// PED partitions: the CO role is activated (credential cached, policy 22).
    public var activated: Bool
    /// PED partitions: the activation challenge secret.
    public var challenge: SecretHash?
    /// The partition is reached over a Secure Trusted Channel.
    public var stc: Bool
    public var policies: PolicyTable
    /// The SKS master key (32 bytes), nil until the partition has one.
    public var smk: [UInt8]?
    /// Partition SO credential; nil until `partition init` sets it (or after the partition was
    /// zeroized by too many bad PO logins, docs/lunacm-behaviour.md §7.2).
    public var poPassword: SecretHash?
    /// Crypto User credential; nil while the CO has not initialized the CU role.
    public var cuPassword: SecretHash?
    /// As `coPasswordChanged`, for the Crypto User (policy 21 speaks of "user PIN").
    public var cuPasswordChanged: Bool
    /// Consecutive failed logins, per role. They live in the state, not the session, so that a
    /// second lunacm process sees the same count (docs/lunacm-behaviour.md §7.2).
    public var failedLogins: FailedLogins
    /// The CO and CU are locked out (too many bad CO or CU logins) until the PO resets the CO
    /// credential (HSM policy 15) or re-initializes the partition.
    public var userLockedOut: Bool
    /// The appliance has assigned this partition to this client (`client assignPartition`, or
    /// `clientconfig deploy`). Only meaningful on a network HSM with a server address.
    public var assigned: Bool

    public init(
        label: String, serial: String, slot: Int, hsmSerial: String, domain: String? = nil,
        coPassword: SecretHash? = nil, coPasswordChanged: Bool = false, activated: Bool = false,
        challenge: SecretHash? = nil, stc: Bool = false,
        policies: PolicyTable = Partition.defaultPolicies, smk: [UInt8]? = nil,
        poPassword: SecretHash? = nil, cuPassword: SecretHash? = nil, cuPasswordChanged: Bool = false,
        failedLogins: FailedLogins = FailedLogins(), userLockedOut: Bool = false, assigned: Bool = true
    ) {
        self.label = label
        self.serial = serial
        self.slot = slot
        self.hsmSerial = hsmSerial
        self.domain = domain
        self.coPassword = coPassword
        self.coPasswordChanged = coPasswordChanged
        self.activated = activated
        self.challenge = challenge
        self.stc = stc
        self.policies = policies
        self.smk = smk
        self.poPassword = poPassword
        self.cuPassword = cuPassword
        self.cuPasswordChanged = cuPasswordChanged
        self.failedLogins = failedLogins
        self.userLockedOut = userLockedOut
        self.assigned = assigned
    }

    /// A fresh Luna 7 partition (docs/lunacm-behaviour.md §6.2): key cloning allowed, 10 failed logins before
    /// lockout, activation and auto-activation off.
    public static let defaultPolicies: PolicyTable = [0: 1, 1: 1, 2: 1, 4: 1, 5: 1, 6: 1, 20: 10, 22: 0, 23: 0]

    /// Initialized means a Partition SO exists (or a domain was set by a fleet file that did not
    /// state the PO credential): re-initializing it then needs the PO logged in.
    public var isInitialized: Bool { poPassword != nil || domain != nil }
}

/// Consecutive failed logins of the partition's roles since their last success.
public struct FailedLogins: Sendable, Equatable {
    public var po: Int
    public var co: Int
    public var cu: Int

    public init(po: Int = 0, co: Int = 0, cu: Int = 0) {
        self.po = po
        self.co = co
        self.cu = cu
    }
}
