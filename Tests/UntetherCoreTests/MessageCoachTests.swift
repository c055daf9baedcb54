import Foundation
import Testing
import UntetherCore

/// Drafts we wrote ourselves: calm business replies that must pass clean, and drafts that
/// must be flagged with the right kinds.
enum CoachCorpus {
    static let calm: [String] = [
        "Hi Sam, I'll drop the kids at school on Monday at 8:30. Thanks.",
        "Pick-up is at 5pm on Friday outside the library. Thanks.",
        "Mia has a dentist appointment on Tuesday at 3pm. I'll take her.",
        "The school trip form is due Thursday. I've signed my part. Please sign yours by Wednesday.",
        "Received, thanks.",
        "Confirmed: Saturday 10am at the usual place.",
        "I've paid my half of the nursery fees. Receipt attached. Thanks.",
        "Jake left his coat at my house. It will be in his bag on Monday.",
        "The rent transfer for March went out today.",
        "Can you confirm the 4pm handover on Sunday?",
        "Noted.",
        "Hi, the parents' evening is on 12 March at 6pm. I'll attend.",
        "Ella's swimming lesson moved to Wednesday at 5:30pm.",
        "I can't swap weekends this month. The schedule stays as agreed.",
        "Please send the signed form to the school office by Friday.",
        "The car insurance renewal is due on the 3rd. I'll cover it this year.",
        "Handover will be at the police station car park, as agreed in the order.",
        "I'll send the medical form to the GP tomorrow.",
        "Hi Chris, Leo needs new football boots, size 4. I'll buy them and send the receipt.",
        "The solicitor's letter arrived today. I'll reply through my solicitor.",
        "School closes early on Thursday at 1pm. I'll collect both children.",
        "OK, 9am works.",
        "Tom's inhaler is in the front pocket of his bag.",
        "Will you collect them at 6pm? Yes or no is fine.",
        "The holiday dates are 2 to 9 August. Thanks.",
        "Hi, the mortgage payment went through on the 1st.",
        "Please use email for anything about the house sale.",
        "I've booked the mediation session for 14 May at 10am.",
        "Thanks for letting me know. I'll tell the school.",
        "Zoe is staying with me tonight as planned. Regards.",
        "Her passport renewal needs both signatures. I've signed page 2.",
        "The boiler engineer comes on Tuesday between 8am and noon.",
    ]

    static let flagged: [(draft: String, kinds: Set<MessageCoach.FlagKind>)] = [
        ("Why do you always do this to me?", [.openQuestion, .blame, .noClose]),
        ("You never pick them up on time. Typical of you.", [.blame]),
        ("I'm sorry, I know it's my fault the kids were late. I'll try harder.", [.apologising]),
        ("I feel so hurt that you said that in front of the children.", [.emotional]),
        ("I miss you. Can we talk about us again?", [.emotional, .offTopic]),
        ("Remember when we used to take them to the beach? Those were good days.", [.offTopic]),
        ("WHERE WERE YOU. The kids waited an hour!!", [.shouting, .noClose]),
        ("Oh great, another cancelled weekend. Thanks a lot.", [.shouting]),
        ("I only said I couldn't come because I had to work, it's not like I wanted to miss it.", [.justifying]),
        ("Let me explain why I changed the plan. The reason is that my mum was ill, and I had to look after her, and you know I would never do it otherwise.", [.justifying]),
        ("What do you want from me?", [.openQuestion, .noClose]),
        ("How could you tell them that?", [.openQuestion, .noClose]),
        ("Because of you the kids are upset all the time.", [.blame, .emotional]),
        ("I'm so tired of this. I can't take it anymore...", [.emotional, .noClose]),
        ("Please understand, I need you to be there for Mia on Sunday.", [.emotional]),
        ("Sorry if this is annoying, but could you maybe collect them at 5?", [.apologising]),
        ("Is your new girlfriend going to be there at the handover?", [.offTopic]),
        ("Fine. Whatever.", [.shouting]),
        ("You made me late for work again. Your fault entirely.", [.blame]),
        ("I didn't mean to upset you, I was just trying to help", [.justifying, .emotional, .noClose]),
        ("Who are you seeing now? The kids said someone was at the house.", [.offTopic, .openQuestion]),
        ("Can we give us another chance? I think about what we had every day.", [.offTopic]),
        ("I apologise for being difficult. I'll do whatever you want.", [.apologising]),
        ("That's not what I said and you know it!!!", [.justifying, .shouting, .noClose]),
        ("Pick up is at 5. I hope you can manage that for once, as usual you will probably be late", [.blame, .noClose]),
        ("I hate you for what you did to this family.", [.emotional]),
        ("Good for you. Enjoy your holiday while I do everything.", [.shouting]),
        (String(repeating: "I wanted to go over the arrangements again so nothing is missed and everyone is clear about what happens. ", count: 6) + "Thanks.", [.tooLong]),
        ("When will you pay what you owe?", [.openQuestion, .noClose]),
        ("I was only five minutes late, in my defence the traffic was terrible.", [.justifying]),
    ]
}

@Suite("Message coach")
struct MessageCoachTests {
    @Test("calm business replies pass clean", arguments: CoachCorpus.calm)
    func calm(draft: String) {
        let review = MessageCoach.review(draft)
        #expect(review.flags.isEmpty, "\(review.flags.map { "\($0.kind.rawValue): \($0.matched)" })")
        #expect(review.scores.firm == 100)
    }

    @Test("hard drafts are flagged with the right kinds", arguments: CoachCorpus.flagged)
    func flagged(draft: String, kinds: Set<MessageCoach.FlagKind>) {
        let review = MessageCoach.review(draft)
        #expect(review.kinds == kinds, "got \(review.flags.map { "\($0.kind.rawValue): \($0.matched)" })")
        for flag in review.flags where flag.kind != .tooLong {
            #expect(draft.contains(flag.matched), "the matched words are quoted exactly from the draft")
        }
        #expect(review.flags.allSatisfy { !$0.suggestion.isEmpty })
    }

    @Test("the corpus is large enough and the false-positive rate on calm drafts is zero")
    func corpusSize() {
        #expect(CoachCorpus.calm.count + CoachCorpus.flagged.count >= 60)
        let falsePositives = CoachCorpus.calm.filter { !MessageCoach.review($0).flags.isEmpty }
        #expect(falsePositives.isEmpty)
    }

    @Test("scores: a short, specific, friendly, firm reply scores well; a long angry one does not")
    func scores() {
        let good = MessageCoach.review("Hi, pick-up is at 5pm on Friday. Thanks.").scores
        #expect(good.brief == 100 && good.firm == 100 && good.friendly == 100 && good.informative == 100)
        let bad = MessageCoach.review(String(repeating: "You never listen and I feel ignored!! ", count: 20)).scores
        #expect(bad.brief < 50 && bad.friendly < 50 && bad.firm < 100)
    }

    @Test("words inside other words are not matched", arguments: ["The upsetting scheduling clash is resolved.", "Whatsoever the timing, 5pm stands."])
    func wholeWords(draft: String) {
        #expect(!MessageCoach.review(draft).kinds.contains(.emotional))
    }

    @Test("the review offers a neutral skeleton, and an empty draft has no flags")
    func skeleton() {
        #expect(MessageCoach.review("").flags.isEmpty)
        #expect(MessageCoach.review("x").skeleton.contains("Thanks."))
    }
}

@Suite("Message coach with unusual text")
struct MessageCoachUnicodeTests {
    @Test("letters that change length when lower-cased do not upset the quotes", arguments: ["İSTANBUL trip: you never said İ would pay.", "ẞTRASSE İİİ you always ẞ"])
    func unicode(draft: String) {
        let review = MessageCoach.review(draft)
        #expect(review.kinds.contains(.blame))
        for flag in review.flags where flag.kind == .blame {
            #expect(draft.contains(flag.matched))
        }
    }
}
