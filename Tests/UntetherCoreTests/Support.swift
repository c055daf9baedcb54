import Foundation

/// Time zones the Core tests use.
enum Zones {
    static let london = TimeZone(identifier: "Europe/London")!
    static let utc = TimeZone(identifier: "UTC")!
}

/// A moment given as local wall-clock time ("2026-11-20 23:59") in a zone.
func wallClock(_ text: String, _ zone: TimeZone = Zones.london) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: text)!
}
