import LunaSim

/// vtl's output layouts. `listSlots` and `haAdmin show` follow the Luna 5.4 captures in a public
/// integration guide (the Avi Vantage "SafeNet Network HSM" guide, whose page collapses runs of
/// blanks: column widths are those of the `=` underlines, one blank between columns). The other
/// layouts are not shown in any public document found; README.md ("vtl") describes the choice.
public enum VTLRenderer {
    /// LunaCM's refusal: an indented reason, then the return code (the same trailer as LunaCM).
    public static func failure(_ error: LunaError) -> String {
        "\n        \(error.reason)\n\nCommand Result : \(error.code.hex) (\(error.code.name))\n"
    }

    public static func createCert(_ certificate: ClientRegistrationService.ClientCertificate) -> String {
        "\nPrivate Key created and written to: \(certificate.privateKeyPath)\n\n"
            + "Certificate created and written to: \(certificate.certificatePath)\n\n"
    }

    public static func addServer(_ server: ClientRegistrationService.ServerEntry) -> String {
        "\nNew server \(server.name) successfully added to server list.\n\n"
    }

    public static func deleteServer(_ server: ClientRegistrationService.ServerEntry) -> String {
        "\nServer \(server.name) successfully removed from server list.\n\n"
    }

    public static func listServers(_ servers: [ClientRegistrationService.ServerEntry]) -> String {
        guard !servers.isEmpty else { return "\nThere are no servers registered with this client.\n\n" }
        var out = "\n" + row(["Server ID", "Server", "Channel", "HTL Required"], [9, 30, 7, 12])
        out += row(["=========", String(repeating: "=", count: 30), "=======", "============"], [9, 30, 7, 12])
        for server in servers {
            out += row([String(server.index), server.name, "NTLS", server.htlRequired ? "yes" : "no"], [9, 30, 7, 12])
        }
        return out + "\n"
    }

    public static func verify(_ partitions: [ClientRegistrationService.ReachablePartition]) -> String {
        guard !partitions.isEmpty else { return "\nError: Could not find any Luna SA Slots/Partitions.\n\n" }
        var out = "\nThe following Luna SA Slots/Partitions were found:\n\n"
        out += row(["Slot", "Serial #", "Label"], [6, 16, 0]) + row(["====", "================", "====="], [6, 16, 0])
        for partition in partitions {
            out += row([String(partition.slot), partition.serial, partition.label], [6, 16, 0])
        }
        return out + "\n"
    }

    /// One line of `listSlots`.
    public struct SlotRow: Equatable, Sendable {
        public var slot: Int
        public var description: String
        public var label: String
        public var serial: String
        public var present: Bool
    }

    public static func listSlots(_ rows: [SlotRow]) -> String {
        let widths = [9, 20, 31, 10, 12]
        var out = "Number of slots: \(rows.count)\n\nThe following slots were found:\n\n"
        out += row(["Slot #", "Description", "Label", "Serial #", "Status"], widths)
        out += row(widths.map { String(repeating: "=", count: $0) }, widths)
        for slot in rows {
            out += row(["slot #\(slot.slot)", slot.description, slot.label, slot.serial, slot.present ? "Present" : "Not present"], widths)
        }
        return out + "\n"
    }

    public static func haShow(settings: HASettings, groups: [HAGroup]) -> String {
        var out = "\n================ HA Global Configuration Settings ===============\n\n"
        out += "HA Proxy: disabled\n"
        out += "HA Auto Recovery: \(settings.autoRecovery ? "enabled" : "disabled")\n"
        out += "Maximum Auto Recovery Retry: \(settings.retryCount)\n"
        out += "Auto Recovery Poll Interval: \(settings.interval) seconds\n"
        out += "HA Logging: \(settings.logging ? "enabled" : "disabled")\n"
        out += "HA Log File: \(settings.logPath.map { $0 + "/haErrorLog.txt" } ?? "<not set>")\n"
        out += "Maximum HA Log File Length: \(settings.logLength.map { "\($0) bytes" } ?? "<not set>")\n"
        out += "Only Show HA Slots: \(settings.haOnly ? "yes" : "no")\n"
        out += "\n================ HA Group and Member Information ================\n\n"
        if groups.isEmpty { return out + "There are no HA groups configured.\n\n" }
        for group in groups {
            out += "HA Group Label: \(group.label)\n"
            out += "HA Group Number: \(group.number)\n"
            out += "HA Group Slot #: \(group.slot.map(String.init) ?? "-")\n"
            out += "Synchronization: \(group.synchronization ? "enabled" : "disabled")\n"
            out += "Group Members: \(group.members.map(\.serial).joined(separator: ", "))\n"
            out += "Standby members: \(group.standbySerials.joined(separator: ", "))".trimmedRight + "\n\n"
            out += row(["Slot #", "Member S/N", "Member Label", "Status"], [6, 10, 12, 6])
            out += row(["======", "==========", "============", "======"], [6, 10, 12, 6])
            for member in group.members { out += memberRow(member) }
            out += "\n"
        }
        return out
    }

    /// One member row. Kept free of optional chaining on the member: Swift 6.3.1's optimizer
    /// crashes on that pattern in release builds (as in HAGroupRenderer.memberRow).
    static func memberRow(_ member: HAMember) -> String {
        var slot = "-"
        var label = "-"
        if let partition = member.partition {
            label = partition.label
            if member.status == .alive { slot = String(partition.slot) }
        }
        return row([slot, member.serial, label, member.status.rawValue], [6, 10, 12, 6])
    }

    public static func haOnly(enabled: Bool, changed: Bool) -> String {
        changed ? "\nHA Only mode has been \(enabled ? "enabled" : "disabled").\n\n"
            : "\nHA Only mode is \(enabled ? "enabled" : "disabled").\n\n"
    }

    public static func newGroup(_ group: HAGroup) -> String {
        "\nNew group with label \"\(group.label)\" created at group number \(group.number).\n\n"
    }

    public static func addMember(_ serial: String, _ group: HAGroup) -> String {
        "\nMember \(serial) successfully added to group \(group.number).\n\n"
    }

    public static func removeMember(_ serial: String, _ group: HAGroup) -> String {
        "\nMember \(serial) successfully removed from group \(group.label).\n\n"
    }

    public static func standby(_ serial: String, _ group: HAGroup, standby: Bool) -> String {
        standby ? "\nMember \(serial) of group \(group.label) is now a standby member.\n\n"
            : "\nMember \(serial) of group \(group.label) is no longer a standby member.\n\n"
    }

    public static func synchronize(_ group: HAGroup, objects: Int) -> String {
        "\nSynchronization of group \(group.label) complete: \(objects) object(s) replicated.\n\n"
    }

    public static func autoRecovery(_ retry: Int) -> String {
        "\nHA Auto Recovery Count has been set to \(retry).\n\n"
    }

    /// Columns left-aligned to `widths` with one blank between them; a wider value pushes the
    /// rest of the row right. Trailing blanks are dropped.
    static func row(_ cells: [String], _ widths: [Int]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            if index > 0 { line += " " }
            let width = index < widths.count ? widths[index] : 0
            line += cell + String(repeating: " ", count: max(0, width - cell.count))
        }
        return line.trimmedRight + "\n"
    }
}

extension String {
    var trimmedRight: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
