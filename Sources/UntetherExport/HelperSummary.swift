import Foundation
import Plot
import UntetherCore
import UntetherVault

/// A short, printable summary of the log for someone the person chooses to show it to: an
/// advocate, a therapist or a lawyer. The counts, the trends, the danger signs with their dates
/// and, only if the person chooses, their latest self-check. The web app shows it inside its own
/// page; an export puts it in the bundle as `summary.html`, made only from the chained entries
/// and the export's settings, so a check can make it again and compare it byte for byte.
public enum HelperSummary {
    /// Everything the summary shows.
    public struct Content: Sendable {
        public let analysis: LogAnalysis
        /// The latest self-check, when the person chose to include it.
        public let selfCheck: SavedRelationshipCheck?
        /// The self-check's day, in the person's time zone.
        public let selfCheckDay: CalendarDay?
        /// The day the summary was made.
        public let madeOn: CalendarDay
        /// True inside an export bundle, where the full report sits beside it.
        public let inBundle: Bool

        public init(analysis: LogAnalysis, selfCheck: SavedRelationshipCheck? = nil, selfCheckDay: CalendarDay? = nil, madeOn: CalendarDay, inBundle: Bool) {
            self.analysis = analysis
            self.selfCheck = selfCheck
            self.selfCheckDay = selfCheckDay
            self.madeOn = madeOn
            self.inBundle = inBundle
        }
    }

    /// "Mon 2 Oct 2026": one fixed English form, the same on any machine.
    static func day(_ day: CalendarDay) -> String { ReportClock(timeZoneID: "UTC").day(day) }

    /// The summary's content, for a page of its own or inside the app's layout.
    public static func body(_ content: Content) -> Node<HTML.BodyContext> {
        let parts: [Node<HTML.BodyContext>] = [
            header(content), counts(content.analysis), trends(content.analysis), signs(content.analysis), months(content.analysis),
            content.selfCheck.map { selfCheck($0, day: content.selfCheckDay) } ?? .empty, closing(inBundle: content.inBundle),
        ]
        return .div(.class("summary"), .group(parts))
    }

    static func list(_ rows: [Node<HTML.BodyContext>]) -> Node<HTML.BodyContext> {
        .element(named: "dl", nodes: rows)
    }

    static func header(_ content: Content) -> Node<HTML.BodyContext> {
        let analysis = content.analysis
        let range = analysis.firstDay.map { "from \(day($0)) to \(day(analysis.end))" } ?? "up to \(day(analysis.end))"
        let made = "Made on \(day(content.madeOn)) by the person who kept this log, from their own entries. It covers \(range)."
        return .group(.h1("Summary of the log"), .p(EvidenceReport.text(made)))
    }

    static func counts(_ analysis: LogAnalysis) -> Node<HTML.BodyContext> {
        let rows: [Node<HTML.BodyContext>] = [
            EvidenceReport.row("Entries of harm", String(analysis.incidentCount)),
            EvidenceReport.row("Kind moments", String(analysis.kindMomentCount)),
            EvidenceReport.row("Last 90 days", "\(analysis.last90Days) entries of harm"),
            EvidenceReport.row("The 90 days before", "\(analysis.previous90Days) entries of harm"),
            EvidenceReport.row("Months with harm", String(analysis.monthsWithHarm)),
            EvidenceReport.row("Months with harm and kind moments", String(analysis.mixedMonths)),
        ]
        return .group(.h2("Counts"), list(rows))
    }

    static func trends(_ analysis: LogAnalysis) -> Node<HTML.BodyContext> {
        let rows: [Node<HTML.BodyContext>] = [
            EvidenceReport.row("How often", analysis.frequencySentence + " (" + analysis.frequencyTrend.rawValue + ")"),
            EvidenceReport.row("How severe", analysis.severitySentence + " (" + analysis.severityTrend.rawValue + ")"),
            EvidenceReport.row("Time between", analysis.gapsSentence),
        ]
        return .group(
            .h2("Trends"),
            .p(.class("muted"), "Worked out with the Mann-Kendall test, which needs no regular pattern and suits small numbers. A direction is given only when the entries support one."),
            list(rows)
        )
    }

    static func signs(_ analysis: LogAnalysis) -> Node<HTML.BodyContext> {
        guard !analysis.dangerSigns.isEmpty else {
            return .group(.h2("Danger signs written down"), .p("None of the entries in this range has a danger sign ticked."))
        }
        let rows: [Node<HTML.TableContext>] = analysis.dangerSigns.map { item in
            let cells: [Node<HTML.TableRowContext>] = [
                .td(EvidenceReport.text(item.sign.label)),
                .td(EvidenceReport.text(String(item.entries.count))),
                .td(EvidenceReport.text(item.dates.first.map(day) ?? "")),
                .td(EvidenceReport.text(item.dates.last.map(day) ?? "")),
                .td(EvidenceReport.text(item.dates.map(day).joined(separator: "; "))),
            ]
            return .tr(.group(cells))
        }
        return .group(
            .h2("Danger signs written down"),
            .table(.thead(.tr(.th("Sign"), .th("Times"), .th("First"), .th("Last"), .th("Every day"))), .tbody(.group(rows)))
        )
    }

    static func months(_ analysis: LogAnalysis) -> Node<HTML.BodyContext> {
        let shown = analysis.months.filter { $0.harm > 0 || $0.kind > 0 }
        guard !shown.isEmpty else { return .group(.h2("By month"), .p("No entries in this range.")) }
        let rows: [Node<HTML.TableContext>] = shown.map { month in
            .tr(.td(EvidenceReport.text(month.month)), .td(EvidenceReport.text(String(month.harm))), .td(EvidenceReport.text(String(month.kind))))
        }
        return .group(
            .h2("By month"),
            .table(.thead(.tr(.th("Month"), .th("Harm"), .th("Kind moments"))), .tbody(.group(rows))),
            .if(shown.count < analysis.months.count, .p(.class("muted"), "Months with no entries are left out of this table."))
        )
    }

    static func closing(inBundle: Bool) -> Node<HTML.BodyContext> {
        .group(
            .h2("What this is, and is not"),
            .p("These counts come only from what the person chose to write down, when they could. Many things go unrecorded, so the real numbers may be higher. Most abusive relationships follow no regular cycle, so nothing here predicts what comes next."),
            .if(inBundle, .p(
                .text("Every entry behind these counts is in this bundle, in full, in "), .code("report.html"),
                .text(", with a way to check that none was changed.")
            ))
        )
    }

    static func selfCheck(_ check: SavedRelationshipCheck, day checkDay: CalendarDay?) -> Node<HTML.BodyContext> {
        let on = checkDay.map { " on " + day($0) } ?? ""
        let rows: [Node<HTML.BodyContext>] = RelationshipCheck.Area.allCases.map { area in
            let ticked = RelationshipCheck.items(in: area).filter { check.tickedSet.contains($0.id) }
            return ticked.isEmpty ? .empty : EvidenceReport.row(area.title, ticked.map(\.text).joined(separator: " "))
        }
        return .group(
            .h2("Self-check"),
            .p(EvidenceReport.text("The person's own answers\(on). It is not a test or a diagnosis.")),
            list(rows)
        )
    }

    /// The summary as a page of its own, for the export bundle.
    public static func document(_ content: Content) -> String {
        HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .viewport(.accordingToDevice),
                .element(named: "title", text: "Summary of the log"),
                .element(named: "style", text: EvidenceReport.css)
            ),
            .body(body(content))
        ).render(indentedBy: .spaces(1))
    }
}

extension EvidenceBundle {
    /// The summary an export writes: the chosen entries, from the export's first day (or the
    /// first entry) to its last day (or the day it was made, in the person's time zone).
    static func summary(_ selection: Selection, settings: ExportSettings, madeAt: Date) -> String {
        let zone = TimeZone(identifier: settings.timeZone) ?? .gmt
        let offset = settings.offsets[EvidenceChain.canonicalDate(madeAt)] ?? zone.secondsFromGMT(for: madeAt)
        let madeOn = CalendarDay(madeAt.addingTimeInterval(Double(offset)), in: .gmt)
        // Up to the day it was made, or the last entry if one is dated later (a clock set wrong).
        let end = settings.to ?? max(madeOn, selection.incidents.map(\.occurredOn).max() ?? madeOn)
        let analysis = LogAnalysis(incidents: selection.incidents, from: settings.from, end: end)
        return HelperSummary.document(HelperSummary.Content(analysis: analysis, madeOn: madeOn, inBundle: true))
    }
}
