import ChrystokiConf

/// A Network HSM's partition is reachable only through NTLS: the client must list the appliance
/// as a server (`LunaSA Client { ServerNameNN }`) and the appliance must have assigned the
/// partition to the client. PCIe and cloud partitions need neither, and neither does a network
/// HSM without a server address (fleet files that predate registration). "The client reaches
/// every partition" is a prerequisite of the Thales procedure "Setting Up an HA Group".
public enum ClientVisibility {
    /// Why this client cannot reach `partition`, or nil when it can.
    public static func problem(_ partition: Partition, on hsm: HSM?, servers: [RegisteredServerConfig]) -> String? {
        guard let hsm, hsm.kind == .network, let server = hsm.server else { return nil }
        let name = "Partition \(partition.label) (\(partition.serial))"
        guard servers.contains(where: { $0.name.lowercased() == server.lowercased() }) else {
            return "\(name) is not visible to this client: its Network HSM \(hsm.serial) at \(server) is not registered in Chrystoki.conf (register it with 'clientconfig deploy' or 'vtl addServer')."
        }
        guard partition.assigned else {
            return "\(name) is not visible to this client: Network HSM \(hsm.serial) at \(server) has not assigned it to this client (assign it with 'clientconfig deploy')."
        }
        return nil
    }

    /// True when some partition's visibility depends on registration, so a fleet without server
    /// addresses never reads Chrystoki.conf for it.
    static func dependsOnRegistration(_ fleet: Fleet) -> Bool {
        fleet.hsms.contains { $0.kind == .network && $0.server != nil }
    }
}

extension StateTransaction {
    /// The servers Chrystoki.conf registers, as this command has edited it so far.
    public func registeredServers() throws(LunaError) -> [RegisteredServerConfig] {
        ServerConfig(try conf()).servers
    }

    /// Why this client cannot reach `partition`, or nil when it can.
    public func visibilityProblem(_ partition: Partition) throws(LunaError) -> String? {
        guard ClientVisibility.dependsOnRegistration(fleet) else { return nil }
        return ClientVisibility.problem(partition, on: fleet.hsm(of: partition), servers: try registeredServers())
    }

    /// The partitions this client reaches, in slot order. Slot numbers stay those of the fleet
    /// file: an unreachable partition leaves a gap rather than renumbering the others.
    public func visiblePartitions() throws(LunaError) -> [Partition] {
        let all = fleet.partitionsBySlot
        guard ClientVisibility.dependsOnRegistration(fleet) else { return all }
        let servers = try registeredServers()
        return all.filter { ClientVisibility.problem($0, on: fleet.hsm(of: $0), servers: servers) == nil }
    }
}
