/// The roles LunaCM names with `-name` (docs/lunacm-behaviour.md §3.2). On an application partition the
/// Partition SO, Crypto Officer and Crypto User (and the Limited Crypto Officer from firmware
/// 7.7) exist; the HSM SO and Auditor belong to the HSM. The simulator shows no HSM admin slot for
/// network HSMs, so `so` on a partition's slot stands for the SO of the HSM that hosts it.
public enum Role: String, Sendable, CaseIterable {
    case so, au, po, co, cu, lco

    /// How `role show` and `partition showinfo` name the role.
    public var displayName: String {
        switch self {
        case .so: "HSM SO"
        case .au: "Auditor"
        case .po: "Partition SO"
        case .co: "Crypto Officer"
        case .cu: "Crypto User"
        case .lco: "Limited Crypto Officer"
        }
    }

    /// The role `-name` names: the short name or the display name, ignoring case
    /// (`role show -name "Crypto User"` worked in the capture docs/lunacm-behaviour.md §3.2 cites).
    public init?(named text: String) {
        let lowered = text.lowercased()
        if let role = Role(rawValue: lowered) {
            self = role
            return
        }
        guard let role = Role.allCases.first(where: { $0.displayName.lowercased() == lowered }) else { return nil }
        self = role
    }

    /// Every accepted spelling of `-name`, for the grammar's choice list.
    public static var spellings: [String] { allCases.map(\.rawValue) + allCases.map(\.displayName) }

    /// Roles that use keys (and whose credential HSM policy 21 forces to be changed).
    public var isCryptoRole: Bool { self == .co || self == .cu || self == .lco }
}
