/// The HA log's line format. The real `haErrorLog.txt` format is not public (Thales, "HA
/// Logging"), so this one is a documented choice (docs/ha-runtime.md): one line per event,
/// `<UTC timestamp of the simulated clock> HA group <number> (<label>) member <serial>: <event>`,
/// so a line can be grepped by group or member serial.
public enum HALogLine {
    public static func line(at time: Int64, group number: String, label: String, member serial: String, _ event: String) -> String {
        "\(timestamp(time)) HA group \(number) (\(label)) member \(serial): \(event)"
    }

    /// `2026-01-01 00:01:01` (UTC) for seconds since the epoch (`SimCalendar`).
    public static func timestamp(_ time: Int64) -> String {
        let date = SimCalendar.date(time), s = date.secondOfDay
        return "\(date.year)-\(two(date.month))-\(two(date.day)) \(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))"
    }

    /// `20260101000101`: the suffix of a rotated log file.
    public static func compactTimestamp(_ time: Int64) -> String {
        let date = SimCalendar.date(time), s = date.secondOfDay
        return "\(date.year)\(two(date.month))\(two(date.day))\(two(s / 3600))\(two(s / 60 % 60))\(two(s % 60))"
    }

    private static func two<T: BinaryInteger>(_ value: T) -> String { SimCalendar.two(value) }
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
