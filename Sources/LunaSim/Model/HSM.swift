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
    /// Consecutive failed HSM SO logins; 3 zeroize the HSM (docs/lunacm-behaviour.md §7.2).
    public var soFailedLogins: Int
    /// A network HSM's NTLS address, the `ServerNameNN` a client registers. Nil for PCIe and cloud
    /// HSMs, and for network HSMs of fleet files that predate client registration: those are
    /// reached without registration.
    public var server: String?
    /// Whether the fleet file starts the client registered with `server`. Chrystoki.conf is what
    /// decides afterwards (`vtl addServer`, `configurator`); this is kept for seeding and export.
    public var registered: Bool
    /// The label `hsm init` gave the HSM (`hsm showinfo`'s `HSM Label`).
    public var label: String
    /// Licence lines `hsm showinfo` lists under `License Count:` (part number and what it
    /// enables), as the fleet gives them.
    public var licenses: [String]
    /// False once the HSM is zeroized (three bad HSM SO logins, `hsm zeroize`): no SO, no
    /// partition can be initialized, until `hsm init` initializes it again.
    public var initialized: Bool
    /// The HSM's cloning domain, set by `hsm init`; nil when the fleet does not state it.
    public var domain: String?

    public init(
        serial: String, model: String, kind: Kind, firmware: String, auth: Auth,
        fips: Bool = false, host: String? = nil, policies: PolicyTable = HSM.defaultPolicies,
        soPassword: SecretHash? = nil, soFailedLogins: Int = 0, server: String? = nil, registered: Bool = true,
        label: String = HSM.defaultLabel,
        licenses: [String] = HSM.defaultLicenses, initialized: Bool = true, domain: String? = nil
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
        self.label = label
        self.licenses = licenses
        self.initialized = initialized
        self.domain = domain
    }

    /// The label of an HSM whose fleet entry names none: the example label of the Thales page
    /// "hsm init" (Luna Network HSM 7 LunaSH Command Reference).
    public static let defaultLabel = "myLunaHSM"

    /// The licences of an HSM whose fleet entry lists none: a Luna Network HSM 7 base model with
    /// its partition licence. The part numbers are modelled (docs/hsm-showinfo.md).
    public static let defaultLicenses = [
        "621000135-002 Luna Network HSM 7 base model",
        "621000146-001 100 partitions",
    ]

    /// A fresh Luna 7 HSM (docs/lunacm-behaviour.md §6.1): cloning and non-FIPS algorithms allowed, SO reset of
    /// partition PIN off, network replication off, forced PIN change on.
    public static let defaultPolicies: PolicyTable = [7: 1, 12: 1, 15: 0, 16: 0, 21: 1]

    /// `(PW)` or `(PED)`, as LunaCM writes it inside configuration strings.
    public var authTag: String { auth == .password ? "PW" : "PED" }
}
