import LunaSim

/// Chooses the member of an HA group that serves the next operation on its virtual slot. The one
/// seam where the HA run time (member state, load balancing, failover) plugs into the library:
/// everything else asks it, and any member it names holds the same objects (replication).
protocol MemberDispatcher: AnyObject {
    /// The member serial for the next operation; `candidates` are the group's members the fleet
    /// holds, in Chrystoki.conf order. nil when no member can serve (all down).
    func member(of group: VirtualSlot, candidates: [String]) -> String?
}

/// Until the HA run time lands: the primary, the first reachable member, which is also where
/// `simulator createObject` puts an object first (ObjectService.target).
final class PrimaryMemberDispatcher: MemberDispatcher {
    func member(of group: VirtualSlot, candidates: [String]) -> String? { candidates.first }
}
