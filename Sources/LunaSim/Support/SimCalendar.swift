/// The simulated clock's seconds as a UTC calendar date, computed from the number alone so the
/// same clock always prints the same bytes: no time zone, locale or wall clock is consulted.
/// Used by every text that shows a simulated time (the HA log, `hsm showinfo`'s System Times).
public enum SimCalendar {
    public struct Date: Sendable, Equatable {
        public let year: Int64
        public let month: Int
        public let day: Int
        public let secondOfDay: Int64
        /// 0 for Sunday (1970-01-01 was a Thursday, 4).
        public let weekday: Int
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `civil_from_days`,
    /// https://howardhinnant.github.io/date_algorithms.html).
    public static func date(_ seconds: Int64) -> Date {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return Date(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: Int(month), day: Int(day),
                    secondOfDay: seconds - days * 86_400, weekday: Int(((days % 7) + 7 + 4) % 7))
    }

    /// `05` for 5: two digits.
    public static func two<T: BinaryInteger>(_ value: T) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
