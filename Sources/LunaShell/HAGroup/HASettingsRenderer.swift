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

    static func recovered(_ result: HARuntime.RecoverResult) -> String {
        if result.recovered.isEmpty, result.stillDown.isEmpty {
            return "\n        All members of group \(result.label) are alive; there is nothing to recover.\n\n"
        }
        var out = "\n"
        for serial in result.recovered { out += "        Member \(serial) of group \(result.label) recovered.\n" }
        for member in result.stillDown { out += "        Member \(member.serial) of group \(result.label) is still down: \(member.reason).\n" }
        return out + "\n"
    }

    static func noneRecovered(_ result: HARuntime.RecoverResult) -> String {
        "No down member of group \(result.label) could be recovered."
    }
}
