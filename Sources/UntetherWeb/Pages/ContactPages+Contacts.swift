import Foundation
import Plot
import UntetherCore

extension ContactPages {
    /// The contact page: the streak, a quick form, and the recent contacts.
    static func page(
        chrome: PageChrome, streak: StreakView?, form: ContactForm, contacts: Pager<ContactEvent>, error: String? = nil, notice: String? = nil,
        offerReplyCheck: Bool = false
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Log a contact")),
            Layout.message(notice, isError: false),
            .if(offerReplyCheck, .p(.id("offer-reply-check"), .class("card"),
                                    .text("If you need to answer them, you could check your reply first. "),
                                    .a(.href(SiteRoute.coach), .text("Check a reply")))),
            Layout.message(error, isError: true),
            contactForm(chrome: chrome, form: form, timeZone: streak?.timeZone),
            .unwrap(streak) { streakCard($0, links: false) },
            .if(streak == nil, .p(.text("To see your streak, first say whether you keep no contact or low contact: "), .a(.href(SiteRoute.today), .text("on Today")), .text("."))),
            .h2(.text("Recent contact")),
            .if(contacts.total == 0,
                .p(.id("no-contacts"), .class("muted"), .text("Nothing logged yet.")),
                else: .group(
                    .ul(.id("contact-list"), .class("timeline"), .forEach(contacts.items) { event in
                        .li(contactItem(chrome: chrome, event))
                    }),
                    PagerLinks.render(contacts, route: .contacts, noun: "contacts")
                )),
            .div(
                .class("actions"),
                .a(.href(SiteRoute.plan), .text("No-contact plan")),
                .a(.href(SiteRoute.rules), .text("Low-contact rules")),
                .a(.href(SiteRoute.answers), .text("Prepared answers")),
                .a(.href(SiteRoute.learnStep2), .text("Learn: why distance helps"))
            )
        ))
    }

    static func contactItem(chrome: PageChrome, _ event: ContactEvent) -> Node<HTML.BodyContext> {
        .div(
            .class("contact-item"),
            .span(.class("when"), .userText(DisplayDate.string(event.at))),
            .span(.class("summary"), .userText("\(startedBy(event.initiatedBy)) · \(event.channel.label) · \(event.necessary ? "Had to happen" : "Not necessary")")),
            .if(!event.about.isEmpty, .span(.class("about"), .userText(event.about))),
            .if(event.feelingBefore != nil || event.feelingAfter != nil, .span(.class("meta"), .userText(
                "Felt \(event.feelingBefore.map(String.init) ?? "–") before, \(event.feelingAfter.map(String.init) ?? "–") after (out of 10)"
            ))),
            .a(.class("delete-contact"), .safeAttribute("href", SiteRoute.deleteContact(.of(event.id))), .text("Delete"))
        )
    }

    static func contactForm(chrome: PageChrome, form: ContactForm, timeZone: TimeZone?) -> Node<HTML.BodyContext> {
        .form(
            .id("contact-form"), .class("stack"), .action(SiteRoute.contacts), .method(.post),
            Layout.writingFields(chrome.csrf),
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
                .a(.href(SiteRoute.today), .text("Cancel"))
            )
        )
    }
}
