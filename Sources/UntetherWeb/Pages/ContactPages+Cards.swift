import Foundation
import Plot
import UntetherCore

/// The cards shown first on Today: the streak, the low-contact rules, and the question about the
/// person's situation.
extension ContactPages {
    /// The streak, shown first on Today in no contact and on the contact page.
    static func streakCard(_ view: StreakView, headingLevel: Int = 2, links: Bool = true) -> Node<HTML.BodyContext> {
        let summary = view.summary
        let lowContact = summary.mode == .lowContact
        let heading = lowContact ? "Keeping contact low" : "No contact"
        let mainCount = lowContact ? (summary.necessaryOnly ?? summary.current) : summary.current
        let mainLine: String = {
            if lowContact { return "with only the contact that had to happen." }
            return summary.lastReachedOut == nil ? "without reaching out, since you started here." : "since you last reached out to them."
        }()
        return .div(
            .id("streak"), .class("card streak"),
            headingLevel == 1 ? .h1(.userText(heading)) : .h2(.userText(heading)),
            .p(.class("streak-count"), .span(.id("streak-days"), .userText(days(mainCount))), .text(" "), .span(.userText(mainLine))),
            .if(lowContact, .p(.id("streak-personal"), .userText("\(days(summary.current)) since you last reached out to them yourself."))),
            .if(view.reachedOutToday, .div(
                .id("streak-reset"), .class("notice"),
                .p(.text("You reached out to them today. That isn't a failure. It tells you something about what today was like.")),
                .p(.text("What was happening just before? A tired evening, a memory, a message from them? Writing it down can help you spot it next time.")),
                .p(.text("Next time the pull comes, Pause at the top of the page has your reasons, a timer and tools that help.")),
                .div(.class("actions"),
                     .a(.id("reset-pause"), .href(SiteRoute.pause), .text("Open Pause")),
                     .a(.href(SiteRoute.newNote), .text("Write about it")))
            )),
            .unwrap(view.milestoneToday) { milestone in
                .p(.id("streak-milestone"), .class("milestone"), .userText("\(days(milestone)). That took strength. Take a quiet moment to notice it."))
            },
            .if(summary.longest > summary.current, .p(.class("muted"), .userText("Your longest run so far: \(days(summary.longest))."))),
            .unwrap(summary.lastContact) { last in
                .p(.class("muted"), .userText("Last contact of any kind: \(DisplayDate.string(last))."))
            },
            .if(links, .div(
                .class("actions"),
                .a(.id("log-contact"), .class("button"), .href(SiteRoute.contacts), .text("Log a contact")),
                .if(!lowContact, .a(.id("open-plan"), .href(SiteRoute.plan), .text("Your no-contact plan"))),
                .a(.href(SiteRoute.learnStep2), .text("Learn: why distance helps"))
            ))
        )
    }

    /// The low-contact card: the person's rules and the reply checker, shown first on Today.
    static func rulesCard(_ rules: LowContactRules) -> Node<HTML.BodyContext> {
        .div(
            .id("rules-card"), .class("card"),
            .h2(.text("Your rules for contact")),
            .ul(.id("rules-list"), .forEach(rules.rules) { .li(.userText($0)) }),
            .div(
                .class("actions"),
                .a(.id("today-reply"), .class("button"), .href(SiteRoute.coach), .text("Check a reply")),
                .a(.id("edit-rules"), .href(SiteRoute.rules), .text("Change your rules"))
            )
        )
    }

    /// Asks once whether the person keeps no contact or low contact, and why.
    static func situationForm(
        chrome: PageChrome, mode: ContactMode?, reasons: [LowContactReason], since: String = "", returnTo: String
    ) -> Node<HTML.BodyContext> {
        .form(
            .id("situation-form"), .class("stack"), .action(SiteRoute.situation), .method(.post),
            Layout.csrfField(chrome.csrf),
            .input(.type(.hidden), .name("return"), .safe("value", returnTo)),
            .fieldset(
                LogPages.legend("Which fits you best right now?"),
                .div(.class("choices"), .forEach(Array(ContactMode.allCases.enumerated())) { index, option in
                    LogPages.choice(type: .radio, id: "mode-\(option.rawValue)", name: "mode", value: option.rawValue,
                                    label: option.label, checked: mode == option, required: index == 0)
                })
            ),
            .fieldset(
                LogPages.legend("If you're still in touch, what for?", hint: "Only for low contact. Choose any that apply."),
                .div(.class("choices"), .forEach(LowContactReason.allCases) { reason in
                    LogPages.choice(type: .checkbox, id: "reason-\(reason.rawValue)", name: "reason_\(reason.rawValue)",
                                    label: reason.label, checked: reasons.contains(reason))
                })
            ),
            LogPages.dayInput(id: "no-contact-since", label: "When did it begin? (optional)", name: "since", value: since),
            .div(.button(.id("save-situation"), .class("button"), .type(.submit), .text("Save")))
        )
    }

    /// The card on Today that asks for the situation the first time.
    static func situationCard(chrome: PageChrome, error: String? = nil) -> Node<HTML.BodyContext> {
        .div(
            .id("situation-card"), .class("card"),
            .h2(.text("Are you still in touch with them?")),
            Layout.message(error, isError: true),
            .p(.text("Some people can cut contact completely. Others can't yet, because of children, work, money, housing or court. Both are fine. Your answer changes what this page shows first.")),
            situationForm(chrome: chrome, mode: nil, reasons: [], returnTo: "today")
        )
    }
}
