/// The HSM and partition policy numbers and their Luna 7 names (docs/lunacm-behaviour.md §6.1, §6.2), with what
/// `changepolicy` needs to know about each: whether it is a capability only, whether a change is
/// destructive, and what values it takes. One table per kind, so a corrected name is one edit.
public struct PolicyDefinition: Sendable, Equatable {
    public enum Values: Sendable, Equatable {
        /// 0 or 1.
        case flag
        /// A number from 0 up to the capability's value (policy 20 may only be lowered).
        case upToCapability
        /// A number in a fixed range.
        case range(ClosedRange<Int>)
    }

    public let number: Int
    /// The policy name (`Allow cloning`).
    public let name: String
    /// The capability name (`Enable cloning`); docs/lunacm-behaviour.md §6.3: capabilities say "Enable".
    public let capabilityName: String
    /// Shown under Capabilities only; `changepolicy` refuses it.
    public let capabilityOnly: Bool
    /// Changing it destroys objects or roles, so LunaCM asks `proceed` (docs/lunacm-behaviour.md §1.6).
    public let destructive: Destructive
    public let values: Values

    public enum Destructive: Sendable, Equatable {
        case never
        case always
        /// Only when turned on (HSM policy 15, docs/lunacm-behaviour.md §6.1).
        case whenTurnedOn
    }

    init(_ number: Int, _ name: String, capability: String? = nil, capabilityOnly: Bool = false,
         destructive: Destructive = .never, values: Values = .flag) {
        self.number = number
        self.name = name
        self.capabilityName = capability ?? Self.enableName(name)
        self.capabilityOnly = capabilityOnly
        self.destructive = destructive
        self.values = values
    }

    /// "Allow X" becomes "Enable X"; other names are kept.
    static func enableName(_ name: String) -> String {
        name.hasPrefix("Allow ") ? "Enable " + name.dropFirst("Allow ".count) : name
    }

    /// Whether changing from `old` to `new` is destructive.
    public func isDestructive(from old: Int, to new: Int) -> Bool {
        guard old != new else { return false }
        switch destructive {
        case .never: return false
        case .always: return true
        case .whenTurnedOn: return new != 0
        }
    }
}

public enum PolicyCatalog {
    /// HSM capabilities and policies (docs/lunacm-behaviour.md §6.1). Names are modelled except 7, 12, 15, 16, 21 (documented);
    /// destructive: 6, 7, 12 (modelled), 15 when turned on.
    public static let hsm: [PolicyDefinition] = [
        .init(0, "PIN-based authentication", capability: "Enable PIN-based authentication", capabilityOnly: true),
        .init(1, "PED-based authentication", capability: "Enable PED-based authentication", capabilityOnly: true),
        .init(2, "Performance level", capability: "Performance level", capabilityOnly: true, values: .range(0...15)),
        .init(4, "Allow domestic algorithms"),
        .init(6, "Allow masking", destructive: .always),
        .init(7, "Allow cloning", destructive: .always),
        .init(12, "Allow non-FIPS algorithms", destructive: .always),
        .init(15, "SO can reset partition PIN", capability: "Enable SO reset of partition PIN", destructive: .whenTurnedOn),
        .init(16, "Allow network replication"),
        .init(20, "Allow remote authentication"),
        .init(21, "Force user PIN change after set/reset", capability: "Enable forcing user PIN change"),
        .init(22, "Allow offboard storage"),
        .init(23, "Allow partition groups"),
        .init(25, "Allow remote PED usage"),
        .init(29, "Allow acceleration"),
        .init(30, "Allow unmasking"),
        .init(33, "Current maximum number of partitions", capability: "Maximum number of partitions", capabilityOnly: true, values: .range(0...100)),
        .init(35, "Single domain", capability: "Enable single domain"),
        .init(37, "Allow MofN"),
        .init(38, "Allow small form factor backup/restore"),
        .init(39, "Allow Secure Trusted Channel"),
        .init(40, "Decommission on tamper", capability: "Enable decommission on tamper"),
        .init(42, "Allow partition re-initialize"),
        .init(46, "Disable decommission", capability: "Enable disable decommission"),
    ]

    /// Partition capabilities and policies (docs/lunacm-behaviour.md §6.2). Documented names for 0, 4, 20, 22, 23.
    /// Modelled: turning on key cloning or wrapping (0, 1, 4, 5) is destructive: the partition's
    /// objects are deleted, so keys made under a stricter policy never leave under a looser one.
    public static let partition: [PolicyDefinition] = [
        .init(0, "Allow private key cloning", destructive: .whenTurnedOn),
        .init(1, "Allow private key wrapping", destructive: .whenTurnedOn),
        .init(2, "Allow private key unwrapping"),
        .init(3, "Allow private key masking"),
        .init(4, "Allow secret key cloning", destructive: .whenTurnedOn),
        .init(5, "Allow secret key wrapping", destructive: .whenTurnedOn),
        .init(6, "Allow secret key unwrapping"),
        .init(7, "Allow secret key masking"),
        .init(10, "Allow multipurpose keys"),
        .init(11, "Allow changing key attributes"),
        .init(15, "Ignore failed challenge responses", capability: "Enable ignore failed challenge responses"),
        .init(16, "Operate without RSA blinding", capability: "Enable operate without RSA blinding"),
        .init(17, "Allow signing with non-local keys"),
        .init(18, "Allow raw RSA operations"),
        .init(20, "Max failed user logins allowed", capability: "Max failed user logins allowed", values: .upToCapability),
        .init(21, "Allow high availability recovery"),
        .init(22, "Allow activation"),
        .init(23, "Allow auto-activation"),
        .init(24, "Allow indirect login"),
        .init(28, "Allow Key Management Functions"),
        .init(29, "Perform RSA signing without confirmation", capability: "Enable RSA signing without confirmation"),
        .init(30, "Allow remote authentication"),
        .init(33, "Allow RSA PKCS mechanism"),
        .init(34, "Allow CBC-PAD (un)wrap keys of any size"),
        .init(37, "Force Secure Trusted Channel", capability: "Enable Secure Trusted Channel"),
        .init(39, "Allow Start/End Date Attributes"),
    ]

    public static func hsmPolicy(_ number: Int) -> PolicyDefinition? { hsm.first { $0.number == number } }
    public static func partitionPolicy(_ number: Int) -> PolicyDefinition? { partition.first { $0.number == number } }

    /// What the HSM is able to do (its capabilities): everything in the catalog, except that
    /// authentication follows the HSM's method. Modelled values for the value-type entries.
    public static func hsmCapability(_ definition: PolicyDefinition, of hsm: HSM) -> Int {
        switch definition.number {
        case 0: hsm.auth == .password ? 1 : 0
        case 1: hsm.auth == .ped ? 1 : 0
        case 2: 15
        case 33: 100
        default: 1
        }
    }

    /// What a partition is able to do. Activation and auto-activation (22, 23) cache a PED
    /// credential, so a password-authenticated partition cannot turn them on (modelled); policy 20's
    /// capability is 10, the most failed logins it may allow (docs/lunacm-behaviour.md §7.2).
    public static func partitionCapability(_ definition: PolicyDefinition, on hsm: HSM) -> Int {
        switch definition.number {
        case 20: 10
        case 22, 23: hsm.auth == .ped ? 1 : 0
        default: 1
        }
    }

    /// The value shown for a policy: what the table holds, or 0 when it is not set (the HA
    /// consistency check reads an unset policy as 0 too).
    public static func value(_ definition: PolicyDefinition, in table: PolicyTable) -> Int {
        table[definition.number] ?? 0
    }
}
