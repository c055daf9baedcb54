import Foundation
import Plot
import UntetherCore

/// The reply checker: paste a draft, see what might start an argument, and a calm outline.
/// Nothing is saved and nothing is sent.
enum CoachPages {
    static func render(chrome: PageChrome, draft: String = "", review: MessageCoach.Review? = nil) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Check a reply before you send it")),
            .p(.text("If you have to stay in touch about children, work or money, short and plain replies keep you safer. Paste your draft here. It is checked on this computer only, and it is not saved.")),
            .form(
                .id("coach-form"), .class("stack"), .action(SiteRoute.coach), .method(.post),
                Layout.csrfField(chrome.csrf),
                .div(
                    .label(.for("draft"), .text("Your draft")),
                    .textarea(.attribute(named: "autocomplete", value: "off"), .id("draft"), .name("draft"), .rows(8), .required(true),
                              .attribute(named: "maxlength", value: "20000"), .userText(draft))
                ),
                .div(.button(.id("check-draft"), .class("button"), .type(.submit), .text("Check it")))
            ),
            .unwrap(review) { review in
                .div(
                    .id("coach-result"), .class("card"), .attribute(named: "aria-live", value: "polite"),
                    .h2(.userText(review.flags.isEmpty ? "Nothing to flag" : "Things to look at")),
                    .p(.id("coach-verdict"), .class(review.verdict == .risky ? "verdict risky" : "verdict"), .data(named: "verdict", value: review.verdict.rawValue),
                       .userText(review.verdict.summary)),
                    .if(review.flags.isEmpty,
                        .p(.text("It's your choice whether and when to send it.")),
                        else: .ul(.id("coach-flags"), .class("list"), .forEach(review.flags) { flag in
                            .li(
                                .class("card"), .data(named: "kind", value: flag.kind.rawValue),
                                .p(.strong(.userText(label(flag.kind))), .text(": "), .span(.class("matched"), .userText("“\(flag.matched)”"))),
                                .p(.userText(flag.suggestion))
                            )
                        })),
                    .p(.id("coach-scores"), .class("muted"), .userText(
                        "Brief \(review.scores.brief), informative \(review.scores.informative), friendly \(review.scores.friendly), firm \(review.scores.firm), out of 100."
                    )),
                    .unwrap(review.rewrite) { rewrite in
                        .group(
                            .h3(.text("A calmer version of your message")),
                            .p(.class("muted"), .text("Built from your own words: the facts stay, the rest is left out. Change it as you like. Nothing is sent or saved.")),
                            .div(
                                .label(.for("coach-rewrite"), .text("Calmer version")),
                                .textarea(.id("coach-rewrite"), .rows(6), .attribute(named: "autocomplete", value: "off"),
                                          .userText(LogPages.textareaValue(rewrite.text)))
                            ),
                            .div(.class("actions"), .button(.id("copy-rewrite"), .class("button secondary"), .type(.button), .attribute(named: "hidden"),
                                                            .text("Copy it"))),
                            .p(.id("copy-status"), .class("muted"), .attribute(named: "role", value: "status")),
                            .if(!rewrite.leftOut.isEmpty, .group(
                                .h4(.text("Left out, and why")),
                                .ul(.id("coach-left-out"), .forEach(rewrite.leftOut) { item in
                                    .li(.span(.class("matched"), .userText("“\(item.sentence)”")), .userText(" — \(label(item.kind))"))
                                })
                            ))
                        )
                    },
                    .if(!review.flags.isEmpty, .group(
                        .h3(.text("Or start from a calm outline")),
                        .div(.id("coach-skeleton"), .class("note-body"), .userText(review.skeleton))
                    ))
                )
            }
        ))
    }

    static func label(_ kind: MessageCoach.FlagKind) -> String {
        switch kind {
        case .threat: "A threat"
        case .insult: "An insult"
        case .hostileCommand: "An order in anger"
        case .childrenLeverage: "The children in the middle"
        case .pleading: "Reaching out to them"
        case .sarcasm: "Sarcasm"
        case .tooLong: "Long for a business-only message"
        case .emotional: "Feelings"
        case .overExplaining: "Explaining or defending"
        case .apologising: "Apologising"
        case .openQuestion: "Open question"
        case .blame: "Blame or always/never"
        case .shouting: "Capitals or !!"
        case .offTopic: "Off the topic"
        case .noClose: "No firm ending"
        }
    }
}
