import Foundation
import Plot
import UntetherCore

/// The guided tools for a craving or a hard moment. Our own words and timings.
enum GuidedTool: String, CaseIterable {
    case boxBreathing = "box-breathing"
    case longerOutBreath = "longer-out-breath"
    case fiveSenses = "five-senses"
    case tenseAndRelax = "tense-and-relax"
    case watchTheThought = "watch-the-thought"
    case move

    /// The action this tool is logged as in the urge log.
    var action: CopingAction {
        switch self {
        case .boxBreathing: .boxBreathing
        case .longerOutBreath: .longExhale
        case .fiveSenses: .grounding
        case .tenseAndRelax: .muscleRelaxation
        case .watchTheThought: .watchThought
        case .move: .movement
        }
    }

    var title: String { action.label }

    var minutes: String {
        switch self {
        case .boxBreathing, .longerOutBreath: "2 to 5 minutes"
        case .fiveSenses: "about 3 minutes"
        case .tenseAndRelax: "about 8 minutes"
        case .watchTheThought: "about 5 minutes"
        case .move: "5 to 10 minutes"
        }
    }

    var summary: String {
        switch self {
        case .boxBreathing: "Breathe in, hold, out and hold, four counts each."
        case .longerOutBreath: "Breathe out for longer than you breathe in."
        case .fiveSenses: "Bring yourself back to the room through your senses."
        case .tenseAndRelax: "Tense one part of the body, then let it go."
        case .watchTheThought: "Notice the urge without doing what it says."
        case .move: "Use the restless energy instead of fighting it."
        }
    }

    /// Seconds for each phase of a breathing pattern, and the words for each phase.
    var breathing: (seconds: [Int], words: [String])? {
        switch self {
        case .boxBreathing: ([4, 4, 4, 4], ["Breathe in", "Hold", "Breathe out", "Hold"])
        case .longerOutBreath: ([4, 6], ["Breathe in", "Breathe out slowly"])
        default: nil
        }
    }

    var intro: String {
        switch self {
        case .boxBreathing:
            "Slow, even breathing tells your body that it can settle. Picture a square, and move along one side for each part of the breath."
        case .longerOutBreath:
            "When the out-breath is longer than the in-breath, the heart slows a little. It's a quiet way to take the edge off panic."
        case .fiveSenses:
            "A strong urge pulls you into your head. Naming what is around you brings you back to where you are, right now."
        case .tenseAndRelax:
            "Stress sits in the muscles. Tensing on purpose and then letting go helps the body feel the difference, and rest."
        case .watchTheThought:
            "An urge is a wave of thoughts and feelings. You can watch it rise and fall, the way you'd watch weather, without doing what it asks."
        case .move:
            "Cravings often come with restless energy. Moving for a few minutes burns some of it off and changes how you feel."
        }
    }

    var steps: [String] {
        switch self {
        case .boxBreathing: [
            "Sit or stand so your back is straight but not stiff.",
            "Breathe in through your nose for a count of 4.",
            "Hold gently for 4.",
            "Breathe out through your mouth for 4.",
            "Hold for 4, then start again. Four or five rounds is plenty.",
        ]
        case .longerOutBreath: [
            "Rest a hand on your stomach if that feels comfortable.",
            "Breathe in through your nose for a count of 4.",
            "Breathe out slowly for a count of 6, as if through a straw.",
            "Keep going for a few minutes. If 6 is too long, try 5.",
        ]
        case .fiveSenses: [
            "Name 5 things you can see. Say them out loud if you can.",
            "Name 4 things you can touch. Notice how each one feels.",
            "Name 3 things you can hear, near or far.",
            "Name 2 things you can smell, or two smells you like.",
            "Name 1 thing you can taste, or take a sip of water.",
        ]
        case .tenseAndRelax: [
            "Make fists with both hands. Squeeze for 5 seconds, then let go and notice the change for 10.",
            "Bend your arms and tighten them. Hold for 5, then let them drop.",
            "Lift your shoulders up to your ears. Hold, then let them fall.",
            "Scrunch up your face. Hold, then let it go soft.",
            "Tighten your stomach. Hold, then breathe out and let it go.",
            "Press your feet into the floor and tighten your legs. Hold, then relax.",
            "Sit for a moment and notice how your body feels now.",
        ]
        case .watchTheThought: [
            "Sit comfortably and notice your breath for a few rounds.",
            "Notice the urge. Where do you feel it in your body?",
            "Give it a name: \"There's the wanting.\" Naming it puts a little space between you and it.",
            "Picture the thought as a leaf on a stream, or a car going past. Let it come, and let it go by.",
            "If it comes back, that's fine. Name it again and watch it pass again.",
            "Notice that you can feel it strongly and still choose what you do.",
        ]
        case .move: [
            "Walk fast, outside or around your home, for 5 minutes.",
            "Or walk up and down the stairs a few times.",
            "Or put on one song you like and move to it.",
            "Or do 10 push-ups against a wall, then shake out your arms and legs.",
            "Afterwards, notice your breath and how strong the urge is now.",
        ]
        }
    }
}

/// The tools index and one page per tool.
enum ToolPages {
    static func index(chrome: PageChrome) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("Tools for a hard moment")),
            .p(.class("lead"), .text("Each one takes a few minutes. Try different ones and notice which help you.")),
            toolList(),
            .p(.a(.href(SiteRoute.pause), .text("Back to Pause")))
        ))
    }

    static func toolList() -> Node<HTML.BodyContext> {
        .ul(.id("tool-list"), .class("list"), .forEach(GuidedTool.allCases) { tool in
            .li(.a(
                .href(SiteRoute.tool(.named(tool.rawValue))),
                .span(.class("title"), .userText(tool.title)),
                .span(.class("meta"), .userText("\(tool.summary) \(tool.minutes.prefix(1).uppercased() + tool.minutes.dropFirst()).")),
            ))
        })
    }

    static func page(chrome: PageChrome, tool: GuidedTool) -> String {
        Layout.render(chrome: chrome, content: .group(
            .p(.a(.href(SiteRoute.tools), .text("← All tools"))),
            .h1(.userText(tool.title)),
            .p(.class("lead"), .userText(tool.intro)),
            .unwrap(tool.breathing) { pattern in
                .div(
                    .id("breather"), .class("breather"),
                    .data(named: "seconds", value: pattern.seconds.map(String.init).joined(separator: ",")),
                    .data(named: "words", value: pattern.words.joined(separator: "|")),
                    .div(.id("breath-circle"), .class("breath-circle \(tool.rawValue)"), .attribute(named: "aria-hidden", value: "true")),
                    .p(.id("breath-phase"), .class("breath-phase"), .attribute(named: "aria-live", value: "polite"),
                       .text("Follow the circle: it grows as you breathe in and shrinks as you breathe out.")),
                    .div(.class("actions"),
                         .button(.id("breath-start"), .class("button"), .type(.button), .attribute(named: "hidden"), .text("Start with words")))
                )
            },
            .h2(.text("How")),
            .ol(.class("steps"), .forEach(tool.steps) { .li(.userText($0)) }),
            .p(.class("muted"), .userText("Takes \(tool.minutes).")),
            .div(
                .class("actions"),
                .a(.class("button secondary"), .href(SiteRoute.pause.at("after")), .text("Done: back to Pause")),
                .a(.href(SiteRoute.tools), .text("Another tool"))
            )
        ))
    }
}
