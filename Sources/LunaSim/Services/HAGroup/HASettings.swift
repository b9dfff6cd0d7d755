import ChrystokiConf

/// The client-wide HA settings `listgroups` prints first (docs/lunacm-behaviour.md §2.6), read from Chrystoki.conf.
public struct HASettings: Sendable, Equatable {
    public var autoRecovery: Bool
    public var recoveryMode: String
    public var retryCount: Int
    public var interval: Int
    public var logging: Bool
    public var logPath: String?
    public var logLength: Int?
    public var haOnly: Bool

    init(_ ha: HAConfig) {
        autoRecovery = ha.reconnAtt != 0
        recoveryMode = ha.recoveryMode.rawValue
        retryCount = ha.reconnAtt
        interval = ha.autoReconnectInterval
        logging = ha.logEnabled
        logPath = ha.logPath
        logLength = ha.logLength
        haOnly = ha.haOnly
    }
}

/// `hagroup retry`, `interval`, `recoverymode`, `haonly`, `halog` and `recover`: settings that
/// live only in Chrystoki.conf (docs/lunacm-behaviour.md §5.3).
public enum HASettingsService {
    public static func settings(_ transaction: StateTransaction) throws(LunaError) -> HASettings {
        HASettings(HAConfig(try transaction.conf()))
    }

    /// `reconnAtt`: 0 turns auto-recovery off, -1 retries without limit.
    public static func setRetry(_ count: Int, _ transaction: StateTransaction) throws(LunaError) {
        guard HAGroupRules.retryRange.contains(count) else {
            throw LunaError(.argumentsBad, "The retry count must be from \(HAGroupRules.retryRange.lowerBound) (unlimited) to \(HAGroupRules.retryRange.upperBound); 0 disables auto-recovery.")
        }
        try transaction.editHA { (ha: inout HAConfig) throws(ConfError) in try ha.setReconnAtt(count) }
    }

    public static func setInterval(_ seconds: Int, _ transaction: StateTransaction) throws(LunaError) {
        guard HAGroupRules.intervalRange.contains(seconds) else {
            throw LunaError(.argumentsBad, "The auto-recovery interval must be from \(HAGroupRules.intervalRange.lowerBound) to \(HAGroupRules.intervalRange.upperBound) seconds.")
        }
        try transaction.editHA { (ha: inout HAConfig) throws(ConfError) in try ha.setInterval(seconds) }
    }

    public static func setRecoveryMode(_ mode: String, _ transaction: StateTransaction) throws(LunaError) {
        guard let value = HARecoveryMode.allCases.first(where: { $0.rawValue.lowercased() == mode.lowercased() }) else {
            throw LunaError(.argumentsBad, "The recovery mode must be activeBasic or activeEnhanced.")
        }
        try transaction.editHA { (ha: inout HAConfig) throws(ConfError) in try ha.setRecoveryMode(value) }
    }

    public static func setHAOnly(_ enabled: Bool, _ transaction: StateTransaction) throws(LunaError) {
        try transaction.editHA { (ha: inout HAConfig) throws(ConfError) in try ha.setHAOnly(enabled) }
    }

    /// `halog`: any of status, path and maximum length. A path must be an absolute directory.
    public static func setLogging(enabled: Bool?, path: String?, maximumLength: Int?,
                                  _ transaction: StateTransaction) throws(LunaError) {
        if let path, !path.hasPrefix("/") {
            throw LunaError(.argumentsBad, "The HA log path must be an absolute directory path.")
        }
        if let path, path.utf8.count > HAGroupRules.maximumPathLength {
            throw LunaError(.argumentsBad, "The HA log path is longer than \(HAGroupRules.maximumPathLength) bytes.")
        }
        if let maximumLength, maximumLength < 1 {
            throw LunaError(.argumentsBad, "The maximum HA log length must be a positive number of bytes.")
        }
        try transaction.editHA { (ha: inout HAConfig) throws(ConfError) in
            if let enabled { try ha.setLogStatus(enabled: enabled) }
            if let path { try ha.setLogPath(path) }
            if let maximumLength { try ha.setLogLength(maximumLength) }
        }
    }

    /// `hagroup recover`: every member this client sees down (or finds down now) is tried at
    /// once (HARuntime.recover).
    public static func recover(_ reference: GroupReference, _ transaction: StateTransaction) throws(LunaError) -> HARuntime.RecoverResult {
        try HARuntime.recover(try transaction.groupDefinition(reference), transaction)
    }
}
