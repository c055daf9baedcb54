import Foundation
import Plot
import UntetherCore

/// The safety plan: the person's situation, then each part that fits it, each editable on its
/// own; a printable copy, and a discreet one.
enum SafetyPlanPages {
    static func render(
        chrome: PageChrome, plan: SafetyPlan, people: [SafePerson], region: HelpRegion?, error: (SafetyPlanSection, String)? = nil,
        notice: String? = nil
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Your safety plan")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .userText(SafetyPlanText.intro)),
            .p(.class("muted"), .userText(SafetyPlanText.helpLineNudge + " "), .a(.href(SiteRoute.help), .text("Help lines"))),
            .p(.a(.id("to-danger-check"), .href(SiteRoute.dangerCheck), .text("A few questions on danger")), .text(": what has happened, and what it may mean.")),
            situationForm(chrome: chrome, plan: plan),
            .nav(.class("card contents"), .ariaLabel("Parts of the plan"), .ul(.forEach(plan.sections) { section in
                .li(.a(.href("#part-\(section.rawValue)"), .userText(section.title)))
            })),
            .group(plan.sections.map { section in
                sectionCard(chrome: chrome, section: section, plan: plan, people: people,
                            error: error?.0 == section ? error?.1 : nil)
            }),
            .section(
                .class("card"),
                .h2(.text("Print")),
                .p(.userText(SafetyPlanText.printWarning)),
                .p(.class("muted"), .userText(SafetyPlanText.discreetExplained)),
                .div(.class("actions"),
                     .a(.id("print-plan"), .class("button secondary"), .href(SiteRoute.safetyPlanPrint), .text("Print the plan")),
                     .a(.id("print-discreet"), .class("button secondary"), .href(SiteRoute.safetyPlanPrint.with([("discreet", "1")])), .text("Discreet print")))
            )
        ))
    }

    static func situationForm(chrome: PageChrome, plan: SafetyPlan) -> Node<HTML.BodyContext> {
        .form(
            .id("plan-situation"), .class("card stack"), .action(SiteRoute.safetyPlanSituation), .method(.post),
            Layout.csrfField(chrome.csrf),
            .fieldset(
                LogPages.legend("Where are you right now?", hint: "The plan shows the parts that fit. You can change this any time."),
                .div(.class("choices"), .forEach(SafetyPlanSituation.allCases) { situation in
                    LogPages.choice(type: .radio, id: "situation-\(situation.rawValue)", name: "situation", value: situation.rawValue,
                                    label: situation.label, checked: plan.situation == situation)
                })
            ),
            .div(.class("actions"), .button(.class("button secondary"), .type(.submit), .text("Show the parts that fit")))
        )
    }

    static func sectionCard(
        chrome: PageChrome, section: SafetyPlanSection, plan: SafetyPlan, people: [SafePerson], error: String?
    ) -> Node<HTML.BodyContext> {
        let ticked = Set(plan.ticked(section).map(\.id))
        let fieldID = "answer-\(section.rawValue)"
        return .section(
            .id("part-\(section.rawValue)"), .class("card"),
            .h2(.userText(section.title)),
            .p(.userText(section.intro)),
            .if(section == .people, safePeople(people)),
            Layout.message(error, isError: true),
            .form(
                .class("stack"), .action(SiteRoute.safetyPlanSection(.named(section.rawValue))), .method(.post),
                Layout.writingFields(chrome.csrf),
                .if(!section.checklist.isEmpty, .fieldset(
                    LogPages.legend("Checklist"),
                    .div(.class("choices"), .forEach(section.checklist) { item in
                        LogPages.choice(type: .checkbox, id: "\(section.rawValue)-\(item.id)", name: "tick_\(item.id)",
                                        label: item.label, checked: ticked.contains(item.id))
                    })
                )),
                .div(
                    .label(.for(fieldID), .text("Your notes"),
                           .span(.class("hint"), .id("\(fieldID)-hint"), .userText(section.prompts.joined(separator: " ")))),
                    .textarea(.id(fieldID), .name("answer"), .attribute(named: "rows", value: "4"),
                              .attribute(named: "autocomplete", value: "off"), .safeAttribute("aria-describedby", "\(fieldID)-hint"),
                              .attribute(named: "maxlength", value: String(SafetyPlan.maxAnswerLength)),
                              .userText(LogPages.textareaValue(plan.answer(section))))
                ),
                .div(.class("actions"), .button(.class("button"), .type(.submit), .text("Save this part")))
            )
        )
    }

    static func safePeople(_ people: [SafePerson]) -> Node<HTML.BodyContext> {
        .div(
            .class("notice"),
            .if(people.isEmpty,
                .p(.text("No safe people yet. "), .a(.href(SiteRoute.people), .text("Add someone"))),
                else: .group(
                    .ul(.class("people"), .forEach(people) { person in
                        .li(.strong(.userText(person.name)), .if(!person.reach.isEmpty, .group(.text(": "), PhoneLinks.nodes(person.reach))))
                    }),
                    .p(.a(.href(SiteRoute.people), .text("Change your safe people")))
                ))
        )
    }

    /// The plan to print. The discreet print shows only the parts unlikely to name anyone, under
    /// everyday headings, with no safe people, no checklists and no word of what it is for; any
    /// safe person's name or contact that still appears in the person's notes is blanked.
    static func printable(chrome: PageChrome, plan: SafetyPlan, people: [SafePerson], region: HelpRegion?, discreet: Bool) -> String {
        let sections = plan.sections.filter { !discreet || !$0.mayHoldNames }
        func clean(_ text: String) -> String {
            discreet ? SafetyPlan.discreet(text, hiding: people) : text
        }
        let body: Node<HTML.BodyContext> = .div(
            .class("printable"),
            .h1(.userText(discreet ? "Notes" : "My safety plan")),
            .if(!discreet, .p(.class("warning"), .userText(SafetyPlanText.printWarning))),
            .group(sections.map { section in
                let answer = clean(plan.answer(section))
                let ticked = discreet ? [] : plan.ticked(section)
                return .section(
                    .class("print-part"),
                    .h2(.userText(discreet ? section.discreetTitle : section.title)),
                    .if(!ticked.isEmpty, .ul(.forEach(ticked) { .li(.userText("☑ " + $0.label)) })),
                    .if(!answer.isEmpty, .p(.class("answer"), .userText(answer)), else: .p(.class("blank"), .text(" ")))
                )
            }),
            .if(!discreet, .group(
                .if(!people.isEmpty, .section(.class("print-part"), .h2(.text("My safe people")), .ul(.forEach(people) { person in
                    .li(.userText([person.name, person.reach, person.helpsWith].filter { !$0.isEmpty }.joined(separator: " · ")))
                }))),
                .unwrap(region) { region in
                    .section(.class("print-part"), .h2(.userText("Help lines (\(region.name))")), .ul(
                        .li(.userText("Emergency: \(region.emergency.number)")),
                        .forEach(region.domesticAbuse + region.crisis) { .li(.userText("\($0.name): \($0.number)")) }
                    ))
                }
            ))
        )
        // The usual layout, so Exit, Get help and the idle lock stay; its bar and menu are not printed.
        return Layout.render(chrome: chrome, content: .group(
            .p(.class("actions"), .a(.href(SiteRoute.safetyPlan), .text("← Back")), .text(" "),
               .button(.id("print-now"), .class("button secondary"), .type(.button), .attribute(named: "hidden"), .text("Print"))),
            body
        ))
    }
}
