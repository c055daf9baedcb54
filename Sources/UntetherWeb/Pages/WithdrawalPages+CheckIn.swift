import Foundation
import Plot
import UntetherCore
import UntetherStore

extension WithdrawalPages {
    static func checkIn(chrome: PageChrome, form: CheckInForm = CheckInForm(), error: String? = nil) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("How are you today?")),
            .p(.class("lead"), .text("Rate what you notice, from 0 to 4. Skip anything that doesn't fit. It takes about a minute.")),
            .p(.id("anchors"), .class("anchors"), .span(.userText(Symptoms.lowAnchor)), .span(.userText(Symptoms.highAnchor))),
            Layout.message(error, isError: true),
            .form(
                .id("checkin-form"), .class("stack"), .action(SiteRoute.checkIn), .method(.post),
                Layout.csrfField(chrome.csrf),
                .forEach(SymptomGroup.allCases) { group in
                    .fieldset(
                        LogPages.legend(group.label),
                        .forEach(Symptoms.group(group)) { symptom in
                            scaleRow(symptom: symptom, name: form.name(symptom), value: form.ratings[symptom.id] ?? "")
                        }
                    )
                },
                .div(
                    .class("pair even"),
                    Layout.field(id: "sleep-hours", label: "Hours slept", hint: "Last night, roughly.", type: .number,
                                 name: "sleep_hours", value: form.sleepHours, required: false, autocomplete: "off",
                                 extra: [.attribute(named: "min", value: "0"), .attribute(named: "max", value: "24"),
                                         .attribute(named: "step", value: "0.5"), .attribute(named: "inputmode", value: "decimal")]),
                    .div()
                ),
                Layout.field(id: "checkin-note", label: "Anything else?", hint: "One line, if you like.", name: "note",
                             value: form.note, required: false, autocomplete: "off",
                             extra: [.attribute(named: "maxlength", value: String(CheckIn.maxNoteLength))]),
                .div(
                    .class("actions"),
                    .button(.id("save-checkin"), .class("button"), .type(.submit), .text("Save")),
                    .a(.href(SiteRoute.trends), .text("See how it's changing"))
                )
            )
        ))
    }

    /// One symptom with five choices, 0 to 4, in a row that fits a phone.
    static func scaleRow<C: HTML.BodyContext>(symptom: Symptom, name: String, value: String) -> Node<C> {
        .div(
            .class("scale-row"), .attribute(named: "role", value: "radiogroup"),
            .safeAttribute("aria-labelledby", "label-\(symptom.id)"),
            .p(.id("label-\(symptom.id)"), .class("scale-label"), .userText(symptom.label)),
            .div(.class("scale"), .forEach(Symptoms.rating) { rating in
                .label(
                    .for("s-\(symptom.id)-\(rating)"),
                    .selfClosedElement(named: "input", attributes: [
                        .type(.radio), .id("s-\(symptom.id)-\(rating)"), .name(name), .value(String(rating)),
                        .checked(value == String(rating)),
                    ] as [Attribute<HTML.InputContext>]),
                    .span(.userText(String(rating)))
                )
            })
        )
    }
}
