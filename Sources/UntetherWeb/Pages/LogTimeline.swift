import Foundation
import UntetherCore
import UntetherStore
import UntetherVault

/// The timeline's filters, read from the query string of a plain GET form, so they work
/// without script and can be bookmarked. Anything unreadable is left out, never an error.
struct LogFilter: Equatable {
    var category: IncidentCategory?
    var dangerSign: DangerSign?
    var minimumSeverity: Severity?
    /// First and last day to show, both included.
    var from: CalendarDay?
    var to: CalendarDay?

    init(category: IncidentCategory? = nil, minimumSeverity: Severity? = nil, from: CalendarDay? = nil, to: CalendarDay? = nil) {
        self.category = category
        self.minimumSeverity = minimumSeverity
        self.from = from
        self.to = to
    }

    init(query: (String) -> String?) {
        category = query("category").flatMap(IncidentCategory.init(rawValue:))
        dangerSign = query("sign").flatMap(DangerSign.init(rawValue:))
        minimumSeverity = query("severity").flatMap(Int.init).flatMap(Severity.init(rawValue:))
        from = query("from").flatMap(Self.day)
        to = query("to").flatMap(Self.day)
    }

    static func day(_ text: String) -> CalendarDay? { CalendarDay(text) }

    var isActive: Bool { category != nil || dangerSign != nil || minimumSeverity != nil || from != nil || to != nil }

    /// The filter as the form posts it, to post it again for another page.
    var fields: [(name: String, value: String)] {
        [
            ("category", category?.rawValue ?? ""), ("sign", dangerSign?.rawValue ?? ""), ("severity", minimumSeverity.map { String($0.rawValue) } ?? ""),
            ("from", from?.description ?? ""), ("to", to?.description ?? ""),
        ]
    }

    /// True when the first day is after the last, so nothing can match.
    var isBackwards: Bool {
        guard let from, let to else { return false }
        return from > to
    }

    /// Whether an entry passes every filter. Removed entries have no content left to match,
    /// so they show only when nothing is filtered.
    func includes(_ entry: LogEntry) -> Bool {
        guard let incident = entry.incident, !entry.isRemoved else { return !isActive }
        if let category, !incident.categories.contains(category) { return false }
        if let dangerSign, !(incident.dangerSigns ?? []).contains(dangerSign) { return false }
        if let minimumSeverity {
            guard let severity = incident.severity, severity >= minimumSeverity else { return false }
        }
        if let from, incident.occurredOn < from { return false }
        if let to, incident.occurredOn > to { return false }
        return true
    }
}

/// Words and dates for showing entries.
enum LogText {
    static let summaryLength = 120

    /// One line from what happened: the first ~120 characters, line breaks as spaces.
    static func summary(_ incident: Incident) -> String {
        // Only the start is needed: a long entry is cut well before this anyway.
        let line = incident.description.prefix(summaryLength * 3).split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        if line.isEmpty { return incident.kindMoment?.label ?? "" }
        guard line.count > summaryLength else { return line }
        let cut = line.prefix(summaryLength)
        // End on a whole word when there is one in the last stretch.
        let trimmed = cut.lastIndex(of: " ").map { cut[..<$0] }.flatMap { $0.count > summaryLength - 30 ? $0 : nil } ?? cut
        return trimmed.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// "20 Nov 2026, 21:40", with "about" when it is a best guess.
    static func when(_ incident: Incident) -> String {
        let day = DisplayDate.day(incident.occurredOn)
        let time = incident.occurredAt.map { ", \($0)" } ?? ""
        return (incident.approximate ? "About " : "") + day + time
    }
}

/// What the log page says about the chain: the code to copy, and whether every record checks out.
struct ChainStatus: Equatable {
    /// The newest chain hash in hex, or nil while nothing is written down.
    let headHex: String?
    /// How many records (entries, additions, removals) were checked.
    let records: Int
    /// Problems, each described in plain words with the entry it belongs to.
    let problems: [String]

    init(report: ChainReport, entries: [LogEntry]) {
        headHex = report.head?.chainHashHex
        records = report.entries
        breakdown = Self.breakdown(kinds: report.kinds, entries: entries)
        problems = report.problems.map { Self.describe($0, entries: entries) }
    }

    var isIntact: Bool { problems.isEmpty }

    /// The first 16 characters in groups of four: short enough to copy by hand.
    var shortCode: String? {
        headHex.map { Self.grouped(String($0.prefix(16))) }
    }

    static func grouped(_ hex: String) -> String {
        stride(from: 0, to: hex.count, by: 4).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<(hex.index(start, offsetBy: 4, limitedBy: hex.endIndex) ?? hex.endIndex)])
        }.joined(separator: " ")
    }

    /// What the records are, counted, so the number matches what the person sees.
    let breakdown: String

    var summary: String {
        if records == 1 { return "The one record in this log checks out." }
        return "All \(records) records in this log check out: \(breakdown)."
    }

    static func breakdown(kinds: [String: Int], entries: [LogEntry]) -> String {
        func count(_ kind: RecordKind, _ one: String, _ many: String) -> String? {
            let number = kinds[kind.rawValue, default: 0]
            return number == 0 ? nil : "\(number) \(number == 1 ? one : many)"
        }
        let removed = entries.filter(\.isRemoved).count
        var written = count(.incident, "entry", "entries")
        if removed > 0, let text = written { written = text + " (\(removed) since removed)" }
        let parts = [
            written, count(.amendment, "addition", "additions"), count(.attachment, "file", "files"),
            count(.removal, "removal", "removals"), count(.export, "export", "exports"),
        ].compactMap { $0 }
        return parts.count <= 1 ? (parts.first ?? "") : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }


    /// A problem, with the entry it concerns named by its day, so the person can find it.
    static func describe(_ problem: ChainProblem, entries: [LogEntry]) -> String {
        let recordID = problem.detail?.split(separator: " ").last.map(String.init)
        let entry = entries.first { entry in
            let ids = [entry.id] + entry.amendments.map(\.id) + [entry.removal?.id].compactMap { $0 }
            if let recordID, ids.contains(where: { $0.uuidString.lowercased() == recordID.lowercased() }) { return true }
            return recordID == nil && problem.sequence == entry.sequence
        }
        let number = problem.sequence.map { " (record \($0))" } ?? ""
        let place: String
        if let incident = entry?.incident {
            place = "The entry for \(DisplayDate.day(incident.occurredOn))" + number
        } else if entry != nil {
            place = "A removed entry" + number
        } else if let sequence = problem.sequence {
            place = "Record \(sequence)"
        } else {
            place = "A record added outside the log"
        }
        return "\(place): \(problem.what.rawValue)."
    }
}
