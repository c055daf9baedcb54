import Foundation
import Plot
import UntetherCore

/// Step 7: the maintenance plan and the steps toward resilience, each part ticked with a note.
enum AheadPages {
    static func render(chrome: PageChrome, plan: StayingFreePlan, error: (list: String, message: String)?, notice: String?) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Keeping it going")),
            .p(.class("muted"), .a(.class("step-reading"), .href(SiteRoute.reading(.named("step-7"))), .text("Read about this step"))),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("What keeps your recovery going, and what makes you stronger for the future. Look it over when you want: nothing here will remind you.")),
            .unwrap(plan.reviewedOn) { .p(.id("ahead-reviewed"), .class("muted"), .userText("Last looked over on \(DisplayDate.day($0)).")) },
            list("maintenance", title: "What keeps me going", parts: StayingFreePlan.maintenance, plan: plan, csrf: chrome.csrf,
                 error: error?.list == "maintenance" ? error?.message : nil),
            list("resilience", title: "Getting stronger", parts: StayingFreePlan.resilience, plan: plan, csrf: chrome.csrf,
                 error: error?.list == "resilience" ? error?.message : nil)
        ))
    }

    static func list(
        _ name: String, title: String, parts: [StayingFreePlan.Part], plan: StayingFreePlan, csrf: String, error: String?
    ) -> Node<HTML.BodyContext> {
        .form(
            .id("ahead-\(name)"), .class("stack card"), .action(SiteRoute.aheadList(.named(name))), .method(.post),
            Layout.csrfField(csrf),
            .h2(.userText(title)),
            .p(.class("muted"), .userText("\(plan.doneCount(parts)) of \(parts.count) in place.")),
            Layout.message(error, isError: true),
            .forEach(parts) { part in
                .div(
                    .class("ahead-part"),
                    LogPages.choice(type: .checkbox, id: "done-\(part.id)", name: "done_\(part.id)", label: part.title, checked: plan.entry(part).done),
                    .label(.for("note-\(part.id)"), .class("hint"), .userText(part.hint)),
                    .textarea(
                        .id("note-\(part.id)"), .name("note_\(part.id)"), .rows(2), .attribute(named: "autocomplete", value: "off"),
                        .attribute(named: "maxlength", value: String(StayingFreePlan.maxNoteLength)), .userText(plan.entry(part).note)
                    )
                )
            },
            .div(.class("actions"), .button(.id("ahead-save-\(name)"), .class("button"), .type(.submit), .text("Save")))
        )
    }
}
