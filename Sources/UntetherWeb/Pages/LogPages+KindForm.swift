import Foundation
import Plot
import UntetherCore
import UntetherStore

extension LogPages {
    /// An apology, a gift, a promise or a good day.
    static func kindForm(chrome: PageChrome, form: LogEntryForm, error: String?) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Write down a kind moment")),
            .p(.class("lead"), .text("Apologies, gifts, promises and good days are part of the picture too. Noting them can help you see the whole pattern later.")),
            Layout.message(error, isError: true),
            .form(
                .id("kind-form"), .class("stack"), .action(SiteRoute.kindMoment), .method(.post),
                Layout.writingFields(chrome.csrf),
                .fieldset(
                    legend("What was it?"),
                    .div(.class("choices"), .forEach(Array(KindMoment.allCases.enumerated())) { index, moment in
                        choice(type: .radio, id: "kind-\(moment.rawValue)", name: "kind", value: moment.rawValue, label: moment.label,
                               checked: form.kindMoment == moment.rawValue, required: index == 0)
                    })
                ),
                whenFields(form),
                descriptionField(form, label: "What happened (if you want to say)", hint: nil, required: false, rows: 5, compact: true),
                .div(
                    .class("actions"),
                    .button(.id("save-entry"), .class("button"), .type(.submit), .text("Save")),
                    .a(.href(SiteRoute.log), .text("Cancel"))
                )
            )
        ))
    }
}
