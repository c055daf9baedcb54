import Foundation
import Plot
import UntetherCore
import UntetherStore

extension SelfTrustPages {
    static func timeline(
        chrome: PageChrome, chart: TimelineChart, milestones: [Milestone], today: CalendarDay, form: MilestoneForm = .init(),
        error: String? = nil, notice: String? = nil
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.journal), .text("← Journal"))),
            .h1(.text("Your timeline")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("The moments you mark, with the entries from your log. Seeing it all in one place can make a pattern clear.")),
            .if(chart.milestones.isEmpty && chart.incidents.isEmpty && chart.kindMoments.isEmpty,
                .p(.id("timeline-empty"), .class("card muted"), .text("Nothing on your timeline yet. Mark a moment below, such as when you met or when you left, and it appears here with your log entries.")),
                else: .div(.class("chart-box"), .raw(chart.svg(id: "timeline-chart")))),
            .ul(
                .class("legend"),
                .li(.span(.class("swatch milestone-swatch"), .attribute(named: "aria-hidden", value: "true")), .text("Your milestones")),
                .li(.span(.class("swatch m-contact"), .attribute(named: "aria-hidden", value: "true")), .text("Log entries")),
                .li(.span(.class("swatch kind-swatch"), .attribute(named: "aria-hidden", value: "true")), .text("Kind moments"))
            ),
            .p(.id("timeline-summary"), .userText(chart.summary)),
            .if(!milestones.isEmpty, .group(
                .h2(.text("Your milestones")),
                .ul(.id("milestone-list"), .class("plain milestones"), .forEach(milestones) { milestone in
                    .li(
                        .strong(.userText(DisplayDate.day(milestone.date))), .userText(": \(milestone.kind.label)"),
                        .if(!milestone.note.isEmpty, .group(.text(". "), .userText(milestone.note))),
                        .text(" "),
                        .form(
                            .class("inline-form"), .safeAttribute("action", SiteRoute.deleteMilestone(.of(milestone.id))), .method(.post),
                            Layout.csrfField(chrome.csrf),
                            .button(.class("link-button"), .type(.submit), .safeAttribute("aria-label", "Remove \(milestone.kind.label)"), .text("Remove"))
                        )
                    )
                })
            )),
            .h2(.id("add-milestone"), .text("Add a milestone")),
            Layout.message(error, isError: true),
            .form(
                .id("milestone-form"), .class("stack"), .action(SiteRoute.timeline), .method(.post),
                Layout.csrfField(chrome.csrf),
                .div(
                    .label(.for("milestone-kind"), .text("What happened")),
                    .select(
                        .id("milestone-kind"), .attribute(named: "name", value: "kind"),
                        .forEach(Milestone.Kind.allCases) { kind in
                            LogPages.option(value: kind.rawValue, label: kind.label, selected: form.kind == kind.rawValue)
                        }
                    )
                ),
                LogPages.dayInput(id: "milestone-date", label: "When", name: "date", value: form.date),
                Layout.field(id: "milestone-note", label: "A few words", hint: "Optional.", name: "note", value: form.note,
                             required: false, autocomplete: "off", extra: [.attribute(named: "maxlength", value: String(Milestone.maxNoteLength))]),
                .div(.class("actions"), .button(.id("save-milestone"), .class("button"), .type(.submit), .text("Add")))
            )
        ))
    }
}
