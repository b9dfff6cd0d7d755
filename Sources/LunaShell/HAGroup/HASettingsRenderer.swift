import LunaSim

/// The replies of the client-wide HA settings commands. `retry`'s is verified (Luna 6, `ha rt -c
/// 3`); the others follow its wording (docs/lunacm-behaviour.md, "Modelled replies").
enum HASettingsRenderer {
    static func retrySet(_ count: Int) -> String { "\n        HA Auto Recovery Count has been set to \(count)\n\n" }

    static func intervalSet(_ seconds: Int) -> String { "\n        HA Auto Recovery Interval has been set to \(seconds) seconds\n\n" }

    static func recoveryModeSet(_ mode: String) -> String { "\n        HA recovery mode has been set to \(mode)\n\n" }

    static func haOnlyShown(_ enabled: Bool) -> String { "\n        HA Only mode is \(enabled ? "enabled" : "disabled").\n\n" }

    static func haOnlySet(_ enabled: Bool) -> String { "\n        HA Only mode has been \(enabled ? "enabled" : "disabled").\n\n" }

    static func logging(_ settings: HASettings) -> String {
        var out = "\n                    HA logging:  \(settings.logging ? "enabled" : "disabled")\n"
        out += "                   HA log path:  \(settings.logPath.map { $0 + "/haErrorLog.txt" } ?? "<not set>")\n"
        out += "     Maximum HA log file length:  \(settings.logLength.map { "\($0) bytes" } ?? "<not set>")\n\n"
        return out
    }

    static func recovered(_ group: HAGroup) -> String {
        "\n        All members of group \(group.label) are alive; there is nothing to recover.\n\n"
    }
}
