import Foundation
import Plot
import UntetherCore

/// Step 6: choose values, rank the top five, and build a mission statement from them.
enum ValuesPages {
    static func render(
        chrome: PageChrome, plan: ValuesPlan, error: (part: String, message: String)?, notice: String?, draft: String? = nil, typed: String? = nil,
        answers: [String: String]? = nil
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("What matters to me")),
            .p(.class("muted"), .a(.class("step-reading"), .href(SiteRoute.reading(.named("step-6"))), .text("Read about this step"))),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("Who you are did not end with the relationship. These steps help you put into words what matters to you now. Take them one at a time.")),
            chooseForm(plan, csrf: chrome.csrf, error: error?.part == "choose" ? error?.message : nil),
            .if(!plan.all.isEmpty, rankForm(plan, csrf: chrome.csrf, error: error?.part == "rank" ? error?.message : nil)),
            .if(!plan.all.isEmpty, missionForm(plan, csrf: chrome.csrf, draft: draft, typed: typed, answers: answers, error: error?.part == "mission" ? error?.message : nil)),
            .unwrap(plan.statement.isEmpty ? nil : plan.statement) { statement in
                .section(.id("my-statement"), .class("card"), .h2(.text("My statement")), .p(.class("answer"), .userText(statement)))
            }
        ))
    }

    static func chooseForm(_ plan: ValuesPlan, csrf: String, error: String?) -> Node<HTML.BodyContext> {
        .form(
            .id("values-choose"), .class("stack card"), .action(SiteRoute.valuesChoose), .method(.post),
            Layout.writingFields(csrf),
            .h2(.text("1. Choose your values")),
            Layout.message(error, isError: true),
            .fieldset(
                LogPages.legend("Tick the ones that feel true for you", hint: "As many as you like."),
                .div(.class("choices values-grid"), .forEach(CoreValue.all) { value in
                    LogPages.choice(type: .checkbox, id: "value-\(value.id)", name: "value_\(value.id)", label: value.label, checked: plan.chosen.contains(value.id))
                })
            ),
            .div(
                .label(.for("values-own"), .text("Your own"), .span(.class("hint"), .text("One a line, or with commas between."))),
                .textarea(
                    .id("values-own"), .name("own"), .rows(3), .attribute(named: "autocomplete", value: "off"),
                    .userText(plan.own.joined(separator: "\n"))
                )
            ),
            .div(.class("actions"), .button(.id("values-save"), .class("button"), .type(.submit), .text("Save my values")))
        )
    }

    static func rankForm(_ plan: ValuesPlan, csrf: String, error: String?) -> Node<HTML.BodyContext> {
        let places = ["First", "Second", "Third", "Fourth", "Fifth"]
        let count = min(ValuesPlan.topCount, plan.all.count)
        return .form(
            .id("values-rank"), .class("stack card"), .action(SiteRoute.valuesRank), .method(.post),
            Layout.csrfField(csrf),
            .h2(.text("2. Your top five")),
            Layout.message(error, isError: true),
            .p(.class("hint"), .text("Which matter most right now? There is no wrong order, and you can change it later.")),
            .forEach(Array(0..<count)) { index in
                .div(
                    .label(.for("top-\(index + 1)"), .userText(places[index])),
                    .select(
                        .id("top-\(index + 1)"), .safeAttribute("name", "top_\(index + 1)"),
                        LogPages.option(value: "", label: "Choose…", selected: !plan.top.indices.contains(index)),
                        .forEach(plan.all) { value in
                            LogPages.option(value: value, label: value, selected: plan.top.indices.contains(index) && plan.top[index] == value)
                        }
                    )
                )
            },
            .div(.class("actions"), .button(.id("values-rank-save"), .class("button"), .type(.submit), .text("Save my top five")))
        )
    }

    static func answerField(_ id: String, _ label: String, hint: String, name: String, value: String) -> Node<HTML.FormContext> {
        .div(
            .label(.for(id), .userText(label), .span(.class("hint"), .userText(hint))),
            .textarea(
                .id(id), .name(name), .rows(2), .attribute(named: "autocomplete", value: "off"),
                .attribute(named: "maxlength", value: String(ValuesPlan.maxAnswerLength)), .userText(value)
            )
        )
    }

    /// The statement form. `typed` is what the person wrote and has not saved: it stays in the
    /// box, and a draft made from the answers is shown beside it rather than over it.
    static func missionForm(_ plan: ValuesPlan, csrf: String, draft: String?, typed: String?, answers: [String: String]? = nil, error: String?) -> Node<HTML.BodyContext> {
        let statement = typed ?? draft ?? plan.statement
        return .form(
            .id("values-mission"), .class("stack card"), .action(SiteRoute.valuesMission), .method(.post),
            Layout.writingFields(csrf),
            .h2(.text("3. Your statement")),
            Layout.message(error, isError: true),
            .p(.class("hint"), .text("Answer in a few words each. Then make a first draft from your answers, and change it until it sounds like you.")),
            answerField("mission-self", "How I want to treat myself", hint: "For example: patience, and rest when I need it.", name: "treat_myself", value: answers?["treat_myself"] ?? plan.treatMyself),
            answerField("mission-others", "How I want to treat others", hint: "For example: honesty and warmth.", name: "treat_others", value: answers?["treat_others"] ?? plan.treatOthers),
            answerField("mission-days", "What I want my days to hold", hint: "For example: time outside, and learning something new.", name: "days", value: answers?["days"] ?? plan.days),
            .if(typed != nil && draft != nil, .div(
                .id("mission-draft-text"), .class("card"), .attribute(named: "role", value: "status"),
                .p(.strong(.text("A draft from your answers"))),
                .p(.userText(draft ?? "")),
                .p(.class("hint"), .text("What you wrote below is kept. Copy any of this draft into it if you like."))
            )),
            .div(
                .label(.for("mission-statement"), .text("My statement"), .span(.class("hint"), .text("Your own words. A few sentences is plenty."))),
                .textarea(
                    .id("mission-statement"), .name("statement"), .rows(5), .attribute(named: "autocomplete", value: "off"),
                    .attribute(named: "maxlength", value: String(ValuesPlan.maxStatementLength)), .userText(statement)
                )
            ),
            .div(
                .class("actions"),
                .button(.id("mission-draft"), .class("button secondary"), .type(.submit), .name("action"), .value("draft"), .text("Make a draft from my answers")),
                .button(.id("mission-save"), .class("button"), .type(.submit), .name("action"), .value("save"), .text("Save my statement"))
            )
        )
    }
}
