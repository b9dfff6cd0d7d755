/// Numbers and names LunaCM fixes for HA groups, kept together so each is easy to find and change.
public enum HAGroupRules {
    /// `CK_HA_MAX_MEMBERS` in the Luna cryptoki header (docs/lunacm-behaviour.md §2.14).
    public static let maximumMembers = 32

    /// The group number LunaCM 7 derives from the primary member: a "1" before its serial.
    public static func groupNumber(primarySerial: String) -> String { "1" + primarySerial }

    /// "HA" (any case) names the Luna library's own HA slot and may not label a group (Thales, "Setting Up an HA Group", step 1).
    public static func isReservedLabel(_ label: String) -> Bool { label.lowercased() == "ha" }

    /// Auto-recovery retry count: 0 disables, -1 is unlimited, at most 500 (docs/lunacm-behaviour.md §2.9; the maximum is modelled).
    public static let retryRange = -1...500

    /// Auto-recovery interval in seconds: at least once a minute (docs/lunacm-behaviour.md §2.10; the maximum is
    /// modelled).
    public static let intervalRange = 60...1200

    /// The longest HA log directory accepted (Linux PATH_MAX).
    public static let maximumPathLength = 4096

    /// Luna 7 group labels follow partition label rules: 1 to 32 characters (docs/lunacm-behaviour.md §1.5).
    public static let labelLength = 1...32

    /// Firmware from which a partition may not be primary over an older secondary (docs/lunacm-behaviour.md §2.2).
    public static let primaryFirmwareBoundary = [7, 7, 0]
}

/// Dotted firmware versions compared numerically (`7.10.0` is newer than `7.7.0`).
public enum FirmwareVersion {
    public static func parts(_ text: String) -> [Int] {
        text.split(separator: ".").map { Int($0) ?? 0 }
    }

    public static func isAtLeast(_ text: String, _ boundary: [Int]) -> Bool {
        let version = parts(text)
        for index in 0..<max(version.count, boundary.count) {
            let left = index < version.count ? version[index] : 0
            let right = index < boundary.count ? boundary[index] : 0
            if left != right { return left > right }
        }
        return true
    }
}
