import LunaSim

/// `retry`, `interval`, `recoveryMode`, `HAOnly`, `haLog` and `recover`: client-wide HA settings.
enum HAGroupSettingsCommands {
    static let handlers: [String: CommandHandler] = [
        "hagroup.retry": { context throws(LunaError) in
            let count = context.command.integer("count") ?? 0
            try context.transaction { transaction throws(LunaError) in try HASettingsService.setRetry(count, transaction) }
            context.write("\n        HA Auto Recovery Count has been set to \(count)\n\n")
        },
        "hagroup.interval": { context throws(LunaError) in
            let seconds = context.command.integer("interval") ?? 0
            try context.transaction { transaction throws(LunaError) in try HASettingsService.setInterval(seconds, transaction) }
            context.write("\n        HA Auto Recovery Interval has been set to \(seconds) seconds\n\n")
        },
        "hagroup.recoveryMode": { context throws(LunaError) in
            let mode = context.command.text("mode") ?? ""
            try context.transaction { transaction throws(LunaError) in try HASettingsService.setRecoveryMode(mode, transaction) }
            context.write("\n        HA recovery mode has been set to \(mode)\n\n")
        },
        "hagroup.HAOnly": { context throws(LunaError) in
            if context.command.has("show") {
                let settings = try context.store.read { transaction throws(LunaError) in try HASettingsService.settings(transaction) }
                context.write("\n        HA Only mode is \(settings.haOnly ? "enabled" : "disabled").\n\n")
                return
            }
            let enabled = context.command.has("enable")
            try context.transaction { transaction throws(LunaError) in try HASettingsService.setHAOnly(enabled, transaction) }
            context.write("\n        HA Only mode has been \(enabled ? "enabled" : "disabled").\n\n")
        },
        "hagroup.haLog": { context throws(LunaError) in
            let command = context.command
            if command.has("enable") && command.has("disable") {
                throw LunaError.badArguments("Give only one of -enable or -disable.")
            }
            let changes = command.has("enable") || command.has("disable") || command.has("path") || command.has("maxLength")
            if changes {
                let enabled: Bool? = command.has("enable") ? true : command.has("disable") ? false : nil
                try context.transaction { transaction throws(LunaError) in
                    try HASettingsService.setLogging(enabled: enabled, path: command.text("path"),
                                                     maximumLength: command.integer("maxLength"), transaction)
                }
            } else if !command.has("show") {
                throw LunaError.badArguments("'hagroup haLog' needs -enable, -disable, -path, -maxLength or -show.")
            }
            let settings = try context.store.read { transaction throws(LunaError) in try HASettingsService.settings(transaction) }
            var out = "\n                    HA logging:  \(settings.logging ? "enabled" : "disabled")\n"
            out += "                   HA log path:  \(settings.logPath.map { $0 + "/haErrorLog.txt" } ?? "<not set>")\n"
            out += "     Maximum HA log file length:  \(settings.logLength.map { "\($0) bytes" } ?? "<not set>")\n\n"
            context.write(out)
        },
        "hagroup.recover": { context throws(LunaError) in
            let result = try context.store.read { transaction throws(LunaError) in
                try HASettingsService.recover(HAGroupCommands.group(context), transaction)
            }
            context.write("\n        All members of group \(result.group.label) are alive; there is nothing to recover.\n\n")
        },
    ]
}
