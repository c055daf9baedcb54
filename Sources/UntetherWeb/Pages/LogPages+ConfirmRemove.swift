import Foundation
import Plot
import UntetherCore
import UntetherStore

extension LogPages {
    static func confirmRemove(chrome: PageChrome, entry: LogEntry, reason: String = "", error: String? = nil) -> String {
        let id = SiteRoute.key(entry.id)
        let day = entry.incident.map { DisplayDate.day($0.occurredOn) } ?? ""
        return Layout.render(chrome: chrome, content: .group(
            .h1(.text("Remove this entry?")),
            .p(.userText("The entry for \(day) will be removed. Its text, anything added to it later, and any files with it will be deleted from this device.")),
            .p(.text("The log keeps a note that an entry was removed, and when. That way, anyone checking the log later can see nothing was hidden.")),
            Layout.message(error, isError: true),
            .form(
                .id("remove-form"), .class("stack"), .safeAttribute("action", SiteRoute.removeLogEntry(.named(id))), .method(.post),
                Layout.csrfField(chrome.csrf),
                Layout.field(id: "removal-reason", label: "Why are you removing it? (optional)", hint: "For example: I wrote it twice.",
                             name: "reason", value: reason, required: false, autocomplete: "off", extra: [maxShort]),
                .div(
                    .class("actions"),
                    .button(.id("confirm-remove"), .class("button danger"), .type(.submit), .text("Remove entry")),
                    .a(.safeAttribute("href", SiteRoute.logEntry(.named(id))), .text("Keep it"))
                )
            )
        ))
    }
}
