import Foundation
import UntetherCore

/// Harm and kind moments by month as an SVG bar chart: harm rises from the middle line, kind
/// moments hang below it, so the mix of the two reads at a glance. Its title and description say
/// what it shows in words; the page puts the same numbers in a table beside it.
struct MonthChart: Sendable {
    let months: [LogAnalysis.Month]

    static let width = 360.0
    static let height = 170.0
    static let left = 28.0
    static let right = 6.0
    static let top = 10.0
    static let bottom = 22.0

    var largest: Int { max(1, months.map { max($0.harm, $0.kind) }.max() ?? 1) }

    var summary: String {
        guard let first = months.first, let last = months.last else { return "No entries yet." }
        let harm = months.reduce(0) { $0 + $1.harm }
        let kind = months.reduce(0) { $0 + $1.kind }
        let busiest = months.max { $0.harm < $1.harm }.flatMap { $0.harm > 0 ? $0 : nil }
        var text = "From \(first.month) to \(last.month): \(harm) \(harm == 1 ? "entry" : "entries") of harm and \(kind) kind \(kind == 1 ? "moment" : "moments")."
        if let busiest { text += " The most harm in one month was \(busiest.harm), in \(busiest.month)." }
        return text
    }

    func svg(id: String) -> String {
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        let plotWidth = Self.width - Self.left - Self.right
        let half = (Self.height - Self.top - Self.bottom) / 2
        let middle = Self.top + half
        let step = plotWidth / Double(max(1, months.count))
        let bar = max(0.6, step * 0.7)
        let scale = half / Double(largest)
        var out = "<title id=\"\(id)-title\">Harm and kind moments by month</title><desc id=\"\(id)-desc\">\(summary.htmlEscaped)</desc>"
        out += "<line class=\"grid\" x1=\"\(number(Self.left))\" x2=\"\(number(Self.width - Self.right))\" y1=\"\(number(middle))\" y2=\"\(number(middle))\"/>"
        out += "<text class=\"axis\" x=\"\(number(Self.left - 4))\" y=\"\(number(Self.top + 10))\" text-anchor=\"end\">\(largest)</text>"
        out += "<text class=\"axis\" x=\"\(number(Self.left - 4))\" y=\"\(number(Self.height - Self.bottom))\" text-anchor=\"end\">\(largest)</text>"
        // Years under the chart, at each January (or the first month), kept apart.
        var lastLabel = -100.0
        for (index, month) in months.enumerated() where index == 0 || month.month.hasSuffix("-01") {
            let x = Self.left + Double(index) * step
            guard x - lastLabel >= 34 else { continue }
            lastLabel = x
            out += "<text class=\"axis\" x=\"\(number(x))\" y=\"\(number(Self.height - 6))\">\(month.month.prefix(4))</text>"
        }
        for (index, month) in months.enumerated() {
            let x = Self.left + Double(index) * step + (step - bar) / 2
            if month.harm > 0 {
                let h = Double(month.harm) * scale
                out += "<rect class=\"m-contact\" x=\"\(number(x))\" y=\"\(number(middle - h))\" width=\"\(number(bar))\" height=\"\(number(h))\">"
                    + "<title>\(month.month): \(month.harm) of harm</title></rect>"
            }
            if month.kind > 0 {
                let h = Double(month.kind) * scale
                out += "<rect class=\"m-kind\" x=\"\(number(x))\" y=\"\(number(middle))\" width=\"\(number(bar))\" height=\"\(number(h))\">"
                    + "<title>\(month.month): \(month.kind) kind</title></rect>"
            }
        }
        return "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">" + out + "</svg>"
    }
}
