/// Everything a fleet file describes: the fleet and the objects in each partition. It is what
/// `--fleet` seeds a home from and what `--export` writes back.
public struct FleetSnapshot: Sendable, Equatable {
    public var fleet: Fleet
    /// Objects by partition serial.
    public var objects: [String: [StoredObject]]

    public init(fleet: Fleet, objects: [String: [StoredObject]] = [:]) {
        self.fleet = fleet
        self.objects = objects
    }
}
