import Foundation
import Plot
import UntetherCore

/// Step 6: my boundaries, lines to practise, and the times I held one.
enum BoundaryPages {
    static let listLimit = 30

    static func render(
        chrome: PageChrome, plan: BoundaryPlan, typed: BoundaryPlan? = nil, held: [BoundaryHeld], today: CalendarDay,
        heldForm: (on: String, boundary: String, note: String)?, error: (part: String, message: String)?, notice: String?
    ) -> String {
        let form = heldForm ?? (today.description, plan.mine.first ?? "", "")
        let counts = BoundaryHeld.counts(held)
        return Layout.render(chrome: chrome, content: .group(
            .h1(.text("My boundaries")),
            .p(.class("muted"), .a(.class("step-reading"), .href(SiteRoute.reading(.named("step-6"))), .text("Read about this step"))),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("A boundary is a line you draw to keep yourself well. You don't need to explain it or win an argument about it.")),
            .if(!plan.mine.isEmpty, heldFormNode(plan, form: form, csrf: chrome.csrf, error: error?.part == "held" ? error?.message : nil)),
            .if(!counts.isEmpty, .section(
                .id("held-list"),
                .h2(.text("Times you held one")),
                .ul(.forEach(counts) { item in .li(.userText(item.boundary + ": "), .strong(.userText(item.times == 1 ? "once" : "\(item.times) times"))) }),
                .ul(.class("plain"), .forEach(Array(held.prefix(listLimit))) { item in
                    .li(.class("held"), .strong(.userText(DisplayDate.day(item.on))), .userText(": " + item.boundary),
                        .if(!item.note.isEmpty, .p(.class("answer"), .userText(item.note))),
                        .form(
                            .class("inline-form"), .action(SiteRoute.deleteHeld(.of(item.id))), .method(.post), Layout.csrfField(chrome.csrf),
                            .button(.class("link-button"), .type(.submit), .text("Remove"), .span(.class("sr-only"), .userText(" " + item.boundary)))
                        ))
                })
            )),
            .form(
                .id("boundary-plan"), .class("stack card"), .action(SiteRoute.boundaries), .method(.post),
                Layout.writingFields(chrome.csrf),
                .h2(.text("My boundaries and my lines")),
                Layout.message(error?.part == "plan" ? error?.message : nil, isError: true),
                .div(
                    .label(.for("boundaries-mine"), .text("My boundaries"), .span(.class("hint"), .text("One a line. For example: No calls after 9pm."))),
                    .textarea(.id("boundaries-mine"), .name("mine"), .rows(4), .attribute(named: "autocomplete", value: "off"), .userText((typed ?? plan).mine.joined(separator: "\n")))
                ),
                .div(
                    .label(.for("boundaries-practice"), .text("Lines I practise"), .span(.class("hint"), .text("One a line. Say them out loud until they feel normal."))),
                    .textarea(.id("boundaries-practice"), .name("practice"), .rows(4), .attribute(named: "autocomplete", value: "off"), .userText((typed ?? plan).practice.joined(separator: "\n")))
                ),
                .div(.class("actions"), .button(.id("boundaries-save"), .class("button"), .type(.submit), .text("Save")))
            ),
            .section(
                .id("lines-to-borrow"), .class("card"),
                .h2(.text("Lines to borrow")),
                .p(.class("muted"), .text("Short and calm, with no reasons. Copy any you like into your own list.")),
                .ul(.forEach(BoundaryPlan.lines) { .li(.userText($0)) })
            )
        ))
    }

    static func heldFormNode(_ plan: BoundaryPlan, form: (on: String, boundary: String, note: String), csrf: String, error: String?) -> Node<HTML.BodyContext> {
        .form(
            .id("held-form"), .class("stack card"), .action(SiteRoute.boundariesHeld), .method(.post),
            Layout.csrfField(csrf),
            .h2(.text("I held a boundary")),
            Layout.message(error, isError: true),
            .fieldset(
                LogPages.legend("Which one"),
                .div(.class("choices"), .forEach(Array(plan.mine.enumerated())) { index, boundary in
                    LogPages.choice(type: .radio, id: "held-\(index)", name: "boundary", value: boundary, label: boundary, checked: boundary == form.boundary, required: true)
                })
            ),
            Layout.field(id: "held-on", label: "When", type: .date, name: "on", value: form.on, autocomplete: "off"),
            Layout.field(id: "held-note", label: "A note", hint: "Optional. How it went.", name: "note", value: form.note, required: false, autocomplete: "off",
                         extra: [.attribute(named: "maxlength", value: String(BoundaryHeld.maxNoteLength))]),
            .div(.class("actions"), .button(.id("held-save"), .class("button"), .type(.submit), .text("Save")))
        )
    }
}
