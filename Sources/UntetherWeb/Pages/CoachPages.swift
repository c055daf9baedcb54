import Foundation
import Plot
import UntetherCore

/// The reply checker: paste a draft, see what might start an argument, and a calm outline.
/// Nothing is saved and nothing is sent.
enum CoachPages {
    static func render(chrome: PageChrome, draft: String = "", review: MessageCoach.Review? = nil) -> String {
        Layout.render(title: "Check a reply", chrome: chrome, content: .group(
            .h1(.text("Check a reply before you send it")),
            .p(.text("If you have to stay in touch about children, work or money, short and plain replies keep you safer. Paste your draft here. It is checked on this computer only, and it is not saved.")),
            .form(
                .id("coach-form"), .class("stack"), .action(SiteRoute.coach), .method(.post),
                Layout.csrfField(chrome.csrf),
                .div(
                    .label(.for("draft"), .text("Your draft")),
                    .textarea(.id("draft"), .name("draft"), .rows(8), .required(true),
                              .attribute(named: "maxlength", value: "20000"), .userText(draft))
                ),
                .div(.button(.id("check-draft"), .class("button"), .type(.submit), .text("Check it")))
            ),
            .unwrap(review) { review in
                .div(
                    .id("coach-result"), .class("card"), .attribute(named: "aria-live", value: "polite"),
                    .h2(.text(review.flags.isEmpty ? "Nothing to flag" : "Things to look at")),
                    .if(review.flags.isEmpty,
                        .p(.text("This reads as brief and calm. It's your choice whether and when to send it.")),
                        else: .ul(.id("coach-flags"), .class("list"), .forEach(review.flags) { flag in
                            .li(
                                .class("card"), .data(named: "kind", value: flag.kind.rawValue),
                                .p(.strong(.text(label(flag.kind))), .text(": "), .span(.class("matched"), .userText("“\(flag.matched)”"))),
                                .p(.text(flag.suggestion))
                            )
                        })),
                    .p(.id("coach-scores"), .class("muted"), .text(
                        "Brief \(review.scores.brief), informative \(review.scores.informative), friendly \(review.scores.friendly), firm \(review.scores.firm), out of 100."
                    )),
                    .if(!review.flags.isEmpty, .group(
                        .h3(.text("A calm outline to fill in")),
                        .div(.id("coach-skeleton"), .class("note-body"), .text(review.skeleton))
                    ))
                )
            }
        ))
    }

    static func label(_ kind: MessageCoach.FlagKind) -> String {
        switch kind {
        case .tooLong: "Long for a business-only message"
        case .emotional: "Feelings"
        case .justifying: "Explaining or defending"
        case .apologising: "Apologising"
        case .openQuestion: "Open question"
        case .blame: "Blame or always/never"
        case .shouting: "Capitals, sarcasm or !!"
        case .offTopic: "Off the topic"
        case .noClose: "No firm ending"
        }
    }
}
