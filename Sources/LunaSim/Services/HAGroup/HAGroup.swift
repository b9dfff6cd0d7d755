/// An HA group as LunaCM reports it: the client-side definition from Chrystoki.conf joined with
/// what the fleet says about each member.
public struct HAGroup: Sendable, Equatable {
    public var label: String
    /// The HA Group Number: "1" + the primary's serial on Luna 7 (docs/lunacm-behaviour.md §2.1).
    public var number: String
    /// The virtual slot, once LunaCM has (re)started with the group defined.
    public var slot: Int?
    public var synchronization: Bool
    public var members: [HAMember]
    public var standbySerials: [String]
    /// nil when sync data is not available (no password given).
    public var needsSync: Bool?

    public var primary: HAMember? { members.first }
}

/// One member as the group table shows it.
public struct HAMember: Sendable, Equatable {
    public enum Status: String, Sendable { case alive, down }

    public var serial: String
    /// nil when the member is not visible (down): its label cannot be read.
    public var partition: Partition?
    public var status: Status

    public var label: String? { partition?.label }
    public var slot: Int? { partition?.slot }
}
