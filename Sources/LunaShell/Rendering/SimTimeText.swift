import LunaSim

/// The simulated clock as LunaCM-style text (`Thu Jan  1 00:00:00 2026`, C `asctime` order, UTC),
/// from `SimCalendar`, so the same clock always prints the same bytes.
enum SimTimeText {
    static func asctime(_ seconds: Int64) -> String {
        let date = SimCalendar.date(seconds), s = date.secondOfDay
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let dayText = date.day < 10 ? " \(date.day)" : "\(date.day)"
        return "\(weekdays[date.weekday]) \(months[date.month - 1]) \(dayText) "
            + "\(SimCalendar.two(s / 3600)):\(SimCalendar.two(s / 60 % 60)):\(SimCalendar.two(s % 60)) \(date.year)"
    }
}
