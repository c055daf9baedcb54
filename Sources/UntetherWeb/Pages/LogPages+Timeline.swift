import Foundation
import Plot
import UntetherCore
import UntetherStore

/// The log's timeline: its filters, one line per entry, and the check code.
extension LogPages {
    static func timeline(chrome: PageChrome, entries: [LogEntry], filter: LogFilter, page: Int, status: ChainStatus, message: String?) -> String {
        let matching = entries.filter { !$0.isRemoved && filter.includes($0) }
        let shown = Pager(matching, page: page)
        // Removed entries are listed once, after the oldest page.
        let removed = filter.isActive || shown.hasOlder ? [] : entries.filter(\.isRemoved)
        let total = entries.count - entries.lazy.filter(\.isRemoved).count
        return Layout.render(chrome: chrome, content: .group(
            .h1(.text("Log")),
            Layout.message(message, isError: false),
            .p(.class("lead"), .text("A private record of what happened, in your own words. Each entry is kept as you first wrote it.")),
            .div(
                .class("actions"),
                .a(.id("write-now"), .class("button"), .href(SiteRoute.newLogEntry), .text("Write it down now")),
                .a(.id("write-full"), .class("button secondary"), .href(SiteRoute.newLogEntryFull), .text("Full form")),
                .a(.id("write-kind"), .class("button secondary"), .href(SiteRoute.kindMoment), .text("Kind moment"))
            ),
            .p(.a(.id("learn-link"), .href(SiteRoute.learnStep1), .text("Learn: why writing things down helps"))),
            .p(.a(.id("patterns-link"), .href(SiteRoute.patterns), .text("What the log shows")), .text(": how often, how severe, and what changed")),
            .p(.a(.id("self-check-link"), .href(SiteRoute.selfCheck), .text("Questions about the relationship"))),
            .p(.a(.id("export-link"), .href(SiteRoute.export), .text("Make an export for a lawyer, advocate or therapist"))),
            filterForm(filter, csrf: chrome.csrf),
            .if(filter.isBackwards, .div(
                .class("notice"), .attribute(named: "role", value: "status"),
                .p(.text("The “from” day is after the “to” day, so nothing can match. Try swapping them."))
            )),
            .h2(.id("timeline-heading"), .text("Timeline")),
            .if(filter.isActive, .p(.id("filter-count"), .class("muted"), .userText("Showing \(matching.count) of \(total) \(total == 1 ? "entry" : "entries").")) ),
            .if(
                shown.total == 0,
                .p(.id("timeline-empty"), .class("muted"), .userText(filter.isActive
                    ? "Nothing matches these filters."
                    : "Nothing written down yet. When you're ready, the day and a few words are enough.")),
                else: .group(
                    .ol(
                        .id("timeline"), .class("timeline"), .attribute(named: "aria-labelledby", value: "timeline-heading"),
                        .forEach(shown.items) { timelineItem($0) }
                    ),
                    PagerLinks.render(shown, route: .log, noun: "entries", posted: filter.isActive ? filter.fields : nil, csrf: chrome.csrf)
                )
            ),
            .if(!removed.isEmpty, .group(
                .h2(.id("removed-heading"), .text("Removed entries")),
                .ul(.id("removed"), .class("timeline"), .attribute(named: "aria-labelledby", value: "removed-heading"), .forEach(removed) { entry in
                    .li(.class("removed"), .a(
                        .safeAttribute("href", SiteRoute.logEntry(.of(entry.id))),
                        .span(.class("when"), .userText("Removed on \(entry.removal.map { DisplayDate.dayOf($0.recordedAt) } ?? "an unknown day")"))
                    ))
                })
            )),
            chainCard(status)
        ))
    }

    /// The filters are posted, not put in the address, so what someone looked for (say,
    /// "threats") never shows in the browser's history.
    static func filterForm(_ filter: LogFilter, csrf: String) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            .class("filters"),
            .if(filter.isActive, .attribute(named: "open")),
            .element(named: "summary", nodes: [Node<HTML.BodyContext>.userText(filter.isActive ? "Filters (on)" : "Filter the timeline")]),
            .form(
                .id("log-filter"), .class("filter-grid"), .action(SiteRoute.log), .method(.post),
                Layout.csrfField(csrf),
                .div(
                    .label(.for("filter-category"), .text("Kind of harm")),
                    .select(
                        .id("filter-category"), .attribute(named: "name", value: "category"),
                        option(value: "", label: "Any", selected: filter.category == nil),
                        .forEach(IncidentCategory.allCases) { category in
                            option(value: category.rawValue, label: category.label, selected: filter.category == category)
                        }
                    )
                ),
                .div(
                    .label(.for("filter-sign"), .text("Danger sign")),
                    .select(
                        .id("filter-sign"), .attribute(named: "name", value: "sign"),
                        option(value: "", label: "Any", selected: filter.dangerSign == nil),
                        .forEach(DangerSign.allCases) { sign in
                            option(value: sign.rawValue, label: sign.label, selected: filter.dangerSign == sign)
                        }
                    )
                ),
                .div(
                    .label(.for("filter-severity"), .text("At least this serious")),
                    .select(
                        .id("filter-severity"), .attribute(named: "name", value: "severity"),
                        option(value: "", label: "Any", selected: filter.minimumSeverity == nil),
                        .forEach(Severity.allCases) { severity in
                            option(value: String(severity.rawValue), label: severity.label, selected: filter.minimumSeverity == severity)
                        }
                    )
                ),
                dayInput(id: "filter-from", label: "From", name: "from", value: filter.from?.description ?? ""),
                dayInput(id: "filter-to", label: "To", name: "to", value: filter.to?.description ?? ""),
                .div(
                    .class("actions"),
                    .button(.id("apply-filter"), .class("button"), .type(.submit), .text("Show")),
                    .a(.id("clear-filter"), .href(SiteRoute.log), .text("Show everything"))
                )
            ),
        ])
    }

    static func timelineItem(_ entry: LogEntry) -> Node<HTML.ListContext> {
        guard let incident = entry.incident else { return .empty }
        let additions = entry.amendments.count
        return .li(
            .class(incident.isKindMoment ? "entry kind" : "entry"),
            .a(
                .safeAttribute("href", SiteRoute.logEntry(.of(entry.id))),
                .span(.class("when"), .element(named: "time", nodes: [
                    .safeAttribute("datetime", incident.occurredOn.description),
                    .userText(LogText.when(incident)),
                ])),
                .unwrap(incident.kindMoment) { moment in
                    .span(.class("kind-label"), .userText("Kind moment · \(moment.label)"))
                },
                .span(.class("summary"), .userText(LogText.summary(incident))),
                .if(!incident.categories.isEmpty || incident.severity != nil || additions > 0, .span(
                    .class("tags"),
                    .forEach(incident.categories) { .span(.class("tag"), .userText($0.label)) },
                    .unwrap(incident.severity) { .span(.class("tag severity"), .userText("Severity \($0.rawValue) of 5")) },
                    .if(additions > 0, .span(.class("tag"), .userText(additions == 1 ? "1 addition" : "\(additions) additions")))
                ))
            )
        )
    }

    static func chainCard(_ status: ChainStatus) -> Node<HTML.BodyContext> {
        .section(
            .id("check-code"), .class("card"), .attribute(named: "aria-labelledby", value: "check-code-heading"),
            .h2(.id("check-code-heading"), .text("Your check code")),
            .unwrap(status.headHex, { hex in
                .group(
                    .p(.text("This code is worked out from everything in the log, in order. It changes whenever something is written down, added or removed.")),
                    .p(.class("code"), .span(.id("chain-length"), .userText("\(status.records)")), .text(" · "),
                       .span(.id("chain-head-short"), .userText(status.shortCode ?? ""))),
                    .p(.class("muted"), .text("The first number counts the records in the log, so a copy also shows if any were cut off the end.")),
                    .element(named: "details", nodes: [
                        .element(named: "summary", nodes: [Node<HTML.BodyContext>.text("Show the full code")]),
                        .p(.code(.id("chain-head-full"), .class("hash"), .userText(hex))),
                    ]),
                    .p(.text("If you copy this code somewhere else, such as a note on paper, or an email to yourself from an account that is safe, anyone can later check that nothing in the log was changed or removed before that day.")),
                    .p(.class("muted"), .text("The log is tamper-evident: a change shows up when it is checked. That is not a promise about how anyone else, such as a court, will treat it."))
                )
            }, else: .p(.class("muted"), .text("Once something is written down, a short code appears here. Copying it somewhere safe lets anyone check later that nothing was changed."))),
            .if(
                status.isIntact,
                .if(status.records > 0, .div(
                    .id("chain-status"), .class("notice ok"), .attribute(named: "role", value: "status"),
                    .p(.userText(status.summary))
                )),
                else: .div(
                    .id("chain-status"), .class("error"), .attribute(named: "role", value: "alert"),
                    .p(.strong(.text("Something in the log doesn't check out."))),
                    .ul(.forEach(status.problems) { .li(.userText($0)) }),
                    .p(.text("Your entries have not been changed by this check. This can happen when the file was changed outside this app, or copied from a damaged backup. Keep any backups and copied codes you have: they can help show what changed."))
                )
            )
        )
    }
}
