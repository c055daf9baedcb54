import Foundation
import Plot
import UntetherCore
import UntetherStore

/// The decision log: what the gut said, what was chosen, and when to look back.
extension SelfTrustPages {
    static func decisions(
        chrome: PageChrome, decisions: [Decision], today: CalendarDay, page: Int = 1, form: DecisionForm = .init(), error: String? = nil,
        notice: String? = nil
    ) -> String {
        let shown = Pager(decisions, page: page)
        let due = decisions.filter { $0.isDue(today: today) }
        let trusted = Decision.trustedAndWentWell(decisions)
        let reviewed = decisions.filter(\.isReviewed)
        let inWeek = today.adding(days: 7)
        return Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.journal), .text("← Journal"))),
            .h1(.text("Decisions and your gut")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("Make small choices on your own, notice what your gut said, and later see how it went. Each one is practice in trusting yourself.")),
            .div(
                .id("trust-count"), .class("card calm"),
                .p(.class("streak-count"), .span(.id("trusted-count"), .userText(String(trusted))), .text(" "),
                   .userText(trusted == 1 ? "time you trusted your gut and it went well." : "times you trusted your gut and it went well.")),
                .if(reviewed.isEmpty, .p(.class("muted"), .text("When you look back on a decision, it shows up here.")),
                    else: .p(.class("muted"), .userText("Out of \(reviewed.count) you've looked back on. Every one you look back on counts, whatever happened.")))
            ),
            .if(!due.isEmpty, .div(
                .id("due-decisions"), .class("card"),
                .h2(.text("Ready to look back on")),
                .ul(.class("list"), .forEach(due) { decision in
                    .li(.a(.safeAttribute("href", SiteRoute.decision(.of(decision.id))),
                           .span(.class("title"), .userText(decision.decision)),
                           .span(.class("meta"), .userText("Decided \(DisplayDate.day(decision.madeOn))"))))
                })
            )),
            .h2(.id("new-decision"), .text("A new decision")),
            Layout.message(error, isError: true),
            .form(
                .id("decision-form"), .class("stack"), .action(SiteRoute.decisions), .method(.post),
                Layout.csrfField(chrome.csrf),
                textBox(id: "decision", label: "What are you deciding?", hint: "Small is good: what to eat, who to call, whether to go.", value: form.decision, required: true),
                textBox(id: "gut", label: "What does your gut say?", hint: nil, value: form.gut, required: false),
                textBox(id: "chose", label: "What did you choose?", hint: nil, value: form.chose, required: false),
                .div(
                    .class("pair even"),
                    LogPages.dayInput(id: "made-on", label: "Decided on", name: "made_on", value: form.madeOn ?? today.description),
                    LogPages.dayInput(id: "review-on", label: "Look back on", name: "review_on", value: form.reviewOn ?? inWeek.description)
                ),
                .div(.class("actions"), .button(.id("save-decision"), .class("button"), .type(.submit), .text("Save")))
            ),
            .if(!decisions.isEmpty, .group(
                .h2(.text("All decisions")),
                .ul(.id("decision-list"), .class("list"), .forEach(shown.items) { decision in
                    .li(.a(
                        .safeAttribute("href", SiteRoute.decision(.of(decision.id))),
                        .span(.class("title"), .userText(decision.decision)),
                        .span(.class("meta"), .userText(status(decision, today: today)))
                    ))
                }),
                PagerLinks.render(shown, route: .decisions, noun: "decisions")
            ))
        ))
    }

    static func status(_ decision: Decision, today: CalendarDay) -> String {
        if decision.isReviewed {
            let went = decision.wentWell.map { $0 ? "Went well" : "Didn't go well" } ?? "Looked back"
            return "\(DisplayDate.day(decision.madeOn)) · \(went)" + (decision.gutCheck == .right ? " · gut was right" : "")
        }
        return decision.isDue(today: today) ? "\(DisplayDate.day(decision.madeOn)) · ready to look back on"
            : "\(DisplayDate.day(decision.madeOn)) · look back on \(DisplayDate.day(decision.reviewOn))"
    }

    static func textBox(id: String, label: String, hint: String?, value: String, required: Bool) -> Node<HTML.FormContext> {
        .div(
            .label(.for(id), .userText(label), .unwrap(hint) { .span(.class("hint"), .userText($0)) }),
            .textarea(.attribute(named: "autocomplete", value: "off"), .id(id), .name(id), .rows(2), .class("line"), .if(required, .required(true)),
                      .attribute(named: "maxlength", value: String(Decision.maxTextLength)), .userText(LogPages.textareaValue(value)))
        )
    }
}
