import Foundation
import Plot
import UntetherCore
import UntetherStore

/// Looking back on one decision: how it went, and whether the gut was right.
extension SelfTrustPages {
    static func decision(chrome: PageChrome, decision: Decision, error: String? = nil) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.decisions), .text("← Decisions"))),
            .h1(.text("Looking back")),
            .dl(
                .class("record"),
                .dt(.text("The decision")), .dd(.id("decision-text"), .userText(decision.decision)),
                .if(!decision.gut.isEmpty, .group(.dt(.text("What my gut said")), .dd(.userText(decision.gut)))),
                .if(!decision.chose.isEmpty, .group(.dt(.text("What I chose")), .dd(.userText(decision.chose)))),
                .dt(.text("Decided on")), .dd(.userText(DisplayDate.day(decision.madeOn)))
            ),
            Layout.message(error, isError: true),
            .form(
                .id("review-form"), .class("stack"), .safeAttribute("action", SiteRoute.decision(.of(decision.id))), .method(.post),
                Layout.csrfField(chrome.csrf),
                textBox(id: "outcome", label: "How did it turn out?", hint: nil, value: decision.outcome, required: false),
                .fieldset(
                    LogPages.legend("Did it go well?"),
                    .div(.class("choices inline"),
                         LogPages.choice(type: .radio, id: "went-well-yes", name: "went_well", value: "yes", label: "Yes", checked: decision.wentWell == true),
                         LogPages.choice(type: .radio, id: "went-well-no", name: "went_well", value: "no", label: "Not really", checked: decision.wentWell == false))
                ),
                .fieldset(
                    LogPages.legend("Was your gut right?"),
                    .div(.class("choices"), .forEach(Decision.GutCheck.allCases) { check in
                        LogPages.choice(type: .radio, id: "gut-\(check.rawValue)", name: "gut_check", value: check.rawValue, label: check.label,
                                        checked: decision.gutCheck == check)
                    })
                ),
                .div(.class("actions"), .button(.id("save-review"), .class("button"), .type(.submit), .text("Save")))
            ),
            .p(.class("muted"), .text("If your gut was off, that's useful too. It's how you learn which signals to trust."))
        ))
    }
}
