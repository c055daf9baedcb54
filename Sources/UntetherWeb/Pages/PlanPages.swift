import Foundation
import Plot
import UntetherCore

/// Step 2's planning pages: the no-contact plan, the low-contact rules, prepared answers.
enum PlanPages {

    static func plan(chrome: PageChrome, plan: NoContactPlan, newStep: String = "", error: String? = nil, notice: String? = nil) -> String {
        let progress = plan.progress
        return Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.contacts), .text("← Contact"))),
            .h1(.text("Your no-contact plan")),
            .p(.class("lead"), .text("Small steps that make it harder to slip back into contact. Do them in any order, when you're ready.")),
            .div(
                .class("notice"),
                .p(.text("If you're worried about how they might react to being blocked, a domestic abuse help line can help you plan this safely first."))
            ),
            Layout.message(notice, isError: false),
            .p(.id("plan-progress"), .class("progress-line"), .userText("\(progress.done) of \(progress.total) done")),
            .element(named: "progress", nodes: [
                .attribute(named: "max", value: String(max(progress.total, 1))),
                .attribute(named: "value", value: String(progress.done)),
                .attribute(named: "aria-labelledby", value: "plan-progress"),
            ]),
            .form(
                .id("plan-form"), .class("stack"), .action(SiteRoute.plan), .method(.post),
                Layout.csrfField(chrome.csrf),
                .ul(.class("plan"), .forEach(NoContactPlan.guideSteps) { step in
                    .li(
                        .class("plan-step"),
                        LogPages.choice(type: .checkbox, id: "step-\(step.id)", name: "step_\(step.id)", label: step.title,
                                        checked: plan.doneGuideSteps.contains(step.id)),
                        .p(.class("why"), .strong(.text("Why: ")), .userText(step.why)),
                        .p(.class("how"), .strong(.text("How: ")), .userText(step.how), .group(links(for: step.id)))
                    )
                }),
                .if(!plan.ownSteps.isEmpty, .group(
                    .h2(.text("Your own steps")),
                    .ul(.id("own-steps"), .class("plan"), .forEach(plan.ownSteps) { step in
                        .li(
                            .class("plan-step"),
                            LogPages.choice(type: .checkbox, id: "own-\(SiteRoute.key(step.id))", name: "own_\(SiteRoute.key(step.id))",
                                            label: step.text, checked: step.done)
                        )
                    })
                )),
                .div(.class("actions"), .button(.id("save-plan"), .class("button"), .type(.submit), .text("Save progress")))
            ),
            .if(!plan.ownSteps.isEmpty, .details(
                .summary(.text("Remove one of your own steps")),
                .ul(.class("plain"), .forEach(plan.ownSteps) { step in
                    .li(.form(
                        .class("inline-form"), .safeAttribute("action", SiteRoute.deletePlanStep(.of(step.id))), .method(.post),
                        Layout.csrfField(chrome.csrf),
                        .span(.userText(step.text)), .text(" "),
                        .button(.class("link-button"), .type(.submit), .text("Remove"))
                    ))
                })
            )),
            .h2(.id("add-step"), .text("Add a step of your own")),
            Layout.message(error, isError: true),
            .form(
                .id("own-step-form"), .class("stack"), .action(SiteRoute.planOwn), .method(.post),
                Layout.csrfField(chrome.csrf),
                Layout.field(id: "own-step", label: "What will you do?", hint: "For example: delete old messages from my phone.",
                             name: "text", value: newStep, autocomplete: "off",
                             extra: [.attribute(named: "maxlength", value: String(NoContactPlan.maxOwnStepLength))]),
                .div(.button(.id("add-own-step"), .class("button secondary"), .type(.submit), .text("Add")))
            )
        ))
    }

    /// Links from a plan step to the part of the app that helps with it.
    static func links(for stepID: String) -> [Node<HTML.BodyContext>] {
        switch stepID {
        case "prepare-answers": [.text(" "), .a(.href(SiteRoute.answers), .text("Prepared answers"))]
        case "keep-records": [.text(" "), .a(.href(SiteRoute.log), .text("Open the log"))]
        default: []
        }
    }

    static func rules(chrome: PageChrome, lines: [String], error: String? = nil, notice: String? = nil) -> String {
        // Two empty boxes for new rules, as long as there is room.
        let rows = lines + Array(repeating: "", count: max(0, min(2, LowContactRules.maxRules - lines.count)))
        return Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.contacts), .text("← Contact"))),
            .h1(.text("Your rules for contact")),
            .p(.class("lead"), .text("When you can't cut contact, clear rules keep it small. These are yours: change the words, add some, or clear a box to drop one.")),
            Layout.message(notice, isError: false),
            Layout.message(error, isError: true),
            .form(
                .id("rules-form"), .class("stack"), .action(SiteRoute.rules), .method(.post),
                Layout.csrfField(chrome.csrf),
                .forEach(Array(rows.enumerated())) { index, rule in
                    .div(
                        .label(.for("rule-\(index)"), .userText(index < lines.count ? "Rule \(index + 1)" : "New rule"),
                               .if(index >= lines.count, .span(.class("optional"), .text(" (optional)")))),
                        .textarea(.attribute(named: "autocomplete", value: "off"), .id("rule-\(index)"), .name("rule_\(index)"), .rows(2), .class("line"),
                                  .attribute(named: "maxlength", value: String(LowContactRules.maxRuleLength)), .userText(rule))
                    )
                },
                .input(.type(.hidden), .name("rule_count"), .value(String(rows.count))),
                .div(
                    .class("actions"),
                    .button(.id("save-rules"), .class("button"), .type(.submit), .text("Save rules")),
                    .a(.href(SiteRoute.coach), .text("Check a reply"))
                )
            ),
            .h2(.text("Emotional no contact")),
            .p(.text("Even when you have to be in touch, you can keep your feelings out of it. Treat messages like business letters. Answer the practical question and nothing else. If they bring up the past or your feelings, you don't have to reply to that part.")),
            .p(.a(.href(SiteRoute.learnStep2), .text("Read more about Step 2")))
        ))
    }

    static func answers(chrome: PageChrome, answers: PreparedAnswers, when: String = "", text: String = "", error: String? = nil, notice: String? = nil) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.contacts), .text("← Contact"))),
            .h1(.text("Prepared answers")),
            .p(.class("lead"), .text("Friends and family may ask about them, or pass on a message. A short answer ready in advance means you don't have to explain yourself.")),
            Layout.message(notice, isError: false),
            .ul(.id("library-answers"), .class("answers"), .forEach(PreparedAnswers.library) { answer in
                .li(.span(.class("when"), .userText(answer.when)), .element(named: "q", text: answer.text))
            }),
            .h2(.text("Your own answers")),
            .if(answers.own.isEmpty,
                .p(.class("muted"), .text("None yet. Writing one in your own words can make it easier to say.")),
                else: .ul(.id("own-answers"), .class("answers"), .forEach(answers.own) { answer in
                    .li(
                        .if(!answer.when.isEmpty, .span(.class("when"), .userText(answer.when))),
                        .element(named: "q", nodes: [Node<HTML.BodyContext>.userText(answer.text)]),
                        .form(
                            .class("inline-form"), .safeAttribute("action", SiteRoute.deleteAnswer(.of(answer.id))), .method(.post),
                            Layout.csrfField(chrome.csrf),
                            .button(.class("link-button"), .type(.submit), .text("Remove"))
                        )
                    )
                })),
            Layout.message(error, isError: true),
            .form(
                .id("answer-form"), .class("stack"), .action(SiteRoute.answers), .method(.post),
                Layout.csrfField(chrome.csrf),
                Layout.field(id: "answer-when", label: "When you'd use it", hint: "Optional. For example: when my sister asks.",
                             name: "when", value: when, required: false, autocomplete: "off",
                             extra: [.attribute(named: "maxlength", value: String(PreparedAnswers.maxWhenLength))]),
                .div(
                    .label(.for("answer-text"), .text("What you'd say")),
                    .textarea(.attribute(named: "autocomplete", value: "off"), .id("answer-text"), .name("text"), .rows(3), .class("short"), .required(true),
                              .attribute(named: "maxlength", value: String(PreparedAnswers.maxTextLength)), .userText(text))
                ),
                .div(.button(.id("add-answer"), .class("button secondary"), .type(.submit), .text("Add answer")))
            )
        ))
    }
}
