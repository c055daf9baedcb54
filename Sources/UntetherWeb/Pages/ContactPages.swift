import Foundation
import Plot
import UntetherCore

/// What the streak card needs: the summary and the person's day.
struct StreakView {
    let summary: Streaks.Summary
    let now: Date
    let timeZone: TimeZone

    /// True when the person reached out to them today, in their own calendar day.
    var reachedOutToday: Bool {
        guard let last = summary.lastReachedOut else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.isDate(last, inSameDayAs: now)
    }

    /// The milestone to mark today: only on the day it is reached, so it stays quiet.
    var milestoneToday: Int? {
        summary.milestone == summary.current ? summary.milestone : nil
    }
}

/// Step 2: the streak, the contact log, and the person's situation.
enum ContactPages {
    static let notices: [String: String] = [
        "saved": "Saved.",
        "deleted": "The contact was deleted.",
        "situation": "Thanks. The pages now fit your situation. You can change it any time in Settings.",
    ]

    static let situationMissing = "Please choose no contact or low contact. You can change it later."

    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

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
            headingLevel == 1 ? .h1(.text(heading)) : .h2(.text(heading)),
            .p(.class("streak-count"), .span(.id("streak-days"), .text(days(mainCount))), .text(" "), .span(.text(mainLine))),
            .if(lowContact, .p(.id("streak-personal"), .text("\(days(summary.current)) since you last reached out to them yourself."))),
            .if(view.reachedOutToday, .div(
                .id("streak-reset"), .class("notice"),
                .p(.text("You reached out to them today. That isn't a failure. It tells you something about what today was like.")),
                .p(.text("What was happening just before? A tired evening, a memory, a message from them? Writing it down can help you spot it next time.")),
                .p(.text("Next time the pull comes, Pause at the top of the page has your reasons, a timer and tools that help.")),
                .div(.class("actions"),
                     .a(.id("reset-pause"), .href(SitePath.pause), .text("Open Pause")),
                     .a(.href(SitePath.newNote), .text("Write about it")))
            )),
            .unwrap(view.milestoneToday) { milestone in
                .p(.id("streak-milestone"), .class("milestone"), .text("\(days(milestone)). That took strength. Take a quiet moment to notice it."))
            },
            .if(summary.longest > summary.current, .p(.class("muted"), .text("Your longest run so far: \(days(summary.longest))."))),
            .unwrap(summary.lastContact) { last in
                .p(.class("muted"), .text("Last contact of any kind: \(DisplayDate.string(last))."))
            },
            .if(links, .div(
                .class("actions"),
                .a(.id("log-contact"), .class("button"), .href(SitePath.contacts), .text("Log a contact")),
                .if(!lowContact, .a(.id("open-plan"), .href(SitePath.plan), .text("Your no-contact plan"))),
                .a(.href(SitePath.learnStep2), .text("Learn: why distance helps"))
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
                .a(.id("today-reply"), .class("button"), .href(SitePath.coach), .text("Check a reply")),
                .a(.id("edit-rules"), .href(SitePath.rules), .text("Change your rules"))
            )
        )
    }

    /// Asks once whether the person keeps no contact or low contact, and why.
    static func situationForm(
        chrome: PageChrome, mode: ContactMode?, reasons: [LowContactReason], since: String = "", returnTo: String
    ) -> Node<HTML.BodyContext> {
        .form(
            .id("situation-form"), .class("stack"), .action(SitePath.situation), .method(.post),
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

    /// The contact page: the streak, a quick form, and the recent contacts.
    static func page(
        chrome: PageChrome, streak: StreakView?, form: ContactForm, contacts: [ContactEvent], error: String? = nil, notice: String? = nil
    ) -> String {
        Layout.render(title: "Contact", chrome: chrome, content: .group(
            .h1(.text("Log a contact")),
            Layout.message(notice, isError: false),
            Layout.message(error, isError: true),
            contactForm(chrome: chrome, form: form, timeZone: streak?.timeZone),
            .unwrap(streak) { streakCard($0, links: false) },
            .if(streak == nil, .p(.text("To see your streak, first say whether you keep no contact or low contact: "), .a(.href(SitePath.today), .text("on Today")), .text("."))),
            .h2(.text("Recent contact")),
            .if(contacts.isEmpty,
                .p(.id("no-contacts"), .class("muted"), .text("Nothing logged yet.")),
                else: .ul(.id("contact-list"), .class("timeline"), .forEach(contacts.prefix(50)) { event in
                    .li(contactItem(chrome: chrome, event))
                })),
            .div(
                .class("actions"),
                .a(.href(SitePath.plan), .text("No-contact plan")),
                .a(.href(SitePath.rules), .text("Low-contact rules")),
                .a(.href(SitePath.answers), .text("Prepared answers")),
                .a(.href(SitePath.learnStep2), .text("Learn: why distance helps"))
            )
        ))
    }

    static func contactItem(chrome: PageChrome, _ event: ContactEvent) -> Node<HTML.BodyContext> {
        .div(
            .class("contact-item"),
            .span(.class("when"), .text(DisplayDate.string(event.at))),
            .span(.class("summary"), .text("\(startedBy(event.initiatedBy)) · \(event.channel.label) · \(event.necessary ? "Had to happen" : "Not necessary")")),
            .if(!event.about.isEmpty, .span(.class("about"), .userText(event.about))),
            .if(event.feelingBefore != nil || event.feelingAfter != nil, .span(.class("meta"), .text(
                "Felt \(event.feelingBefore.map(String.init) ?? "–") before, \(event.feelingAfter.map(String.init) ?? "–") after (out of 10)"
            ))),
            .a(.class("delete-contact"), .safeAttribute("href", SitePath.deleteContact(SitePath.key(event.id))), .text("Delete"))
        )
    }

    static func startedBy(_ who: ContactInitiator) -> String {
        switch who {
        case .them: "They started it"
        case .me: "I started it"
        case .thirdParty: "Someone else started it"
        }
    }


    static func contactForm(chrome: PageChrome, form: ContactForm, timeZone: TimeZone?) -> Node<HTML.BodyContext> {
        .form(
            .id("contact-form"), .class("stack"), .action(SitePath.contacts), .method(.post),
            Layout.csrfField(chrome.csrf),
            .fieldset(
                LogPages.legend("Who started it?"),
                .div(.class("choices inline"), .forEach(Array(ContactInitiator.allCases.enumerated())) { index, who in
                    LogPages.choice(type: .radio, id: "who-\(who.rawValue)", name: "initiated_by", value: who.rawValue,
                                    label: who.label, checked: form.initiatedBy == who.rawValue, required: index == 0)
                })
            ),
            .fieldset(
                LogPages.legend("Did it have to happen?", hint: "For children, work, money, housing or court."),
                .div(.class("choices inline"),
                     LogPages.choice(type: .radio, id: "necessary-yes", name: "necessary", value: "yes", label: "Yes",
                                     checked: form.necessary == "yes", required: true),
                     LogPages.choice(type: .radio, id: "necessary-no", name: "necessary", value: "no", label: "No",
                                     checked: form.necessary == "no"))
            ),
            .div(
                .label(.for("contact-at"), .text("When")),
                .selfClosedElement(named: "input", attributes: [
                    .attribute(named: "type", value: "datetime-local"), .id("contact-at"), .name("at"),
                    .safe("value", form.at), .required(true), .attribute(named: "autocomplete", value: "off"),
                ] as [Attribute<HTML.InputContext>])
            ),
            .div(
                .label(.for("channel"), .text("How")),
                .select(
                    .id("channel"), .attribute(named: "name", value: "channel"),
                    .forEach(ContactChannel.allCases) { channel in
                        LogPages.option(value: channel.rawValue, label: channel.label, selected: form.channel == channel.rawValue)
                    }
                )
            ),
            .div(
                .label(.for("about"), .text("What it was about"), .span(.class("optional"), .text(" (optional)"))),
                .selfClosedElement(named: "input", attributes: [
                    .type(.text), .id("about"), .name("about"), .safe("value", form.about),
                    .attribute(named: "autocomplete", value: "off"), LogPages.maxShort,
                ] as [Attribute<HTML.InputContext>])
            ),
            .div(
                .class("pair even"),
                Layout.scaleSelect(id: "feeling-before", name: "feeling_before", label: "Felt before", range: 0...10, ends: ("worst", "best"), value: form.feelingBefore),
                Layout.scaleSelect(id: "feeling-after", name: "feeling_after", label: "Felt after", range: 0...10, ends: ("worst", "best"), value: form.feelingAfter)
            ),
            .p(.class("hint"), .text("Feelings are optional: 0 is the worst, 10 the best.")),
            .div(
                .class("actions"),
                .button(.id("save-contact"), .class("button"), .type(.submit), .text("Save")),
                .a(.href(SitePath.today), .text("Cancel"))
            )
        )
    }

    static func confirmDelete(chrome: PageChrome, event: ContactEvent) -> String {
        Layout.render(title: "Delete contact", chrome: chrome, content: .group(
            .h1(.text("Delete this contact?")),
            .p(.text("\(DisplayDate.string(event.at)). \(startedBy(event.initiatedBy)). \(event.channel.label).")),
            .p(.text("Your streak will be worked out again without it.")),
            .div(
                .class("actions"),
                .form(
                    .safeAttribute("action", SitePath.deleteContact(SitePath.key(event.id))), .method(.post),
                    Layout.csrfField(chrome.csrf),
                    .button(.id("confirm-delete"), .class("button danger"), .type(.submit), .text("Delete contact"))
                ),
                .a(.href(SitePath.contacts), .text("Keep it"))
            )
        ))
    }
}
