import LunaSim

/// LunaCM's HA text: the group block, the member table, the global settings block and the
/// messages around them. Layouts come from the transcripts of the Thales page "Setting Up an HA Group" (creategroup, addmember) and the
/// measured listgroups sample (docs/lunacm-behaviour.md §2.6); where the two differ, each is reproduced where it
/// was seen.
public enum HAGroupRenderer {
    /// Where a block or table is printed: in a command's reply (Thales, "Setting Up an HA Group") or by listgroups (2.6).
    public enum Style: Sendable { case command, listGroups }

    public static func groupBlock(_ group: HAGroup, style: Style) -> String {
        var out = field("HA Group Label", group.label)
        out += field("HA Group Number", group.number)
        out += field("HA Group Slot ID", group.slot.map(String.init) ?? "Not Available")
        let synchronization = group.synchronization ? "enabled" : "disabled"
        // The listgroups sample prints this one label a column left with one space: a real quirk.
        out += style == .listGroups ? pad("Synchronization:", 23) + " " + synchronization + "\n"
            : field("Synchronization", synchronization)
        out += field("Group Members", group.members.map(\.serial).joined(separator: ", "))
        out += field("Needs sync", group.needsSync.map { $0 ? "yes" : "no" } ?? "unknown")
        out += field("Standby Members", group.standbySerials.isEmpty ? "<none>" : group.standbySerials.joined(separator: ", "))
        return out
    }

    public static func memberTable(_ group: HAGroup, style: Style, haOnly: Bool = false) -> StyledText {
        var out: StyledText = "Slot #    Member S/N                      Member Label    Status\n"
        out += "======    ==========                      ============    ======\n"
        for member in group.members {
            out += memberRow(member, style: style, haOnly: haOnly)
        }
        return out
    }

    /// One row of the member table. (Kept free of optional chaining on the member: Swift 6.3.1's
    /// optimizer crashes on that pattern here in release builds.)
    static func memberRow(_ member: HAMember, style: Style, haOnly: Bool) -> StyledText {
        var slot = "------"
        var label = "------------"
        if let partition = member.partition {
            label = partition.label
            if member.status == .alive, !(style == .listGroups && haOnly) { slot = String(partition.slot) }
        }
        // `%6s  %12s%34s%10s` (2.6); in command replies the label column ends at a fixed place
        // even when a 13-digit serial overflows its 12 (Thales, "Setting Up an HA Group", addmember).
        let labelWidth = style == .command ? max(0, 34 - max(0, Columns.width(member.serial) - 12)) : 34
        let status = member.status.rawValue
        let meaning: StyledText.Meaning = member.status == .alive ? .good : .bad
        return pad(slot, 6) + "  " + pad(member.serial, 12) + pad(label, labelWidth) + Columns.spaces(10 - Columns.width(status))
            + StyledText(status, meaning) + "\n"
    }

    public static func settingsBlock(_ settings: HASettings) -> String {
        func line(_ label: String, _ value: String) -> String { pad(label + ":", 31) + "  " + value + "\n" }
        return line("HA auto recovery", settings.autoRecovery ? "enabled" : "disabled")
            + line("HA recovery mode", settings.recoveryMode)
            + line("Maximum auto recovery retry", String(settings.retryCount))
            + line("Auto recovery poll interval", "\(settings.interval) seconds")
            + line("HA logging", settings.logging ? "enabled" : "disabled")
            + line("Only Show HA Slots", settings.haOnly ? "yes" : "no")
    }

    /// Around the password prompt of createGroup and synchronize (one blank line before), of
    /// addMember (two), and after each (Thales, "Setting Up an HA Group").
    static let beforeCreatePrompt = "\n"
    static let beforeAddPrompt = "\n\n"
    static let afterPasswordPrompt = "\n"
    static let passwordPrompt = "        Enter the password: "

    public static func created(_ group: HAGroup) -> StyledText {
        "        New group with label \"\(group.label)\" created with group number \(group.number).\n"
            + "        Group configuration is:\n\n\n" + groupBlock(group, style: .command) + "\n\n"
            + memberTable(group, style: .command) + "\n\n"
    }

    public static func memberAdded(_ result: HAGroupService.AddMemberResult) -> StyledText {
        var out = StyledText(result.smkOverwritten ? smkWarning(serial: result.serial) : "")
        out += "        Member \(result.serial) successfully added to group \(result.group.label). New group\n"
        out += "        configuration is:\n\n" + groupBlock(result.group, style: .command) + "\n\n"
        out += memberTable(result.group, style: .command) + "\n\n"
        if result.addedAsStandby {
            out += "        Member \(result.serial) is a Luna Cloud HSM service and was added as a standby\n"
            out += "        member ([Toggles] lunacm_cv_ha_ui = 0 adds it as an active member).\n\n"
        }
        return out + synchronizeAdvice + "\n"
    }

    public static let synchronizeAdvice = """
                Please use the command "ha synchronize" when you are ready
                to replicate data between all members of the HA group.
                (If you have additional members to add, you may wish to wait
                until you have added them before synchronizing to save time by
                avoiding multiple synchronizations.)

        """

    static func memberRemoved(_ result: HAGroupService.RemoveMemberResult) -> String {
        var out = "\n        Member \(result.serial) successfully removed from group \(result.group.label).\n"
        if let previous = result.previousNumber {
            out += "        The primary member was removed: the HA group number changed from \(previous)\n"
            out += "        to \(result.group.number). Applications using the old number must use the new one.\n"
        }
        return out + "\n"
    }

    static func deleted(_ label: String) -> String { "\n        The HA group \(label) was successfully deleted.\n\n" }

    static func synchronizationSet(_ label: String, enabled: Bool) -> String {
        "\n        Automatic synchronization of group \(label) is now \(enabled ? "enabled" : "disabled").\n\n"
    }

    static func synchronized(_ result: (group: HAGroup, objects: Int, members: Int)) -> String {
        "        Synchronization of group \(result.group.label) completed: \(result.objects) object(s) cloned to \(result.members) member(s).\n\n"
    }

    static func standbySet(_ serial: String, group: String, standby: Bool) -> String {
        "\n        Member \(serial) is now \(standby ? "a standby" : "an active") member of group \(group).\n\n"
    }

    /// `hagroup listgroups`: the settings block, then each group's block and member table.
    static func listGroups(_ groups: [HAGroup], settings: HASettings) -> StyledText {
        var out = StyledText("\n" + settingsBlock(settings) + "\n")
        if groups.isEmpty { out += "\n        There are no HA groups configured.\n" }
        for group in groups {
            out += "\n" + groupBlock(group, style: .listGroups) + "\n\n"
            out += memberTable(group, style: .listGroups, haOnly: settings.haOnly)
        }
        return out + "\n"
    }

    /// The copy/remove/quit question, as the Thales page "Setting Up an HA Group" shows it.
    public static let objectsWarning = """

        Warning:  There are objects currently on the new member.
                  Do you wish to propagate these objects within the HA
                  group, or remove them?

                  Type 'copy' to keep and propagate the existing
                  objects, 'remove' to remove them before continuing,
                  or 'quit' to stop adding this new group member.

        """

    public static let objectsPrompt = "          >  "

    /// Shown before an SMK is overwritten (Thales, "Setting Up an HA Group": back up the SMK first).
    public static func smkWarning(serial: String) -> String {
        """
        Warning:  The SMK of partition \(serial) will be overwritten by the SMK of the
                  group's primary member. SKS blobs encrypted under its current SMK
                  can no longer be inserted unless that SMK was backed up.


        """
    }

    public static func listGroupsInvitation(_ label: String) -> String {
        """

                If you would like to see synchronization data for group \(label),
                please enter the password for the group members. Sync info
                not available in HA Only mode.



        """
    }

    static func field(_ label: String, _ value: String) -> String { pad(label + ":", 24) + "  " + value + "\n" }

    /// Right-aligns `text` in `width` columns; longer text is kept whole.
    static func pad(_ text: String, _ width: Int) -> String { Columns.right(text, width) }
}
