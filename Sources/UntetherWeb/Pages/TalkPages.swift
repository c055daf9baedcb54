import Foundation
import Plot
import UntetherCore

/// Step 5: professional help, made plain. A gentle check ("Should I talk to a professional?")
/// that also says what the person's own records show, then the kinds of help and what to ask.
enum TalkPages {
    static func fieldName(_ reason: ProfessionalHelp.Reason) -> String { "r_\(reason.rawValue)" }

    static let therapies: [(name: String, what: String)] = [
        ("Trauma-focused CBT", "You and a therapist look at the thoughts and fears that trauma left behind, and practise new ways to respond. It is usually weekly, for a set number of sessions."),
        ("EMDR", "While you bring a hard memory to mind, you follow the therapist's hand or a sound from side to side. Many people find the memory hurts less afterwards."),
        ("Somatic experiencing", "This works through the body: noticing tension, breath and calm, so your body can learn to settle. It can help when talking feels like too much."),
        ("Internal Family Systems", "This sees the mind as having parts, like a part that still longs for them and a part that is angry. You learn to listen to each with kindness."),
        ("Group therapy and support groups", "Meeting others who lived through the same thing can ease shame and loneliness. Many domestic abuse services run free groups."),
    ]

    static let questions = [
        "Have you worked with people leaving abusive relationships?",
        "What do you know about trauma bonds?",
        "How do you work, and what would a session be like?",
        "What happens if I want to slow down or stop?",
        "How do you keep what I say private, and when would you have to share it?",
        "How much does it cost, and is there a lower fee or a free service?",
    ]

    static func render(
        chrome: PageChrome, ticked: Set<ProfessionalHelp.Reason>?, signs: [ProfessionalHelp.Sign], region: HelpRegion?
    ) -> String {
        let result = ticked.map { ProfessionalHelp.result(ticked: $0, signs: signs) }
        return Layout.render(chrome: chrome, content: .group(
            .h1(.text("Talking to someone")),
            .p(.class("muted"), .a(.class("step-reading"), .href(SiteRoute.reading(.named("step-5"))), .text("Read about this step"))),
            .if(result == .crisis, crisisCard(region)),
            .p(.class("lead"), .text("Healing from a bond like this is hard to do alone. A therapist or counsellor who understands abuse can help. Here is a short check, and what the help can look like.")),
            .if(!signs.isEmpty, .section(
                .id("talk-signs"), .class("card"),
                .h2(.text("What your records show")),
                .ul(.forEach(signs) { sign in .li(.class("sign-\(sign.kind.rawValue)"), .userText(sign.sentence(DisplayDate.day))) }),
                .p(.class("muted"), .text("These come from what you wrote down. They are not a diagnosis, just a reason to think about support."))
            )),
            .unwrap(result) { result in result == .crisis ? .empty : resultCard(result, region: region) },
            .form(
                .id("talk-check"), .class("stack card"), .action(SiteRoute.talk), .method(.post),
                Layout.csrfField(chrome.csrf),
                .h2(.text("Should I talk to a professional?")),
                .fieldset(
                    LogPages.legend("Tick any that are true for you", hint: "Nothing here is kept."),
                    .div(.class("choices"), .forEach(ProfessionalHelp.Reason.allCases) { reason in
                        LogPages.choice(
                            type: .checkbox, id: "talk-\(reason.rawValue)", name: fieldName(reason), label: reason.text,
                            checked: ticked?.contains(reason) == true
                        )
                    })
                ),
                .div(.class("actions"), .button(.id("talk-done"), .class("button"), .type(.submit), .text("See what may help")))
            ),
            .section(
                .id("kinds-of-help"),
                .h2(.text("Kinds of help")),
                .forEach(therapies) { therapy in .group(.h3(.userText(therapy.name)), .p(.userText(therapy.what))) }
            ),
            .section(
                .id("finding-help"),
                .h2(.text("Finding someone who understands")),
                .p(.text("A domestic abuse help line can often point you to counsellors who know about abuse, and to free services near you. Your doctor can refer you too.")),
                .p(.text("It is fine to meet a few people before you choose. Feeling safe with them matters more than their title."))
            ),
            .section(
                .id("first-meeting"),
                .h2(.text("Questions to ask at a first meeting")),
                .ul(.forEach(questions) { .li(.userText($0)) })
            )
        ))
    }

    static func crisisCard(_ region: HelpRegion?) -> Node<HTML.BodyContext> {
        .section(
            .id("talk-crisis"), .class("card urgent"), .attribute(named: "role", value: "alert"),
            .h2(.text("Please talk to someone now")),
            .p(.text("Thank you for saying it. You don't have to carry this alone. A crisis line is there for exactly this, at any hour.")),
            .unwrap(region, { region in
                .ul(
                    .class("help-lines"),
                    .forEach(region.crisis.prefix(2)) { line in
                        .li(.userText(line.name + " "), .a(.class("tel"), .href(HelpLine.telLink(line.dial)), .userText(line.number)))
                    },
                    .li(.text("In danger right now: "), .a(.class("tel"), .href(HelpLine.telLink(region.emergency.dial)), .userText(region.emergency.number)))
                )
            }, else: .p(.text("Call your local emergency number, or "), .a(.href(SiteRoute.help), .text("choose where you are to see crisis lines")), .text(".")))
        )
    }

    static func resultCard(_ result: ProfessionalHelp.Result, region: HelpRegion?) -> Node<HTML.BodyContext> {
        .section(
            .id("talk-result"), .class("card"), .attribute(named: "role", value: "status"),
            .h2(.userText(result == .suggested ? "Talking to a professional could help" : "You can talk to someone at any time")),
            .p(.userText(result == .suggested
                ? "What you ticked, or what your records show, is the kind of thing a counsellor or therapist can help with. You deserve that support."
                : "You don't need a reason or a crisis. Many people find it helps to talk things through with someone outside.")),
            .unwrap(region?.domesticAbuse.first, { line in
                .p(.userText(line.name + ": "), .a(.class("tel"), .href(HelpLine.telLink(line.dial)), .userText(line.number)), .text(". They can help you find support near you."))
            }, else: .p(.a(.href(SiteRoute.help), .text("See help lines for where you are")))),
            .p(.a(.href(SiteRoute.talk.at("first-meeting")), .text("Questions to ask at a first meeting")))
        )
    }
}
