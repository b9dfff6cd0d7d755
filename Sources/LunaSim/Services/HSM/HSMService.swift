/// What `hsm showinfo` reports (reference 3.4) about the HSM that hosts the current slot's
/// partition. A Network HSM's admin functions live in LunaSH; the simulator shows no admin slot,
/// so the `hsm` commands act on the hosting HSM of the selected partition.
public struct HSMInfo: Sendable, Equatable {
    public var hsm: HSM
    public var slot: Int
    public var loggedIn: Role?
    public var partitions: [Partition]
    public var objectCount: Int

    /// [M] Figures of a LunaSA 7 with the capture's layout (reference 3.4).
    public static let totalStorage = 33_554_432
    public static let allowedPartitions = 100
}

public enum HSMService {
    /// The HSM hosting partition `serial`.
    public static func hsm(hosting serial: String, _ transaction: StateTransaction) throws(LunaError) -> HSM {
        try transaction.hsmOf(try RoleService.partition(serial, transaction))
    }

    public static func info(hosting serial: String, slot: Int, loggedIn: Role?,
                            _ transaction: StateTransaction) throws(LunaError) -> HSMInfo {
        let hsm = try hsm(hosting: serial, transaction)
        let partitions = transaction.fleet.partitions.filter { $0.hsmSerial == hsm.serial }
        var objects = 0
        for partition in partitions { objects += try transaction.objectCount(on: partition.serial) }
        return HSMInfo(hsm: hsm, slot: slot, loggedIn: loggedIn, partitions: partitions, objectCount: objects)
    }
}
