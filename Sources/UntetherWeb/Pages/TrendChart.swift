import Foundation
import UntetherCore

/// A line chart of withdrawal over time, drawn on the server as SVG. Lower is easier. Days,
/// weeks or months with contact or urges are marked in two bands under the lines. The SVG has a
/// title and a description; the page puts a data table next to it.
struct TrendChart {
    let points: [Trends.Point]
    let scale: Trends.Scale
    /// Where the time line starts (the day no contact began, when known).
    let from: Date?
    let now: Date
    let timeZone: TimeZone

    // The drawing's own units; CSS scales it to the screen.
    static let width = 360.0
    static let height = 232.0
    static let left = 26.0
    static let right = 10.0
    static let top = 10.0
    static let plotHeight = 140.0
    static var contactBand: Double { top + plotHeight + 14 }
    static var urgeBand: Double { top + plotHeight + 30 }
    static var labelLine: Double { top + plotHeight + 58 }

    /// A line in the chart: which average, its class for colour and dashes, and its name.
    struct Series: Sendable {
        let name: String
        let cssClass: String
        let value: @Sendable (Trends.Point) -> Double?
    }

    static let series: [Series] = [
        Series(name: "Overall", cssClass: "s-overall", value: { $0.overall }),
        Series(name: SymptomGroup.physical.label, cssClass: "s-physical", value: { $0.physical }),
        Series(name: SymptomGroup.emotional.label, cssClass: "s-emotional", value: { $0.emotional }),
        Series(name: SymptomGroup.cognitive.label, cssClass: "s-cognitive", value: { $0.cognitive }),
    ]

    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The first and last moment on the time line.
    var domain: (Date, Date) {
        let first = [points.first?.start, from.map { calendar.startOfDay(for: $0) }].compactMap { $0 }.min() ?? calendar.startOfDay(for: now)
        let last = max(points.last?.start ?? first, calendar.startOfDay(for: now))
        return (first, last)
    }

    func x(_ date: Date) -> Double {
        let (first, last) = domain
        let span = last.timeIntervalSince(first)
        let plotWidth = Self.width - Self.left - Self.right
        guard span > 0 else { return Self.left + plotWidth / 2 }
        return Self.left + plotWidth * date.timeIntervalSince(first) / span
    }

    func y(_ value: Double) -> Double {
        Self.top + Self.plotHeight * (1 - value / Double(Symptoms.rating.upperBound))
    }

    /// One decimal place, without `String(format:)`, which is slow when called thousands of times.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return sign + String(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
    }

    /// How a bucket is named in words.
    func bucketName(_ point: Trends.Point) -> String {
        var style = Date.FormatStyle.dateTime.locale(Locale(identifier: "en_GB"))
        style.timeZone = timeZone
        switch scale {
        case .day: return point.start.formatted(style.day().month(.abbreviated).year())
        case .week: return "Week of " + point.start.formatted(style.day().month(.abbreviated).year())
        case .month: return point.start.formatted(style.month(.wide).year())
        }
    }

    /// Every point's name, worked out with one formatter (formatting dates one by one is slow).
    var bucketNames: [String] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = timeZone
        formatter.dateFormat = scale == .month ? "MMMM yyyy" : "d MMM yyyy"
        let prefix = scale == .week ? "Week of " : ""
        return points.map { prefix + formatter.string(from: $0.start).htmlEscaped }
    }

    func axisLabel(_ date: Date) -> String {
        var style = Date.FormatStyle.dateTime.locale(Locale(identifier: "en_GB"))
        style.timeZone = timeZone
        return scale == .month ? date.formatted(style.month(.abbreviated).year()) : date.formatted(style.day().month(.abbreviated).year())
    }

    var unitName: (one: String, many: String) {
        switch scale {
        case .day: ("day", "days")
        case .week: ("week", "weeks")
        case .month: ("month", "months")
        }
    }

    /// The chart in one or two plain sentences, for the SVG description and screen readers.
    var summary: String {
        let rated = points.filter { $0.overall != nil }
        let contacts = points.filter(\.contact).count
        let urges = points.filter { $0.urges > 0 }.count
        let unit = unitName
        func count(_ n: Int) -> String { "\(n) \(n == 1 ? unit.one : unit.many)" }
        var text: String
        if let first = rated.first, let last = rated.last, let start = first.overall, let end = last.overall {
            text = rated.count == 1
                ? "One check-in so far: \(bucketName(first)), overall \(Self.number(start)) out of 4."
                : "Overall, from \(Self.number(start)) out of 4 (\(bucketName(first))) to \(Self.number(end)) (\(bucketName(last))). Lower is easier."
        } else {
            text = "No check-ins yet."
        }
        let marked = [contacts > 0 ? "\(count(contacts)) with contact" : nil, urges > 0 ? "\(count(urges)) with urges" : nil].compactMap { $0 }
        if !marked.isEmpty {
            text += " Marked along the bottom: " + marked.joined(separator: " and ") + "."
        }
        return text
    }

    func svg(id: String) -> String {
        var out = ""
        out.reserveCapacity(4096 + points.count * 64)
        out += "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" "
        out += "aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"\(id)-title\">Withdrawal over time, by \(unitName.one)</title>"
        out += "<desc id=\"\(id)-desc\">\(summary.htmlEscaped)</desc>"
        // Grid and the 0–4 scale.
        for level in Symptoms.rating {
            let lineY = Self.number(y(Double(level)))
            out += "<line class=\"grid\" x1=\"\(Int(Self.left))\" x2=\"\(Int(Self.width - Self.right))\" y1=\"\(lineY)\" y2=\"\(lineY)\"/>"
            out += "<text class=\"axis\" x=\"\(Int(Self.left - 6))\" y=\"\(Self.number(y(Double(level)) + 4))\" text-anchor=\"end\">\(level)</text>"
        }
        let rated = points.filter { $0.overall != nil }
        if rated.isEmpty {
            out += "<text class=\"empty\" x=\"\(Int(Self.width / 2))\" y=\"\(Int(Self.top + Self.plotHeight / 2))\" text-anchor=\"middle\">No check-ins yet</text>"
        }
        for series in Self.series {
            let values = points.compactMap { point in series.value(point).map { (x(point.start), y($0)) } }
            guard !values.isEmpty else { continue }
            if values.count > 1 {
                out += "<polyline class=\"line \(series.cssClass)\" points=\""
                for (index, value) in values.enumerated() {
                    if index > 0 { out += " " }
                    out += Self.number(value.0) + "," + Self.number(value.1)
                }
                out += "\"/>"
            }
            // Dots when there are few enough to tell apart, so a single check-in shows.
            if values.count <= 60 {
                for value in values {
                    out += "<circle class=\"dot \(series.cssClass)\" cx=\"\(Self.number(value.0))\" cy=\"\(Self.number(value.1))\" r=\"\(series.cssClass == "s-overall" ? "3" : "2")\"/>"
                }
            }
        }
        // The two bands: contact and urges.
        for band in [Self.contactBand, Self.urgeBand] {
            out += "<line class=\"band\" x1=\"\(Int(Self.left))\" x2=\"\(Int(Self.width - Self.right))\" y1=\"\(Self.number(band))\" y2=\"\(Self.number(band))\"/>"
        }
        for point in points where point.contact {
            out += "<rect class=\"m-contact\" x=\"\(Self.number(x(point.start) - 1.5))\" y=\"\(Self.number(Self.contactBand - 4))\" width=\"3\" height=\"8\"/>"
        }
        for point in points where point.urges > 0 {
            out += "<circle class=\"m-urge\" cx=\"\(Self.number(x(point.start)))\" cy=\"\(Self.number(Self.urgeBand))\" r=\"2.5\"/>"
        }
        // First and last day under the time line.
        let (first, last) = domain
        out += "<text class=\"axis\" x=\"\(Int(Self.left))\" y=\"\(Int(Self.labelLine))\" text-anchor=\"start\">\(axisLabel(first).htmlEscaped)</text>"
        if last > first {
            out += "<text class=\"axis\" x=\"\(Int(Self.width - Self.right))\" y=\"\(Int(Self.labelLine))\" text-anchor=\"end\">\(axisLabel(last).htmlEscaped)</text>"
        }
        out += "</svg>"
        return out
    }
}
