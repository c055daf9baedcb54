import Foundation
import Plot
import UntetherCore
import UntetherStore

extension JournalPages {
    /// "Check my memory": beside the form on a wide screen, under it on a phone.
    static func memoryPanel(_ memory: MemoryView, open: Bool) -> Node<HTML.BodyContext> {
        let journal = memory.journal.filter { $0.id != memory.excluding }
        let tagged = memory.sameTags.filter { $0.id != memory.excluding && $0.date != memory.date }
        return .element(named: "details", nodes: [
            .id("memory"), .class("memory"), .if(open, .attribute(named: "open")),
            .element(named: "summary", nodes: [Node<HTML.BodyContext>.userText("Check my memory: \(DisplayDate.day(memory.date))")]),
            .p(.class("muted"), .text("What you wrote before about this day. Your own record can steady you when someone says it didn't happen.")),
            .if(journal.isEmpty && memory.log.isEmpty,
                .p(.id("memory-empty"), .text("Nothing else written about this day yet."))),
            .forEach(journal) { entry in
                .div(
                    .class("memory-item"),
                    .h3(.text("Journal")),
                    .if(!entry.facts.isEmpty, .p(.strong(.text("What happened: ")), .userText(entry.facts))),
                    .if(!entry.feelings.isEmpty, .p(.strong(.text("Felt and thought: ")), .userText(entry.feelings))),
                    .if(!entry.truths.isEmpty, .p(.strong(.text("Knew to be true: ")), .userText(entry.truths)))
                )
            },
            .forEach(memory.log) { incident in
                .div(
                    .class("memory-item log-item"),
                    .h3(.userText(incident.kindMoment == nil ? "Log" : "Log: \(incident.kindMoment!.label.lowercased())")),
                    .p(.userText(incident.description)),
                    .p(.a(.safeAttribute("href", SiteRoute.logEntry(.of(incident.id))), .text("Open the log entry")))
                )
            },
            .if(!tagged.isEmpty, .group(
                .h3(.text("Other days with the same tags")),
                .ul(.forEach(tagged.prefix(10)) { entry in
                    .li(.a(.safeAttribute("href", SiteRoute.journalEntry(.of(entry.id))), .userText(DisplayDate.day(entry.date))),
                        .text(" "), .userText(preview(entry)))
                })
            )),
            .form(
                .class("memory-day"), .action(SiteRoute.journalMemory), .method(.get),
                LogPages.dayInput(id: "memory-date", label: "Check another day", name: "date", value: memory.date.description),
                .button(.id("memory-go"), .class("button secondary"), .type(.submit), .text("Check"))
            ),
        ])
    }

    static func memoryPage(chrome: PageChrome, memory: MemoryView) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.journal), .text("← Journal"))),
            .h1(.text("Check my memory")),
            memoryPanel(memory, open: true)
        ))
    }
}
