/// What `role show` and `role list` report about one role, for the renderer.
public struct RoleState: Sendable, Equatable {
    public var role: Role
    public var initialized: Bool
    public var lockedOut: Bool
    /// The configured threshold, not the attempts left (docs/lunacm-behaviour.md §7.2).
    public var failedLoginLimit: Int
    public var auth: HSM.Auth
    /// PED partitions with a challenge secret have a secondary (PIN) authentication.
    public var hasChallenge: Bool
    /// HSM policy 21 is on and the credential set by another role was not changed yet.
    public var mustChangePassword: Bool
}

/// What a successful login tells the operator.
public struct LoginResult: Sendable, Equatable {
    public var role: Role
    /// The credential must be changed before crypto use (HSM policy 21, CKR_PIN_EXPIRED).
    public var mustChangePassword: Bool
    /// PED partition with activation: the cached credential was used.
    public var activated: Bool
    /// PED partition without activation: the operator attends to the PED.
    public var attendPED: Bool
}
