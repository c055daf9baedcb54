import Foundation
import Plot
import UntetherCore
import UntetherStore

extension LogPages {
    /// The quick form: the day and what happened, nothing else in the way.
    static func quickForm(chrome: PageChrome, form: LogEntryForm, error: String?) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Write it down now")),
            .p(.text("The day and a few words are enough. Add more any time.")),
            Layout.message(error, isError: true),
            .form(
                .id("quick-form"), .class("stack"), .action(SiteRoute.newLogEntry), .method(.post),
                Layout.writingFields(chrome.csrf),
                whenFields(form, boxed: false),
                descriptionField(form, label: "What happened", hint: nil, required: true, rows: 6, compact: true),
                .div(
                    .class("actions"),
                    .button(.id("save-entry"), .class("button"), .type(.submit), .text("Save")),
                    .a(.id("full-form-link"), .href(SiteRoute.newLogEntryFull), .text("Use the full form instead"))
                )
            )
        ))
    }
}
