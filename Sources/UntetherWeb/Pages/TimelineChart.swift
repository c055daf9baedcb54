import Foundation
import Plot
import UntetherCore
import UntetherStore

/// The relationship timeline as a vertical SVG: time runs down, milestones are labelled on the
/// right, log entries are ticks on the line.
struct TimelineChart: Sendable {
    struct Mark: Sendable {
        let day: Date
        let label: String
    }

    let milestones: [Mark]
    let incidents: [Date]
    let kindMoments: [Date]
    let end: Date

    static let width = 360.0
    static let axisX = 70.0
    static let top = 16.0
    static let lineGap = 16.0

    var start: Date { ([end] + milestones.map(\.day) + incidents + kindMoments).min() ?? end }

    var height: Double { max(240, Double(milestones.count) * Self.lineGap + 60) }

    func y(_ date: Date) -> Double {
        let span = end.timeIntervalSince(start)
        guard span > 0 else { return Self.top }
        return Self.top + (height - Self.top * 2) * date.timeIntervalSince(start) / span
    }

    var summary: String {
        if milestones.isEmpty && incidents.isEmpty && kindMoments.isEmpty {
            return "Nothing on your timeline yet. Add the moments you remember below."
        }
        var parts = ["\(milestones.count) \(milestones.count == 1 ? "milestone" : "milestones")"]
        parts.append("\(incidents.count) log \(incidents.count == 1 ? "entry" : "entries")")
        if !kindMoments.isEmpty { parts.append("\(kindMoments.count) kind \(kindMoments.count == 1 ? "moment" : "moments")") }
        return "From \(Self.day(start)) to \(Self.day(end)): " + parts.joined(separator: ", ") + "."
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMM yyyy"
        return formatter.string(from: date)
    }

    /// Dates counted by calendar month (UTC), oldest first, each placed at the middle of its
    /// month, kept between the chart's start and end.
    func months(_ dates: [Date], calendar: Calendar) -> [(start: Date, at: Date, count: Int)] {
        var counts: [Int: Int] = [:]
        for date in dates {
            let parts = calendar.dateComponents([.year, .month], from: date)
            counts[parts.year! * 12 + parts.month! - 1, default: 0] += 1
        }
        let (first, last) = (start, end)
        return counts.keys.sorted().compactMap { key in
            guard let monthStart = calendar.date(from: DateComponents(year: key / 12, month: key % 12 + 1, day: 1)),
                  let next = calendar.date(byAdding: .month, value: 1, to: monthStart) else { return nil }
            let middle = Date(timeIntervalSince1970: (monthStart.timeIntervalSince1970 + next.timeIntervalSince1970) / 2)
            return (monthStart, max(first, min(middle, last)), counts[key]!)
        }
    }

    func svg(id: String) -> String {
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        var out = "<title id=\"\(id)-title\">Your relationship timeline</title><desc id=\"\(id)-desc\">\(summary.htmlEscaped)</desc>"
        out += "<line class=\"grid\" x1=\"\(Int(Self.axisX))\" x2=\"\(Int(Self.axisX))\" y1=\"\(Int(Self.top))\" y2=\"\(number(height - Self.top))\"/>"
        // Years on the left.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let firstYear = calendar.component(.year, from: start)
        let lastYear = calendar.component(.year, from: end)
        var lastLabelY = -100.0
        if lastYear > firstYear {
            for year in (firstYear + 1)...lastYear {
                guard let date = calendar.date(from: DateComponents(year: year, month: 1, day: 1)) else { continue }
                let yearY = y(date)
                guard yearY - lastLabelY >= 14 else { continue }
                lastLabelY = yearY
                out += "<text class=\"axis\" x=\"\(Int(Self.axisX - 10))\" y=\"\(number(yearY + 4))\" text-anchor=\"end\">\(year)</text>"
            }
        }
        // Log entries and kind moments, one mark a month: wider for more, so twenty years of
        // entries stay a few hundred marks (and the page small), and a busy month stands out.
        let monthName = DateFormatter()
        monthName.locale = Locale(identifier: "en_GB")
        monthName.timeZone = TimeZone(identifier: "UTC")
        monthName.dateFormat = "MMMM yyyy"
        for (dates, className, one, many) in [(incidents, "m-contact", "log entry", "log entries"), (kindMoments, "m-kind", "kind moment", "kind moments")] {
            for month in months(dates, calendar: calendar) {
                let width = 8 + 4 * min(month.count, 8)
                let label = "\(monthName.string(from: month.start)): \(month.count) \(month.count == 1 ? one : many)"
                out += "<rect class=\"\(className)\" x=\"\(Int(Self.axisX) - width / 2)\" y=\"\(number(y(month.at) - 1))\" width=\"\(width)\" height=\"2\">"
                    + "<title>\(label)</title></rect>"
            }
        }
        // Milestones: a dot on the line and a label on the right, pushed down so labels never overlap.
        var nextFree = 0.0
        for mark in milestones.sorted(by: { $0.day < $1.day }) {
            let dotY = y(mark.day)
            let labelY = max(dotY, nextFree)
            nextFree = labelY + Self.lineGap
            out += "<circle class=\"milestone-dot\" cx=\"\(Int(Self.axisX))\" cy=\"\(number(dotY))\" r=\"4\"/>"
            out += "<line class=\"leader\" x1=\"\(Int(Self.axisX + 4))\" y1=\"\(number(dotY))\" x2=\"\(Int(Self.axisX + 14))\" y2=\"\(number(labelY))\"/>"
            out += "<text class=\"milestone-label\" x=\"\(Int(Self.axisX + 18))\" y=\"\(number(labelY + 4))\">\(mark.label.htmlEscaped)</text>"
        }
        let fullHeight = max(height, nextFree + 8)
        return "<svg id=\"\(id)\" class=\"chart timeline\" viewBox=\"0 0 \(Int(Self.width)) \(Int(fullHeight.rounded(.up)))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">" + out + "</svg>"
    }
}
