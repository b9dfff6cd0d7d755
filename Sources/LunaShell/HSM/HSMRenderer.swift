import LunaSim

/// LunaCM's text for the `hsm` family. `hsm showinfo` has every section of the syscheck capture
/// (LunaCM Command Reference, "hsm showinfo"; docs/hsm-showinfo.md): identity, flags and session, SMK OUIDs, partition storage,
/// the FIPS line, FM status, firmware versions, system times, environment, HSM storage and
/// licences, in the capture's order. The
/// labels are the capture's; the figures are modelled. `hsm init`/`zeroize` texts are modelled.
enum HSMRenderer {
    static let soPasswordPrompt = "\n        Enter password for HSM SO: "
    static let soPasswordAgainPrompt = "\n        Re-enter password for HSM SO: "
    static let domainPrompt = "\n        Enter cloning domain for the HSM: "
    static let domainAgainPrompt = "\n        Re-enter cloning domain for the HSM: "

    static func initWarning(_ hsm: HSM) -> String {
        "\n        You are about to initialize HSM \(hsm.serial).\n\n        Are you sure you wish to continue?\n\n"
    }

    static func reinitWarning(_ hsm: HSM) -> String {
        "\n        You are about to re-initialize HSM \(hsm.serial).\n        All partitions of the HSM and their contents will be destroyed.\n\n        Are you sure you wish to continue?\n\n"
    }

    static func zeroizeWarning(_ hsm: HSM) -> String {
        "\n        You are about to zeroize HSM \(hsm.serial).\n        The HSM SO, the cloning domain and all partitions and their contents\n        will be destroyed.\n\n        Are you sure you wish to continue?\n\n"
    }

    static func initialized(_ label: String) -> String {
        "\n        The HSM was successfully initialized with label \(label).\n\n"
    }

    static func zeroized(_ hsm: HSM) -> String {
        "\n        HSM \(hsm.serial) was zeroized. Initialize it again with 'hsm init -label <label>'.\n\n"
    }

    static func showinfo(_ info: HSMInfo) -> String {
        let line = PartitionRenderer.line
        let hsm = info.hsm
        var out = "\n"
        out += line("HSM Label", hsm.label)
        out += line("HSM Manufacturer", "Safenet, Inc.")
        out += line("HSM Model", hsm.model)
        out += line("HSM Part Number", PartitionInfo.partNumber)
        out += line("HSM Serial Number", hsm.serial)
        out += line("Token Flags", "")
        out += "                CKF_RNG\n                CKF_RESTORE_KEY_NOT_NEEDED\n"
        if hsm.initialized { out += "                CKF_TOKEN_INITIALIZED\n" }
        out += line("RPV Initialized", "No")
        out += line("Slot Id", String(info.slot))
        out += line("Session State", info.loggedIn == .so ? "CKS_RW_SO_FUNCTIONS" : "CKS_RW_PUBLIC_SESSION")
        out += line("Role Status", info.loggedIn == .so ? "SO logged in" : "none logged in")
        out += line("Authentication", hsm.auth == .password ? "Password" : "PED")
        out += "        Partition SMK OUIDs:\n"
        for (name, ouid) in info.smkOUIDs {
            out += "                " + pad(name + ":", 20) + (ouid ?? "Not Initialized") + "\n"
        }
        let storage = info.slotPartition
        out += "        Partition Storage:\n"
        out += "                Total Storage Space:  \(PartitionInfo.totalStorage)\n"
        out += "                Used Storage Space:   \(storage.usedStorage)\n"
        out += "                Free Storage Space:   \(storage.freeStorage)\n"
        out += "                Object Count:         \(storage.objectCount)\n"
        out += "                Overhead:             \(PartitionInfo.overhead)\n"
        out += hsm.fips
            ? "        *** The HSM is in FIPS approved operation mode. ***\n"
            : "        *** The HSM is NOT in FIPS approved operation mode. ***\n"
        out += line("FM HW Status", "FM Ready")
        out += line("Firmware Version", hsm.firmware)
        out += line("Bootloader Version", HSMInfo.bootloaderVersion)
        out += line("Rollback Firmware Version", "Not Available")
        out += "        System Times:\n"
        out += "                HSM :        \(SimTimeText.asctime(info.now))\n"
        out += "                Host :       \(SimTimeText.asctime(info.now))\n"
        out += "                Difference:  0 sec\n"
        out += "        Environmental:\n"
        out += "                Fan 1 Status : \(HSMInfo.fanStatus)\n"
        out += "                Battery Voltage : \(HSMInfo.batteryVoltage)\n"
        out += "                Battery Warning Threshold Voltage : \(HSMInfo.batteryWarningVoltage)\n"
        out += "                System Temp : \(HSMInfo.systemTemperature)\n"
        out += "                System Temperature Warning Threshold : \(HSMInfo.temperatureWarning)\n"
        out += "        HSM Storage:\n"
        out += "                Total Storage Space:  \(HSMInfo.totalStorage)\n"
        out += "                Used Storage Space:   \(info.usedStorage)\n"
        out += "                Free Storage Space:   \(info.freeStorage)\n"
        out += "                Allowed Partitions:   \(HSMInfo.allowedPartitions)\n"
        out += "                Number of Partitions: \(info.partitions.count)\n"
        out += "                Object Count:         \(info.objectCount)\n"
        out += "        License Count: \(hsm.licenses.count)\n"
        for (index, license) in hsm.licenses.enumerated() {
            out += "                \(index + 1). \(license)\n"
        }
        return out + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
