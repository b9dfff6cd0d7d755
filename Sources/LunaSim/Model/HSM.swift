/// A simulated Luna HSM: the appliance or card that hosts partitions. HA prerequisites are stated
/// in terms of these fields (auth method, kind, firmware, host, policies 7, 12, 16, 21).
public struct HSM: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case network, pcie, cloud }
    public enum Auth: String, Sendable, CaseIterable { case password, ped }

    public var serial: String
    public var model: String
    public var kind: Kind
    public var firmware: String
    public var auth: Auth
    public var fips: Bool
    /// The host server a PCIe HSM is installed in; PCIe HA members must share it.
    public var host: String?
    public var policies: PolicyTable
    /// HSM SO credential; nil when unknown to the simulator or after the HSM was zeroized.
    public var soPassword: SecretHash?
    /// Consecutive failed HSM SO logins; 3 zeroize the HSM (reference 7.2).
    public var soFailedLogins: Int
    /// A network HSM's NTLS address, the `ServerNameNN` a client registers. Nil for PCIe and cloud
    /// HSMs, and for network HSMs of fleet files that predate client registration: those are
    /// reached without registration.
    public var server: String?
    /// Whether the fleet file starts the client registered with `server`. Chrystoki.conf is what
    /// decides afterwards (`vtl addServer`, `configurator`); this is kept for seeding and export.
    public var registered: Bool

    public init(
        serial: String, model: String, kind: Kind, firmware: String, auth: Auth,
        fips: Bool = false, host: String? = nil, policies: PolicyTable = HSM.defaultPolicies,
        soPassword: SecretHash? = nil, soFailedLogins: Int = 0, server: String? = nil, registered: Bool = true
    ) {
        self.serial = serial
        self.model = model
        self.kind = kind
        self.firmware = firmware
        self.auth = auth
        self.fips = fips
        self.host = host
        self.policies = policies
        self.soPassword = soPassword
        self.soFailedLogins = soFailedLogins
        self.server = server
        self.registered = registered
    }

    /// A fresh Luna 7 HSM (reference 6.1): cloning and non-FIPS algorithms allowed, SO reset of
    /// partition PIN off, network replication off, forced PIN change on.
    public static let defaultPolicies: PolicyTable = [7: 1, 12: 1, 15: 0, 16: 0, 21: 1]

    /// `(PW)` or `(PED)`, as LunaCM writes it inside configuration strings.
    public var authTag: String { auth == .password ? "PW" : "PED" }
}
