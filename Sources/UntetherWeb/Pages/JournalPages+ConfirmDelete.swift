import Foundation
import Plot
import UntetherCore
import UntetherStore

extension JournalPages {
    static func confirmDelete(chrome: PageChrome, entry: JournalEntry) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Delete this entry?")),
            .p(.userText("The entry for \(DisplayDate.day(entry.date)) will be gone for good, except from a backup you made earlier.")),
            .div(
                .class("actions"),
                .form(
                    .safeAttribute("action", SiteRoute.deleteJournalEntry(.of(entry.id))), .method(.post),
                    Layout.csrfField(chrome.csrf),
                    .button(.id("confirm-delete"), .class("button danger"), .type(.submit), .text("Delete entry"))
                ),
                .a(.safeAttribute("href", SiteRoute.journalEntry(.of(entry.id))), .text("Keep it"))
            )
        ))
    }
}
