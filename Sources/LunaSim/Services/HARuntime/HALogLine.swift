/// The HA log's line format. The real `haErrorLog.txt` format is not public (Thales, "HA
/// Logging"), so this one is a documented choice (docs/ha-runtime.md): one line per event,
/// `<UTC timestamp of the simulated clock> HA group <number> (<label>) member <serial>: <event>`,
/// so a line can be grepped by group or member serial.
public enum HALogLine {
    public static func line(at time: Int64, group number: String, label: String, member serial: String, _ event: String) -> String {
        "\(timestamp(time)) HA group \(number) (\(label)) member \(serial): \(event)"
    }

    /// `2026-01-01 00:01:01` (UTC) for seconds since the epoch; no calendar API, so no time
    /// zone or locale can change it.
    public static func timestamp(_ time: Int64) -> String {
        let (year, month, day, seconds) = civil(time)
        return "\(year)-\(two(month))-\(two(day)) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }

    /// `20260101000101`: the suffix of a rotated log file.
    public static func compactTimestamp(_ time: Int64) -> String {
        let (year, month, day, seconds) = civil(time)
        return "\(year)\(two(month))\(two(day))\(two(seconds / 3600))\(two(seconds / 60 % 60))\(two(seconds % 60))"
    }

    /// Year, month, day and seconds into the day (Howard Hinnant's days-to-civil algorithm).
    static func civil(_ time: Int64) -> (Int64, Int64, Int64, Int64) {
        let days = time >= 0 ? time / 86_400 : (time - 86_399) / 86_400
        let seconds = time - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, seconds)
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// HA log lines a command produced, with where they go: what a service hands the store.
public struct HALogBatch: Sendable, Equatable {
    /// `haLogPath`: the directory of `haErrorLog.txt`.
    public var directory: String
    /// `logLen`: the file is rotated before it would pass this many bytes.
    public var maximumLength: Int?
    public var lines: [String]
    /// The simulated time of the last line (names a rotated file).
    public var clock: Int64
}
