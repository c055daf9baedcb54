import Foundation
import Plot
import UntetherCore
import UntetherStore

/// Pieces shared by the log's forms, and by other pages' forms.
extension LogPages {
    static func legend(_ text: String, hint: String? = nil) -> Node<HTML.FormContext> {
        .element(named: "legend", nodes: [
            Node<HTML.BodyContext>.userText(text),
            .unwrap(hint) { .span(.class("hint"), .userText($0)) },
        ])
    }

    /// A checkbox or radio button inside its label, so the whole row is the tap target.
    static func choice<C: HTML.BodyContext>(
        type: HTMLInputType, id: String, name: String, value: String = "on", label: String, checked: Bool, required: Bool = false
    ) -> Node<C> {
        .label(
            .class("choice"), .for(id),
            .selfClosedElement(named: "input", attributes: [
                .type(type), .id(id), .name(name), .safe("value", value), .checked(checked), .required(required),
            ] as [Attribute<HTML.InputContext>]),
            .span(.userText(label))
        )
    }

    /// The day, the time and "about". In a box with a legend on the longer forms; bare on the
    /// quick form, so it fits on the first screen of a phone.
    static func whenFields(_ form: LogEntryForm, boxed: Bool = true) -> Node<HTML.FormContext> {
        let fields: [Node<HTML.FormContext>] = [
            .div(
                .class("pair"),
                Layout.field(id: "occurred-on", label: "Day it happened", type: .date, name: "occurred_on", value: form.occurredOn, autocomplete: "off"),
                .div(
                    .label(.for("occurred-at"), .text("Time"), .if(!boxed, .span(.class("optional"), .text(" if known")))),
                    .selfClosedElement(named: "input", attributes: [
                        .type(.time), .id("occurred-at"), .name("occurred_at"), .safe("value", form.occurredAt),
                        .attribute(named: "autocomplete", value: "off"),
                    ] as [Attribute<HTML.InputContext>])
                )
            ),
            choice(type: .checkbox, id: "approximate", name: "approximate", label: "About: day or time is a guess", checked: form.approximate),
        ]
        return boxed ? .fieldset(.group([legend("When", hint: "The time is optional.")] + fields)) : .group(fields)
    }

    static func descriptionField(
        _ form: LogEntryForm, label: String, hint: String?, required: Bool, rows: Int, compact: Bool = false
    ) -> Node<HTML.FormContext> {
        .div(
            .label(.for("description"), .userText(label), .unwrap(hint) { .span(.class("hint"), .id("description-hint"), .userText($0)) }),
            .textarea(.attribute(named: "autocomplete", value: "off"), 
                .id("description"), .name("description"), .rows(rows), .if(compact, .class("medium")),
                .attribute(named: "maxlength", value: String(IncidentDraft.maxDescriptionLength)),
                .if(required, .required(true)),
                .if(hint != nil, .attribute(named: "aria-describedby", value: "description-hint")),
                .userText(textareaValue(form.description))
            )
        )
    }

    static func longField(id: String, label: String, hint: String, name: String, value: String) -> Node<HTML.FormContext> {
        .div(
            .label(.for(id), .userText(label), .span(.class("hint"), .id("\(id)-hint"), .userText(hint))),
            .textarea(.attribute(named: "autocomplete", value: "off"), 
                .id(id), .name(name), .rows(3), .class("short"),
                .attribute(named: "maxlength", value: String(IncidentDraft.maxShortFieldLength)),
                .safeAttribute("aria-describedby", "\(id)-hint"),
                .userText(textareaValue(value))
            )
        )
    }

    /// A textarea drops one leading newline, so add one to keep the text exact.
    static func textareaValue(_ text: String) -> String {
        text.hasPrefix("\n") || text.hasPrefix("\r") ? "\n" + text : text
    }

    static func categoryChoices(_ form: LogEntryForm) -> Node<HTML.FormContext> {
        .fieldset(
            legend("What kind of harm was it?", hint: "Tick any that fit, or none."),
            .div(.class("choices columns"), .forEach(IncidentCategory.allCases) { category in
                choice(type: .checkbox, id: "category-\(category.rawValue)", name: LogEntryForm.fieldName(category),
                       label: category.label, checked: form.categories.contains(category))
            })
        )
    }

    /// The signs of the most serious danger, each its own tick box.
    static func dangerSignChoices(_ form: LogEntryForm) -> Node<HTML.FormContext> {
        .fieldset(
            .id("danger-signs"),
            legend("Did any of these happen?", hint: "Tick any that fit, or none. These are the signs most linked to serious harm."),
            .div(.class("choices"), .forEach(DangerSign.allCases) { sign in
                choice(type: .checkbox, id: "danger-\(sign.rawValue)", name: LogEntryForm.signName(sign),
                       label: sign.label, checked: form.dangerSigns.contains(sign))
            })
        )
    }

    static func severityChoices(_ form: LogEntryForm) -> Node<HTML.FormContext> {
        .fieldset(
            legend("How serious was it?"),
            .div(
                .class("choices"),
                .forEach(Severity.allCases) { severity in
                    choice(type: .radio, id: "severity-\(severity.rawValue)", name: "severity", value: String(severity.rawValue),
                           label: severity.label, checked: form.severity == String(severity.rawValue))
                },
                choice(type: .radio, id: "severity-none", name: "severity", value: "", label: "Not sure, or rather not say",
                       checked: Int(form.severity).flatMap(Severity.init(rawValue:)) == nil)
            )
        )
    }

    static func phaseChoices(_ form: LogEntryForm) -> Node<HTML.FormContext> {
        .fieldset(
            legend("Where in the cycle was this?", hint: "Things often go round: tension, an outburst, making up, a calm spell."),
            .div(
                .class("choices"),
                .forEach(CyclePhase.allCases) { phase in
                    choice(type: .radio, id: "phase-\(phase.rawValue)", name: "phase", value: phase.rawValue,
                           label: phase.label, checked: form.phase == phase.rawValue)
                },
                choice(type: .radio, id: "phase-none", name: "phase", value: "", label: "Not sure",
                       checked: CyclePhase(rawValue: form.phase) == nil)
            )
        )
    }

    static func childrenChoices(_ form: LogEntryForm) -> Node<HTML.FormContext> {
        .fieldset(
            legend("Were children there?"),
            .div(
                .class("choices inline"),
                choice(type: .radio, id: "children-yes", name: "children", value: "yes", label: "Yes", checked: form.children == "yes"),
                choice(type: .radio, id: "children-no", name: "children", value: "no", label: "No", checked: form.children == "no"),
                choice(type: .radio, id: "children-unsure", name: "children", value: "", label: "Not sure",
                       checked: form.children != "yes" && form.children != "no")
            )
        )
    }

    static func reportFields(_ form: LogEntryForm) -> Node<HTML.FormContext> {
        .fieldset(
            legend("Did you tell anyone official?", hint: "Tick any you did. A reference number helps find the record later."),
            .forEach(IncidentReport.Kind.allCases) { kind in
                .div(
                    .class("report"),
                    choice(type: .checkbox, id: "report-\(kind.rawValue)", name: LogEntryForm.reportName(kind),
                           label: kind.label, checked: form.report(kind).made),
                    Layout.field(
                        id: "report-\(kind.rawValue)-reference",
                        label: kind == .other ? "Who, and any reference number" : "Reference number (\(kind.label.lowercased()))",
                        name: LogEntryForm.referenceName(kind), value: form.report(kind).reference, required: false,
                        autocomplete: "off", extra: [maxShort]
                    )
                )
            }
        )
    }

    static func option(value: String, label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [
            .safeAttribute("value", value),
            .if(selected, .attribute(named: "selected")),
            Node<HTML.BodyContext>.userText(label),
        ])
    }

    static func dayInput<C: HTML.BodyContext>(id: String, label: String, name: String, value: String) -> Node<C> {
        .div(
            .label(.for(id), .userText(label)),
            .selfClosedElement(named: "input", attributes: [
                .type(.date), .id(id), .name(name), .safe("value", value),
            ] as [Attribute<HTML.InputContext>])
        )
    }
}
