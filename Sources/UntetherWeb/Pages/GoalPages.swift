import Foundation
import Plot
import UntetherCore

/// Step 6: goals with small steps, and interests with an "I did it" log.
enum GoalPages {
    static func render(
        chrome: PageChrome, goals: [Goal], interests: [Interest], today: CalendarDay,
        goalForm: (title: String, steps: String), interestForm: (name: String, origin: String),
        error: (part: String, message: String)?, notice: String?
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Goals and interests")),
            .p(.class("muted"), .a(.class("step-reading"), .href(SiteRoute.reading(.named("step-6"))), .text("Read about this step"))),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("Things that are yours alone, with nothing to do with a relationship. Small steps count.")),
            .section(
                .id("goals"),
                .h2(.text("My goals")),
                .forEach(goals) { goal($0, csrf: chrome.csrf) },
                .form(
                    .id("goal-form"), .class("stack card"), .action(SiteRoute.goals), .method(.post),
                    Layout.writingFields(chrome.csrf),
                    .h3(.text("A new goal")),
                    Layout.message(error?.part == "goal" ? error?.message : nil, isError: true),
                    Layout.field(id: "goal-title", label: "The goal", hint: "For example: learn to drive.", name: "title", value: goalForm.title, autocomplete: "off",
                                 extra: [.attribute(named: "maxlength", value: String(Goal.maxTitleLength))]),
                    .div(
                        .label(.for("goal-steps"), .text("Small steps"), .span(.class("hint"), .text("One a line. The smaller, the better."))),
                        .textarea(.id("goal-steps"), .name("steps"), .rows(4), .attribute(named: "autocomplete", value: "off"), .userText(goalForm.steps))
                    ),
                    .div(.class("actions"), .button(.id("goal-save"), .class("button"), .type(.submit), .text("Add this goal")))
                )
            ),
            .section(
                .id("interests"),
                .h2(.text("My interests")),
                .ul(.class("plain"), .forEach(interests) { interest($0, today: today, csrf: chrome.csrf) }),
                .form(
                    .id("interest-form"), .class("stack card"), .action(SiteRoute.interests), .method(.post),
                    Layout.csrfField(chrome.csrf),
                    .h3(.text("Add an interest")),
                    Layout.message(error?.part == "interest" ? error?.message : nil, isError: true),
                    Layout.field(id: "interest-name", label: "What", hint: "For example: swimming, drawing, a language.", name: "name", value: interestForm.name,
                                 autocomplete: "off", extra: [.attribute(named: "maxlength", value: String(Interest.maxNameLength))]),
                    .fieldset(
                        LogPages.legend("Is it"),
                        .div(.class("choices"), .forEach(Interest.Origin.allCases) { origin in
                            LogPages.choice(type: .radio, id: "origin-\(origin.rawValue)", name: "origin", value: origin.rawValue, label: origin.label,
                                            checked: interestForm.origin == origin.rawValue || (interestForm.origin.isEmpty && origin == .before))
                        })
                    ),
                    .div(.class("actions"), .button(.id("interest-save"), .class("button"), .type(.submit), .text("Add")))
                )
            )
        ))
    }

    static func goal(_ goal: Goal, csrf: String) -> Node<HTML.BodyContext> {
        let key = SiteRoute.key(goal.id)
        return .form(
            .class("stack card goal"), .id("goal-\(key)"), .action(SiteRoute.goal(.of(goal.id))), .method(.post),
            Layout.csrfField(csrf),
            .h3(.userText(goal.title)),
            .p(.class("muted goal-progress"), .userText(goal.steps.isEmpty ? "No steps yet." : "\(goal.doneCount) of \(goal.steps.count) steps done" + (goal.isDone ? ". Well done." : "."))),
            .if(!goal.steps.isEmpty, .div(.class("choices"), .forEach(Array(goal.steps.enumerated())) { index, step in
                LogPages.choice(type: .checkbox, id: "step-\(key)-\(index)", name: "step_\(index)", label: step.text, checked: step.done)
            })),
            .div(
                .class("actions"),
                .if(!goal.steps.isEmpty, .button(.class("button secondary"), .type(.submit), .name("action"), .value("save"), .text("Save progress"))),
                .button(.class("link-button"), .type(.submit), .name("action"), .value("delete"), .text("Remove this goal"))
            )
        )
    }

    static func interest(_ interest: Interest, today: CalendarDay, csrf: String) -> Node<HTML.ListContext> {
        let times = interest.done.count
        return .li(
            .class("card interest"),
            .strong(.userText(interest.name)), .span(.class("muted"), .userText(" · " + interest.origin.label.lowercased())),
            .p(.class("interest-count"), .userText(times == 0 ? "Not yet." : "Done \(times == 1 ? "once" : "\(times) times"), last on \(DisplayDate.day(interest.done.last!)).")),
            .form(
                .class("inline-form"), .action(SiteRoute.interest(.of(interest.id))), .method(.post), Layout.csrfField(csrf),
                .if(!interest.done.contains(today), .button(.class("button secondary"), .type(.submit), .name("action"), .value("did"), .text("I did it today"))),
                .button(.class("link-button"), .type(.submit), .name("action"), .value("delete"), .text("Remove"))
            )
        )
    }
}
