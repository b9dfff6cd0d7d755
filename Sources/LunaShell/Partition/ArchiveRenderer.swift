import LunaSim

/// Text of `partition archive list|contents|delete` over the simulated Backup HSM. The layout is
/// modelled in the style of `partition contents` (the LunaCM pages give no capture).
extension PartitionRenderer {
    static func archiveList(_ backups: [BackupHSMService.Backup]) -> String {
        var out = "\n        Backups on the simulated Backup HSM:\n\n"
        for backup in backups {
            out += "        Name:           \(backup.name)\n"
            out += "        Source:         \(source(backup))\n"
            out += "        Contents:       SMK\n\n"
        }
        if backups.isEmpty { out += "        (none)\n\n" }
        out += "        Number of backups:  \(backups.count)\n\n"
        return out
    }

    static func archiveContents(_ backup: BackupHSMService.Backup) -> String {
        var out = "\n        Backup \(backup.name) of \(source(backup)):\n\n"
        out += "        Object list:\n"
        out += "        Label:          SMK\n"
        out += "        Object Type:    Symmetric Key\n"
        out += "        Key Type:       AES 256\n"
        out += "        Object UID:     \(backup.smkOUID)\n\n"
        out += "        Number of objects:  1\n\n"
        return out
    }

    static func archiveDeleteWarning(_ backup: BackupHSMService.Backup) -> String {
        "\n        You are about to delete backup \(backup.name) (the SMK of \(source(backup)))\n        from the Backup HSM.\n\n        Are you sure you wish to continue?\n\n"
    }

    static func archiveDeleted(_ name: String) -> String {
        "\n        Backup \(name) was deleted from the Backup HSM.\n\n"
    }

    private static func source(_ backup: BackupHSMService.Backup) -> String {
        backup.sourceLabel.map { "partition \($0) (\(backup.source))" } ?? "partition \(backup.source)"
    }
}
