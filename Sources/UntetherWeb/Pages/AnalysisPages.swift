import Foundation
import Plot
import UntetherCore
import UntetherExport

/// What the log shows: the person's own records counted, every statement linked to the entries
/// behind it, with honest words when there are too few to tell. It never predicts the next
/// incident.
enum AnalysisPages {
    /// The range asked for, as typed, and what it means.
    struct Range: Equatable {
        var from: CalendarDay?
        var to: CalendarDay?
        var fromText = ""
        var toText = ""
        var error: String?

        init(query: (String) -> String?) {
            fromText = query("from")?.trimmingCharacters(in: .whitespaces) ?? ""
            toText = query("to")?.trimmingCharacters(in: .whitespaces) ?? ""
            from = CalendarDay(fromText)
            to = CalendarDay(toText)
            if (!fromText.isEmpty && from == nil) || (!toText.isEmpty && to == nil) {
                error = "Please give days as year-month-day, for example 2026-03-14."
            } else if let from, let to, from > to {
                error = "The first day is after the last one. Please swap them."
                self.from = nil
                self.to = nil
            }
        }

        /// The range as query items, for links that keep it.
        var query: [(name: String, value: String)] {
            [from.map { ("from", $0.description) }, to.map { ("to", $0.description) }].compactMap { $0 }
        }
    }

    /// How many linked entries a statement lists before it says "and N more".
    static let linkedLimit = 12

    static func render(
        chrome: PageChrome, range: Range, analysis: LogAnalysis, patterns: RecordPatterns, region: HelpRegion?
    ) -> String {
        let isEmpty = analysis.incidentCount == 0 && analysis.kindMomentCount == 0
        return Layout.render(chrome: chrome, content: .group(
            .h1(.text("What the log shows")),
            .p(.class("lead"), .text("Your own entries, counted. Each line links to the entries behind it, so you can check it for yourself. The log's pages also list kind moments.")),
            rangeForm(range),
            .if(isEmpty, .section(
                .id("patterns-empty"), .class("card"),
                .h2(.text("Nothing to count yet")),
                .p(.userText(range.from == nil && range.to == nil
                    ? "When you write things down in the log, this page counts them and shows what changes over time."
                    : "There are no entries on these days.")),
                .p(.a(.class("button"), .href(SiteRoute.newLogEntry), .text("Write something down")))
            ), else: .group(
                howOften(analysis),
                howSevere(analysis),
                signs(analysis, region: region),
                mix(analysis),
                urges(patterns),
                reachedOut(patterns)
            )),
            .section(
                .id("no-cycle"),
                .h2(.text("Why this page does not guess what comes next")),
                .p(.text("Studies that followed couples day by day found that in most abusive relationships, harm does not come on a regular cycle. So this page does not guess when it might happen again. Trust what you notice, and keep your safety plan close."))
            ),
            .section(
                .id("patterns-reading"),
                .h2(.text("Why patterns are hard to see from inside")),
                .p(.text("When hurt and warmth take turns, the warm days stay vivid and the bad ones blur. You may have been told that what happened did not happen, or that it was your fault. Over time, that wears down trust in your own memory.")),
                .p(.text("Counting helps because it does not depend on how you feel today. The dates are yours. They were written down when things happened."))
            ),
            .p(.a(.id("to-summary"), .class("button secondary"), .href(SiteRoute.patternsSummary.with(range.query)), .text("Make a summary for a helper"))),
            .p(.a(.id("to-self-check"), .href(SiteRoute.selfCheck), .text("Questions about the relationship")), .text(": what happens, how it feels, and what holds you."))
        ))
    }

    static func rangeForm(_ range: Range) -> Node<HTML.BodyContext> {
        .form(
            .id("patterns-range"), .class("stack card"), .action(SiteRoute.patterns), .method(.get),
            Layout.message(range.error, isError: true),
            .div(
                .class("range-row"),
                Layout.field(id: "patterns-from", label: "From", type: .date, name: "from", value: range.fromText, required: false, autocomplete: "off"),
                Layout.field(id: "patterns-to", label: "To", type: .date, name: "to", value: range.toText, required: false, autocomplete: "off")
            ),
            .div(.class("actions"), .button(.class("button secondary"), .type(.submit), .text("Show these days")),
                 .if(range.from != nil || range.to != nil, .a(.href(SiteRoute.patterns), .text("All days"))))
        )
    }

    static func logLink(_ query: [(name: String, value: String)], _ text: String) -> Node<HTML.BodyContext> {
        .a(.href(SiteRoute.log.with(query)), .userText(text))
    }

    /// The range the analysis covers, for links to the log.
    static func range(_ analysis: LogAnalysis) -> [(name: String, value: String)] {
        [analysis.firstDay.map { ("from", $0.description) }, ("to", analysis.end.description)].compactMap { $0 }
    }

    static func entries(_ count: Int) -> String { count == 1 ? "1 entry" : "\(count) entries" }

    static func howOften(_ analysis: LogAnalysis) -> Node<HTML.BodyContext> {
        let end = analysis.end
        let recent = [("from", end.adding(days: -89).description), ("to", end.description)]
        let before = [("from", end.adding(days: -179).description), ("to", end.adding(days: -90).description)]
        let all = [analysis.firstDay.map { ("from", $0.description) }, ("to", end.description)].compactMap { $0 }
        return .section(
            .id("how-often"),
            .h2(.text("How often")),
            .ul(
                .li(.id("count-all"), logLink(all, entries(analysis.incidentCount) + " of harm"),
                    .userText(analysis.firstDay.map { " from \(DisplayDate.day($0)) to \(DisplayDate.day(end))." } ?? ".")),
                .li(.id("count-90"), .text("Last 90 days: "), logLink(recent, entries(analysis.last90Days)), .text(". The 90 days before: "),
                    logLink(before, entries(analysis.previous90Days)), .text(".")),
                .li(.id("frequency"), .safeAttribute("data-trend", analysis.frequencyTrend.rawValue), .userText(analysis.frequencySentence))
            ),
            .if(!analysis.months.isEmpty, .group(
                .div(.class("chart-box"), .raw(MonthChart(months: analysis.months).svg(id: "month-chart"))),
                .ul(.class("legend"),
                    .li(.span(.class("swatch m-contact")), .text("Harm (above the line)")),
                    .li(.span(.class("swatch m-kind")), .text("Kind moments (below the line)"))),
                .details(
                    .class("table-box"),
                    .summary(.text("The numbers by month")),
                    .table(
                        .id("month-table"),
                        .thead(.tr(.th(.text("Month")), .th(.text("Harm")), .th(.text("Kind moments")))),
                        .tbody(.forEach(analysis.months.reversed()) { month in
                            .tr(.td(.userText(month.month)), .td(.userText(String(month.harm))), .td(.userText(String(month.kind))))
                        })
                    )
                )
            ))
        )
    }

    static func howSevere(_ analysis: LogAnalysis) -> Node<HTML.BodyContext> {
        .section(
            .id("how-severe"),
            .h2(.text("How severe, and how close together")),
            .ul(
                .li(.id("severity"), .safeAttribute("data-trend", analysis.severityTrend.rawValue), .userText(analysis.severitySentence + " "),
                    logLink([("severity", "4")] + range(analysis), "See the entries you rated 4 or 5.")),
                .li(.id("gaps"), .safeAttribute("data-shrinking", analysis.gapsShrinking.map { $0 ? "true" : "false" } ?? "unknown"),
                    .userText(analysis.gapsSentence))
            ),
            .if(analysis.isEscalating, .p(
                .id("escalating"), .class("notice"),
                .text("Harm that comes more often, grows worse or comes closer together is a warning sign. "),
                .a(.href(SiteRoute.dangerCheck), .text("Take the check on danger")), .text(" or "),
                .a(.href(SiteRoute.safetyPlan), .text("look at your safety plan")), .text(".")
            ))
        )
    }

    static func signs(_ analysis: LogAnalysis, region: HelpRegion?) -> Node<HTML.BodyContext> {
        .section(
            .id("danger-signs"),
            .h2(.text("Danger signs you wrote down")),
            .if(analysis.dangerSigns.isEmpty, .p(.text("None of these entries has a danger sign ticked. You can tick them on the full form.")), else: .group(
                .ul(.forEach(analysis.dangerSigns) { item in
                    .li(
                        .class("sign-\(item.sign.rawValue)"),
                        .strong(.userText(item.sign.short.prefix(1).uppercased() + item.sign.short.dropFirst())), .text(": "),
                        .userText(item.dates.count == 1 ? "on " : "first on "),
                        .unwrap(item.entries.first) { id in .a(.href(SiteRoute.logEntry(.of(id))), .userText(DisplayDate.day(item.dates[0]))) },
                        .if(item.dates.count > 1, .group(
                            .text(", last on "),
                            .unwrap(item.entries.last) { id in .a(.href(SiteRoute.logEntry(.of(id))), .userText(DisplayDate.day(item.dates[item.dates.count - 1]))) }
                        )),
                        .text(". "),
                        logLink([("sign", item.sign.rawValue)] + range(analysis), item.entries.count == 1 ? "1 entry" : "All \(item.entries.count) entries"),
                        .text(".")
                    )
                }),
                .p(.class("notice"),
                   .text("These signs are linked to serious harm. "),
                   .a(.href(SiteRoute.dangerCheck), .text("The check on danger")), .text(" and a help line can help you plan for safety. "),
                   .unwrap(region?.domesticAbuse.first, { line in
                       .group(.userText(line.name + ": "), .a(.class("tel"), .href(HelpLine.telLink(line.dial)), .userText(line.number)), .text("."))
                   }, else: .a(.href(SiteRoute.help), .text("Find a help line."))))
            ))
        )
    }

    static func mix(_ analysis: LogAnalysis) -> Node<HTML.BodyContext> {
        .section(
            .id("mix"),
            .h2(.text("Hurt and warmth")),
            .p(.userText(analysis.monthsWithHarm == 0
                ? "No month in this range holds harm."
                : "\(analysis.mixedMonths) of the \(analysis.monthsWithHarm) months with harm also had kind moments.")),
            .p(.class("muted"), .text("Warmth that comes after hurt, on no set pattern, is what makes a bond so hard to break. It is not a sign that things are getting better."))
        )
    }

    static func linkedDays(_ items: [RecordPatterns.Followed]) -> Node<HTML.BodyContext> {
        let shown = items.suffix(linkedLimit).reversed()
        return .group(
            .ul(.class("linked"), .forEach(Array(shown)) { item in
                .li(.a(.href(SiteRoute.logEntry(.of(item.entry))), .userText(DisplayDate.day(item.day))),
                    .userText(item.urges == 1 ? ": 1 urge after" : ": \(item.urges) urges after"))
            }),
            .if(items.count > linkedLimit, .p(.class("muted"), .userText("And \(items.count - linkedLimit) earlier.")))
        )
    }

    static func share(_ value: Double?) -> String {
        value.map { "\(Int(($0 * 100).rounded()))%" } ?? "none"
    }

    static func urges(_ patterns: RecordPatterns) -> Node<HTML.BodyContext> {
        let days = RecordPatterns.windowDays
        func line(_ after: RecordPatterns.AfterEntries, _ noun: String, id: String) -> Node<HTML.BodyContext> {
            guard after.entries > 0 else { return .p(.id(id), .userText("No \(noun) in this range.")) }
            var text = "After \(after.followed.count) of \(after.entries) \(noun) (\(share(after.share))), you logged an urge within \(days) days."
            if !after.canCompare { text += " That is too few to compare." }
            return .group(.p(.id(id), .userText(text)), linkedDays(after.followed))
        }
        return .section(
            .id("urges-after"),
            .h2(.text("Urges after harm, and after kind moments")),
            .if(patterns.urgeCount == 0, .p(.text("No urges logged in this range. When you log urges on Pause, this shows when they come.")), else: .group(
                line(patterns.afterHarm, "entries of harm", id: "urges-after-harm"),
                line(patterns.afterKind, "kind moments", id: "urges-after-kind"),
                .p(.id("urges-any-day"), .class("muted"),
                   .userText("For comparison: on \(share(patterns.anyDayShare)) of all days in this range, an urge came within \(days) days."))
            ))
        )
    }

    static func reachedOut(_ patterns: RecordPatterns) -> Node<HTML.BodyContext> {
        guard let since = patterns.noContactSince else {
            return .section(.id("reached-out"), .h2(.text("Contacts you started")),
                            .p(.text("When you set the day no contact began, this shows any contact you started after it. "),
                               .a(.href(SiteRoute.situation), .text("Set the day"))))
        }
        let started = patterns.startedAfterNoContact
        return .section(
            .id("reached-out"),
            .h2(.text("Contacts you started")),
            .p(.userText(started.isEmpty
                ? "No contacts you started since no contact began on \(DisplayDate.day(since))."
                : "Since no contact began on \(DisplayDate.day(since)), you started contact \(started.count == 1 ? "once" : "\(started.count) times").")),
            .if(!started.isEmpty, .group(
                .ul(.class("linked"), .forEach(Array(started.suffix(linkedLimit).reversed())) { item in .li(.userText(DisplayDate.day(item.day))) }),
                .p(.a(.href(SiteRoute.contacts), .text("See them in the contact log"))),
                .p(.class("muted"), .text("Reaching out is the pull of the bond, not a failure. Each day is a fresh start."))
            ))
        )
    }

    /// The summary for a helper, inside the app's layout, with a choice of range and of whether
    /// the latest self-check goes in.
    static func summary(chrome: PageChrome, range: Range, content: HelperSummary.Content, hasSelfCheck: Bool, includeSelfCheck: Bool) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.class("actions"), .a(.href(SiteRoute.patterns.with(range.query)), .text("← Back")), .text(" "),
               .button(.id("print-now"), .class("button secondary"), .type(.button), .attribute(named: "hidden"), .text("Print"))),
            .form(
                .id("summary-choices"), .class("stack card no-print"), .action(SiteRoute.patternsSummary), .method(.get),
                Layout.message(range.error, isError: true),
                .p(.text("Choose what to show, then print it or save it as a PDF from the browser's menu. Only show it to someone you trust.")),
                .div(
                    .class("range-row"),
                    Layout.field(id: "summary-from", label: "From", type: .date, name: "from", value: range.fromText, required: false, autocomplete: "off"),
                    Layout.field(id: "summary-to", label: "To", type: .date, name: "to", value: range.toText, required: false, autocomplete: "off")
                ),
                .if(hasSelfCheck, LogPages.choice(type: .checkbox, id: "summary-self", name: "self", value: "1", label: "Include my latest answers to the questions about the relationship", checked: includeSelfCheck)),
                .div(.class("actions"), .button(.class("button secondary"), .type(.submit), .text("Update")))
            ),
            .div(.class("printable"), HelperSummary.body(content))
        ))
    }
}
