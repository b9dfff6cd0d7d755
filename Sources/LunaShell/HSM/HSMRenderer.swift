import LunaSim

/// `hsm showinfo` (reference 3.4 [V] labels; the figures are [M]).
enum HSMRenderer {
    static func showinfo(_ info: HSMInfo) -> String {
        let line = PartitionRenderer.line
        var out = "\n"
        out += line("HSM Label", info.hsm.serial)
        out += line("HSM Manufacturer", "Safenet, Inc.")
        out += line("HSM Model", info.hsm.model)
        out += line("HSM Part Number", PartitionInfo.partNumber)
        out += line("HSM Serial Number", info.hsm.serial)
        out += line("Token Flags", "")
        out += "                CKF_RNG\n                CKF_RESTORE_KEY_NOT_NEEDED\n                CKF_TOKEN_INITIALIZED\n"
        out += line("RPV Initialized", "No")
        out += line("Slot Id", String(info.slot))
        out += line("Session State", info.loggedIn == .so ? "CKS_RW_SO_FUNCTIONS" : "CKS_RW_PUBLIC_SESSION")
        out += line("Role Status", info.loggedIn == .so ? "SO logged in" : "none logged in")
        out += line("Firmware Version", info.hsm.firmware)
        out += line("Authentication", info.hsm.auth == .password ? "Password" : "PED")
        out += info.hsm.fips
            ? "        *** The HSM is in FIPS approved operation mode. ***\n"
            : "        *** The HSM is NOT in FIPS approved operation mode. ***\n"
        out += "        HSM Storage:\n"
        out += "                Total Storage Space:  \(HSMInfo.totalStorage)\n"
        out += "                Allowed Partitions:   \(HSMInfo.allowedPartitions)\n"
        out += "                Number of Partitions: \(info.partitions.count)\n"
        out += "                Object Count:         \(info.objectCount)\n"
        return out + "\n"
    }
}
