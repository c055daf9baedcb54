import Foundation
import Plot
import UntetherCore
import UntetherStore

extension LogPages {
    /// Every field of an entry. Only the day and what happened are needed.
    static func fullForm(chrome: PageChrome, form: LogEntryForm, error: String?) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Write down what happened")),
            .p(.class("lead"), .text("Only the day and what happened are needed. Fill in anything else that helps, and skip the rest.")),
            Layout.message(error, isError: true),
            .form(
                .id("full-form"), .class("stack"), .action(SiteRoute.newLogEntryFull), .method(.post),
                .enctype(.multipartData),
                Layout.writingFields(chrome.csrf),
                whenFields(form),
                Layout.field(id: "location", label: "Where", hint: "For example: at home, in the car, on the phone.", name: "location",
                             value: form.location, required: false, autocomplete: "off", extra: [maxShort]),
                descriptionField(form, label: "What happened", hint: "In your own words. Plain and short is fine.", required: true, rows: 8),
                categoryChoices(form),
                dangerSignChoices(form),
                severityChoices(form),
                phaseChoices(form),
                longField(id: "injuries", label: "Injuries", hint: "Any pain, marks or injuries, and any treatment.", name: "injuries", value: form.injuries),
                longField(id: "witnesses", label: "Who saw or heard it", hint: "Names, or who they are to you.", name: "witnesses", value: form.witnesses),
                childrenChoices(form),
                reportFields(form),
                .div(
                    .label(.for("file"), .text("A photo, document or recording (optional)"),
                           .span(.class("hint"), .id("file-hint"), .text("Up to 25 MB. You can attach more files from the entry page afterwards."))),
                    .input(
                        .type(.file), .id("file"), .name("file"),
                        .attribute(named: "aria-describedby", value: "file-hint"),
                        .attribute(named: "accept", value: "image/jpeg,image/png,image/heic,application/pdf,text/plain,audio/*")
                    )
                ),
                .div(
                    .class("actions"),
                    .button(.id("save-entry"), .class("button"), .type(.submit), .text("Save")),
                    .a(.href(SiteRoute.log), .text("Cancel"))
                )
            )
        ))
    }
}
