import Foundation
import Plot
import UntetherCore

/// "Get help": the region's lines as tap-to-call links, the person's safe people, and what each
/// service does. It works locked and unlocked, so it is one tap from every page.
enum HelpPages {
    static func render(
        chrome: PageChrome, directory: HelpLineDirectory, region: HelpRegion?, people: [SafePerson]?, notice: String? = nil
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Get help")),
            Layout.message(notice, isError: false),
            .unwrap(region, { region in
                .group(
                    emergencyCard(region),
                    linesCard(region),
                    .unwrap(people) { safePeopleCard($0) }
                )
            }, else: .group(
                .section(
                    .class("card help-card"),
                    .h2(.text("If you are in danger now")),
                    .p(.text("Call your local emergency number. If it isn't safe to talk, many services let you stay silent on the line or send a text. Choose where you are below to see the numbers."))
                ),
                .unwrap(people) { safePeopleCard($0) }
            )),
            regionPicker(chrome: chrome, directory: directory, chosen: region),
            .section(
                .class("card"),
                .h2(.text("What these services do")),
                .ul(
                    .li(.text("A domestic abuse line is free and private. Trained people listen, help you think about your safety, and tell you about shelters, legal help and support near you. You don't have to be sure it is abuse to call.")),
                    .li(.text("A crisis line is for moments when you feel you can't go on, or you're thinking about ending your life. You can call about anything that feels too much.")),
                    .li(.text("The emergency number is for when you or someone else is in danger right now."))
                ),
                .p(.class("muted"), .text("Calls and texts can show on a phone bill or in a call log. If someone checks your phone, you may want to delete the entry afterwards, or use a phone they can't see."))
            ),
            .if(chrome.unlocked, .p(.a(.href(SiteRoute.safetyPlan), .text("Your safety plan")), .text(" · "), .a(.href(SiteRoute.people), .text("Your safe people"))))
        ))
    }

    static func emergencyCard(_ region: HelpRegion) -> Node<HTML.BodyContext> {
        .section(
            .id("help-emergency"), .class("card help-card"),
            .h2(.text("In danger right now")),
            .p(.class("call"), .a(.class("button tel"), .href(HelpLine.telLink(region.emergency.dial)), .userText("Call \(region.emergency.number)"))),
            .unwrap(region.emergency.note) { .p(.userText($0)) }
        )
    }

    static func linesCard(_ region: HelpRegion) -> Node<HTML.BodyContext> {
        .section(
            .id("help-lines"), .class("card"),
            .h2(.userText("Talk to someone (\(region.name))")),
            .ul(.class("help-lines"), .forEach(region.domesticAbuse + region.crisis) { line in .li(lineItem(line)) })
        )
    }

    static func lineItem(_ line: HelpLine) -> Node<HTML.BodyContext> {
        .group(
            .strong(.userText(line.name)),
            .unwrap(line.area) { .span(.class("muted"), .userText(" · \($0)")) },
            .div(.class("actions"),
                 .a(.class("button tel"), .href(HelpLine.telLink(line.dial)), .userText("Call \(line.number)")),
                 .unwrap(line.text) { text in
                     .unwrap(text.smsLink, { link in
                         .a(.class("button secondary"), .href(link), .userText(text.body.map { "Text \($0) to \(text.number)" } ?? "Text \(text.number)"))
                     }, else: .span(.userText("\(text.app ?? "Message"): \(text.number)")))
                 }),
            .p(.class("muted"), .userText([line.hours, line.free == true ? "free" : nil].compactMap { $0 }.joined(separator: " · "))),
            .unwrap(line.note) { .p(.class("muted"), .userText($0)) }
        )
    }

    static func safePeopleCard(_ people: [SafePerson]) -> Node<HTML.BodyContext> {
        .section(
            .id("help-people"), .class("card"),
            .h2(.text("Your safe people")),
            .if(people.isEmpty,
                .p(.text("You haven't added anyone yet. "), .a(.href(SiteRoute.people), .text("Add someone you trust"))),
                else: .ul(.class("people"), .forEach(people) { person in
                    .li(.strong(.userText(person.name)), .if(!person.reach.isEmpty, .group(.text(": "), PhoneLinks.nodes(person.reach))))
                }))
        )
    }

    /// A labelled list of regions, with a blank first choice.
    static func regionSelect<C: HTML.BodyContext>(directory: HelpLineDirectory, chosen: String?, label: String) -> Node<C> {
        let options: [Node<HTML.SelectContext>] = [LogPages.option(value: "", label: "Choose where you are", selected: chosen == nil)]
            + directory.regions.sorted { $0.name < $1.name }.map { region in
                LogPages.option(value: region.code, label: region.name, selected: region.code == chosen)
            }
        return .div(.label(.for("region"), .userText(label)), .select(.id("region"), .attribute(named: "name", value: "region"), .group(options)))
    }

    /// Choosing a region. Unlocked, it is saved to the person's settings; locked, it only
    /// changes this page (an ordinary GET form), so nothing is stored.
    static func regionPicker(chrome: PageChrome, directory: HelpLineDirectory, chosen: HelpRegion?) -> Node<HTML.BodyContext> {
        .section(
            .id("help-region"), .class("card"),
            .h2(.userText(chosen == nil ? "Where are you?" : "Somewhere else?")),
            .p(.class("muted"), .text("Nothing here works this out for itself. It only shows what you choose.")),
            .form(
                .class("stack"), .action(chrome.unlocked ? SiteRoute.helpRegion : SiteRoute.help), .method(chrome.unlocked ? .post : .get),
                .if(chrome.unlocked, Layout.csrfField(chrome.csrf)),
                regionSelect(directory: directory, chosen: chosen?.code, label: "Country or region"),
                .div(.class("actions"), .button(.class("button secondary"), .type(.submit), .text("Show these numbers")))
            )
        )
    }
}

/// A calm card offered after something hard was saved: the person's safe people and the lines
/// for their region. It offers; it never insists.
enum CareCard {
    static func render(region: HelpRegion?, people: [SafePerson]) -> Node<HTML.BodyContext> {
        .section(
            .id("care-card"), .class("card care"), .attribute(named: "role", value: "status"),
            .h2(.text("That sounds really hard")),
            .p(.text("Thank you for writing it down. If you'd like to talk to someone, here are people who can help. It's your choice.")),
            .if(!people.isEmpty, .ul(.class("people"), .forEach(people.prefix(3)) { person in
                .li(.strong(.userText(person.name)), .if(!person.reach.isEmpty, .group(.text(": "), PhoneLinks.nodes(person.reach))))
            })),
            .unwrap(region) { region in
                .ul(.class("help-lines"), .forEach(region.crisis.prefix(1) + region.domesticAbuse.prefix(1)) { line in
                    .li(.userText(line.name + " "), .a(.class("tel"), .href(HelpLine.telLink(line.dial)), .userText(line.number)))
                })
            },
            .p(.a(.href(SiteRoute.help), .text("More ways to get help"))),
            .p(.class("muted"), .text("When it's hard: "), .group(Reading.all.filter { $0.topic == .challenge }.enumerated().map { index, reading in
                .group(.if(index > 0, .text(" · ")), .a(.href(SiteRoute.reading(.named(reading.id))), .userText(reading.title)))
            }))
        )
    }
}

/// Text the person typed, with every phone number in it made a tap-to-call link.
enum PhoneLinks {
    static func nodes<C: HTML.BodyContext>(_ text: String) -> Node<C> {
        .group(PhoneText.parts(text).map { part -> Node<C> in
            switch part {
            case .text(let words): .userText(words)
            case .phone(let shown, let dial): .a(.class("tel"), .href(HelpLine.telLink(dial)), .userText(shown))
            }
        })
    }
}
