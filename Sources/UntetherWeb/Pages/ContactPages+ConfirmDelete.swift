import Foundation
import Plot
import UntetherCore

extension ContactPages {
    static func confirmDelete(chrome: PageChrome, event: ContactEvent) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Delete this contact?")),
            .p(.userText("\(DisplayDate.string(event.at)). \(startedBy(event.initiatedBy)). \(event.channel.label).")),
            .p(.text("Your streak will be worked out again without it.")),
            .div(
                .class("actions"),
                .form(
                    .safeAttribute("action", SiteRoute.deleteContact(.of(event.id))), .method(.post),
                    Layout.csrfField(chrome.csrf),
                    .button(.id("confirm-delete"), .class("button danger"), .type(.submit), .text("Delete contact"))
                ),
                .a(.href(SiteRoute.contacts), .text("Keep it"))
            )
        ))
    }
}
