import LunaSim

/// The `clientconfig` family's text. The Thales pages give the commands and their options but
/// no captured output, so the layouts are modelled in LunaCM's style (docs/lunacm-behaviour.md
/// §3.5).
enum ClientConfigRenderer {
    static func passwordPrompt(user: String, server: String) -> String {
        "\n        Please enter the password for \(user) on \(server): "
    }

    static func deployed(_ result: ClientRegistrationService.DeployResult, client: String) -> String {
        var out = "\n"
        if let certificate = result.certificate {
            out += "        Client certificate for \(client) created: \(certificate.certificatePath)\n"
        }
        out += result.serverAdded
            ? "        Server \(result.server.name) registered as server ID \(result.server.index).\n"
            : "        Server \(result.server.name) was already registered (server ID \(result.server.index)).\n"
        out += "        Partition \(result.partitionLabel) (\(result.partitionSerial)) is assigned to client \(client).\n\n"
        return out
    }

    static func servers(_ servers: [ClientRegistrationService.ServerEntry]) -> String {
        var out = "\n" + row("Server ID", "Server", "Channel", "HTL Required")
        out += row("=========", "======", "=======", "============")
        for server in servers {
            out += row(String(server.index), server.name, "NTLS", server.htlRequired ? "yes" : "no")
        }
        if servers.isEmpty { out += "        No servers are registered with this client.\n" }
        return out + "\n"
    }

    static func verified(_ partitions: [ClientRegistrationService.ReachablePartition]) -> String {
        var out = "\n        " + Columns.left("Slot", 6, minimumGap: 1) + Columns.left("Serial #", 16, minimumGap: 1)
            + Columns.left("Label", 34, minimumGap: 1) + "Server\n"
        out += "        " + Columns.left("====", 6, minimumGap: 1) + Columns.left("========", 16, minimumGap: 1)
            + Columns.left("=====", 34, minimumGap: 1) + "======\n"
        for partition in partitions {
            out += "        " + Columns.left(String(partition.slot), 6, minimumGap: 1) + Columns.left(partition.serial, 16, minimumGap: 1)
                + Columns.left(partition.label, 34, minimumGap: 1) + (partition.server ?? "") + "\n"
        }
        if partitions.isEmpty { out += "        This client reaches no partitions.\n" }
        return out + "\n"
    }

    static let restarted = "\n        Client services restarted; Chrystoki.conf was read again.\n"

    static func serverAdded(_ server: ClientRegistrationService.ServerEntry) -> String {
        "\n        Server \(server.name) registered as server ID \(server.index) (port \(server.port)).\n\n"
    }

    static func serverDeleted(_ server: ClientRegistrationService.ServerEntry) -> String {
        "\n        Server \(server.name) (server ID \(server.index)) is no longer registered.\n\n"
    }

    private static func row(_ id: String, _ name: String, _ channel: String, _ htl: String) -> String {
        "        " + Columns.left(id, 14, minimumGap: 1) + Columns.left(name, 26, minimumGap: 1)
            + Columns.left(channel, 10, minimumGap: 1) + htl + "\n"
    }
}
