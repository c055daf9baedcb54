import Foundation
import Plot
import UntetherCore
import UntetherStore

extension JournalPages {
    static func show(chrome: PageChrome, entry: JournalEntry, memory: MemoryView, notice: String?) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.journal), .text("← Journal"))),
            .h1(.userText(DisplayDate.day(entry.date))),
            Layout.message(notice, isError: false),
            .dl(
                .class("record"),
                .if(!entry.facts.isEmpty, .group(.dt(.text("What happened")), .dd(.id("entry-facts"), .userText(entry.facts)))),
                .if(!entry.feelings.isEmpty, .group(.dt(.text("What I felt and thought")), .dd(.id("entry-feelings"), .userText(entry.feelings)))),
                .if(!entry.truths.isEmpty, .group(.dt(.text("What I know to be true")), .dd(.id("entry-truths"), .userText(entry.truths)))),
                .unwrap(entry.mood) { .group(.dt(.text("Mood")), .dd(.userText(moodLabels[$0] ?? String($0)))) },
                .if(!entry.tags.isEmpty, .group(.dt(.text("Tags")), .dd(.userText(entry.tags.joined(separator: ", ")))))
            ),
            .div(
                .class("actions"),
                .a(.id("edit-journal"), .class("button secondary"), .safeAttribute("href", SiteRoute.editJournalEntry(.of(entry.id))), .text("Change")),
                .a(.safeAttribute("href", SiteRoute.deleteJournalEntry(.of(entry.id))), .text("Delete"))
            ),
            memoryPanel(memory, open: false)
        ))
    }
}
