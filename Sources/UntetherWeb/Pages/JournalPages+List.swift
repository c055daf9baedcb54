import Foundation
import Plot
import UntetherCore
import UntetherStore

extension JournalPages {
    static func list(chrome: PageChrome, entries: Pager<JournalEntry>, dueDecisions: Int, notice: String?) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Reality journal")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("Write down what happened, what you felt, and what you know. Over time, your own words become something solid to stand on.")),
            .div(
                .class("actions"),
                .a(.id("journal-new"), .class("button"), .href(SiteRoute.newJournalEntry), .text("Write today's entry")),
                .a(.href(SiteRoute.search), .text("Search everything"))
            ),
            .p(.class("actions"),
               .a(.href(SiteRoute.decisions), .userText(dueDecisions > 0 ? "Decisions (\(dueDecisions) to look back on)" : "Decisions")),
               .a(.href(SiteRoute.timeline), .text("Your timeline")),
               .a(.href(SiteRoute.learnStep4), .text("Learn: trusting yourself again"))),
            .if(entries.total == 0,
                .p(.id("no-journal"), .class("muted"), .text("No entries yet. One a day is a good habit, but any day you write counts.")),
                else: .group(
                    .ul(.id("journal-list"), .class("list"), .forEach(entries.items) { entry in
                        .li(.a(
                            .safeAttribute("href", SiteRoute.journalEntry(.of(entry.id))),
                            .span(.class("title"), .userText(DisplayDate.day(entry.date))),
                            .span(.class("meta"), .userText(preview(entry)))
                        ))
                    }),
                    PagerLinks.render(entries, route: .journal, noun: "entries")
                ))
        ))
    }
}
