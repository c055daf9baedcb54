import Foundation
import Plot
import UntetherCore
import UntetherStore

extension WithdrawalPages {
    static func urges(chrome: PageChrome, urges: Pager<Urge>) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Your urge log")),
            .p(.class("lead"), .text("Each time you paused instead of reaching out, or did reach out, and what it was like.")),
            .p(.a(.class("button"), .href(SiteRoute.pause), .text("Log an urge"))),
            .if(urges.total == 0,
                .p(.id("no-urges"), .class("muted"), .text("Nothing logged yet.")),
                else: .ul(.id("urge-list"), .class("timeline"), .forEach(urges.items) { urge in
                    .li(.div(
                        .class("contact-item"),
                        .span(.class("when"), .userText(DisplayDate.string(urge.at))),
                        .span(.class("summary"), .userText(strength(urge))),
                        .if(!urge.triggers.isEmpty || !urge.triggerNote.isEmpty, .span(.userText(
                            "Set off by: " + (urge.triggers.map { $0.label.lowercased() } + (urge.triggerNote.isEmpty ? [] : [urge.triggerNote])).joined(separator: ", ")
                        ))),
                        .if(!urge.helped.isEmpty, .span(.userText("Helped: " + urge.helped.map { $0.label.lowercased() }.joined(separator: ", ")))),
                        .if(!urge.note.isEmpty, .span(.class("about"), .userText(urge.note))),
                        .unwrap(urge.contacted) { .span(.class("meta"), .userText($0 ? "Made contact" : "No contact")) }
                    ))
                })),
            PagerLinks.render(urges, route: .urges, noun: "urges"),
            .p(.a(.href(SiteRoute.trends), .text("What helps you")))
        ))
    }

    static func strength(_ urge: Urge) -> String {
        switch (urge.before, urge.after) {
        case let (before?, after?): "Strength \(before) at the start, \(after) after (out of 10)"
        case let (before?, nil): "Strength \(before) at the start (out of 10)"
        case let (nil, after?): "Strength \(after) after (out of 10)"
        case (nil, nil): "Strength not noted"
        }
    }
}
