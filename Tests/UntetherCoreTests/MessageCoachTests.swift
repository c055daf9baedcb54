import Foundation
import Testing
@testable import UntetherCore

/// Drafts written by the team, with the kinds each should be flagged with (JSON Lines in
/// CoachCorpus/). `seed` and the nine `development` sets (each by a different writer) are what
/// the rules were written against and the model was trained on; the five `heldout` sets were
/// written separately, by five more writers, and nothing was tuned on them: they were only ever
/// scored, in aggregate (the first two also chose the model's threshold). `heldout5` was scored
/// twice, in totals only: after the rules and the model changed, and after a review narrowed
/// the rules.
enum CoachCorpus {
    struct Draft: Decodable, Sendable, CustomTestStringConvertible {
        let id: String
        let text: String
        let kinds: [String]

        var testDescription: String { id }
        var expected: Set<MessageCoach.FlagKind> { Set(kinds.compactMap(MessageCoach.FlagKind.init(rawValue:))) }
        var isCalm: Bool { kinds.isEmpty }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CoachCorpus")

    static func load(_ name: String) -> [Draft] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("\(name).jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Draft.self, from: Data($0.utf8)) }
    }

    static let development = load("seed") + load("development") + load("development2") + load("development3") + load("development4")
        + load("development5") + load("development6") + load("development7") + load("development8") + load("development9")
    static let heldOut = load("heldout") + load("heldout2") + load("heldout3") + load("heldout4") + load("heldout5")
    static let developmentSets = [
        "seed", "development", "development2", "development3", "development4", "development5", "development6", "development7", "development8", "development9",
    ]
    static let all = development + heldOut

    /// Share of problem drafts flagged with at least one expected kind, and of calm drafts flagged at all.
    static func rates(_ drafts: [Draft]) -> (caught: Double, falseAlarms: Double) {
        let problems = drafts.filter { !$0.isCalm }
        let calm = drafts.filter(\.isCalm)
        let caught = problems.filter { !MessageCoach.review($0.text).kinds.isDisjoint(with: $0.expected) }.count
        let alarms = calm.filter { !MessageCoach.review($0.text).flags.isEmpty }.count
        return (Double(caught) / Double(max(problems.count, 1)), Double(alarms) / Double(max(calm.count, 1)))
    }
}

@Suite("Message coach")
struct MessageCoachTests {
    @Test("every label in the corpus is a kind the coach knows")
    func labels() {
        #expect(CoachCorpus.development.count >= 200)
        #expect(CoachCorpus.heldOut.count >= 100)
        #expect(CoachCorpus.all.count >= 300)
        for draft in CoachCorpus.all {
            #expect(draft.expected.count == draft.kinds.count, "\(draft.id): \(draft.kinds)")
        }
    }

    @Test("every draft: the verdict is calm exactly when nothing is flagged, quotes are the draft's own words, and the scores agree", arguments: CoachCorpus.all)
    func consistency(draft: CoachCorpus.Draft) {
        let review = MessageCoach.review(draft.text)
        #expect((review.verdict == .calm) == review.flags.isEmpty)
        #expect((review.rewrite == nil) == review.flags.isEmpty)
        if review.kinds.contains(where: \.isRisky) {
            #expect(review.verdict == .risky)
            #expect(review.scores.friendly <= 30)
        }
        for flag in review.flags where flag.kind != .tooLong {
            #expect(draft.text.contains(flag.matched.trimmingCharacters(in: CharacterSet(charactersIn: "…"))), "\(flag.kind): \(flag.matched)")
            #expect(!flag.suggestion.isEmpty)
        }
    }

    @Test("on the drafts the rules were written against: nearly every problem caught, almost no calm draft flagged")
    func development() {
        let rates = CoachCorpus.rates(CoachCorpus.development)
        #expect(rates.caught >= 0.95, "caught \(rates.caught)")
        #expect(rates.falseAlarms <= 0.03, "false alarms \(rates.falseAlarms)")
    }

    /// The targets are 90% caught and at most 5% of calm drafts flagged. Rules and model together
    /// reach 90.2% caught (524 of 581) with 3.7% of calm drafts flagged (14 of 379) on five
    /// writers' drafts they were never trained on; on the newest set alone (heldout5) 90.0%
    /// and 3.8%. A change that loses ground below the targets fails.
    static let heldOutCaughtTarget = 0.90
    static let heldOutFalseAlarmsTarget = 0.05

    @Test("on the held-out drafts, never tuned on: at least 90% of problems caught and at most 5% of calm drafts flagged")
    func heldOut() {
        let rates = CoachCorpus.rates(CoachCorpus.heldOut)
        #expect(rates.caught >= Self.heldOutCaughtTarget, "caught \(rates.caught)")
        #expect(rates.falseAlarms <= Self.heldOutFalseAlarmsTarget, "false alarms \(rates.falseAlarms)")
    }

    @Test("the model that ships is what training on the development drafts gives, with nothing from the held-out sets")
    func shippedModel() throws {
        let shipped = try #require(CoachModel.shipped)
        #expect(shipped.threshold == 0.6)
        let examples = CoachCorpus.developmentSets.flatMap(CoachCorpus.load).map { CoachModel.Example(text: $0.text, kinds: $0.expected) }
        let trained = CoachModel.train(examples, threshold: shipped.threshold)
        #expect(Set(trained.kinds.keys) == Set(shipped.kinds.keys))
        for (kind, model) in trained.kinds {
            let stored = try #require(shipped.kinds[kind])
            #expect(abs(model.bias - stored.bias) < 1e-6, "\(kind)")
            #expect(Set(model.weights.keys) == Set(stored.weights.keys), "\(kind)")
            for (name, weight) in model.weights { #expect(abs(weight - (stored.weights[name] ?? .nan)) < 1e-3, "\(kind) \(name)") }
        }
        // Training twice gives the same weights; the stored form reads back as it was.
        #expect(CoachModel.train(Array(examples.prefix(200)), threshold: 0.6).serialized() == CoachModel.train(Array(examples.prefix(200)), threshold: 0.6).serialized())
        let small = CoachModel.train(Array(examples.prefix(200)), threshold: 0.6)
        #expect(CoachModel.parse(small.serialized())?.serialized() == small.serialized())
        #expect(CoachModel.parse("nonsense") == nil)
    }

    @Test("the model is a second opinion: it adds kinds the rules missed, quoting the draft's own words, and never takes a rule's flag away")
    func secondOpinion() throws {
        var added = 0
        for draft in CoachCorpus.development {
            let rules = MessageCoach.review(draft.text, model: nil)
            let both = MessageCoach.review(draft.text)
            #expect(Set(rules.flags.map(\.kind)).isSubset(of: Set(both.flags.map(\.kind))), "\(draft.id)")
            for flag in both.flags where !rules.kinds.contains(flag.kind) {
                added += 1
                #expect(CoachModel.kinds.contains(flag.kind))
                #expect(!flag.matched.isEmpty && MessageCoach.fold(draft.text).contains(MessageCoach.fold(flag.matched)), "\(draft.id): \(flag.matched)")
            }
        }
        #expect(added > 0)
    }

    @Test("texting shorthand is read as written out, and quoted as the person typed it", arguments: [
        ("keep it up and ill report u to social services", MessageCoach.FlagKind.threat, "keep it up and"),
        ("u up? just wanna hear ur voice", .pleading, "u up?"),
        ("its 2am and im awake bc of u", .blame, "bc of u"),
        ("she's ill so ill keep her home, ill drop the form in tmrw", nil, ""),
    ])
    func shorthand(draft: String, kind: MessageCoach.FlagKind?, quote: String) {
        let review = MessageCoach.review(draft)
        if let kind {
            #expect(review.flags.first { $0.kind == kind }?.matched == quote, "\(review.flags)")
        } else {
            #expect(review.verdict == .calm, "\(review.flags)")
        }
    }

    @Test("the draft that once passed as calm is now a threat and an insult, and not calm in any score")
    func theExample() {
        let review = MessageCoach.review("Your pathetic. I'll see you in court and you will never see them again.")
        #expect(review.kinds.isSuperset(of: [.threat, .insult]))
        #expect(review.verdict == .risky)
        #expect(review.scores.friendly <= 30)
        #expect(review.flags.first { $0.kind == .insult }?.matched == "Your pathetic")
        let plea = MessageCoach.review("Please don't be angry… Can we talk tonight? I miss how things were")
        #expect(plea.kinds.contains(.pleading))
    }

    /// Calm logistics that share words with a rule, found by a reviewer reading the rules: no rule
    /// may flag them for what they say (a style note such as an open question may still show).
    /// The model is judged on the held-out sets instead; it still flags a few of these on a
    /// common word ("new", "we"), which the note on issue 15 names.
    static let calmLookalikes = [
        "I'll send the receipts on Friday.", "Can you send the photos to your mum?", "I have to go to the court office on Monday to file the forms.",
        "The kids found it really interesting at the museum.", "Cafcass will want to see the children at both houses.",
        "Can you check what your mum will say about having them on Boxing Day?", "I'd hate for you to miss her assembly, it's at 9:15 Thursday.",
        "We'll see what the court decides on the 12th and plan from there.", "Her new swimming coach is a woman who used to swim for Wales.",
        "What kind of parent meeting is it, in person or video?", "Mia wants to quit acting club after half term.",
        "Can you get there by 3:30? If not, they stay in after-school club till 5:45.", "I think your car is better for the long drive.",
        "Sam says he hates going to swimming on Saturdays, can we move it?", "There's a letter for you in Sam's book bag about the trip.",
        "I've put the school letter in his book bag so you can sign it.", "The teacher gave Mia a letter for you about the trip.",
        "The school wants you to know they've moved sports day.", "I waited at the door at 6 as agreed but nobody answered.",
        "Haven't told Sam about the trip yet, best not to get his hopes up until it's booked.", "Could you ask your mum if she can have them Thursday?",
        "School nurse rang about Mia's temperature, can you call me back?", "The SENCO was super helpful about the IEP.",
        "I'll have them back by 6 like we agreed to.", "Thanks sooo much for having them Saturday.", "It was lovely that you found the time to come to her recital.",
        "I can't do Tuesday, but Thursday at 3 is fine as usual.", "Since you can't do Friday, I'll take them to the dentist.",
        "As usual, the bus drops them at your end at 4.", "Sam was physically sick twice at school so I've collected him.",
        "The kids haven't eaten since lunch, they'll need tea.", "If she wakes in the night she tends to sit up and cry.",
        "I'm afraid tomorrow doesn't work. Thursday instead?", "I saw you at the gate but didn't get to hand over the bag.",
        "Wasn't that the weekend we swapped for the wedding?", "Sam loved telling me what you did at the zoo.",
        "Sam got told off for cheating in a spelling test.", "Her sleepover ended badly so she may be tired.", "The handover time you proposed works for me.",
        "Sorry for being late at pickup, traffic was awful.", "Really sorry, stuck in traffic, there by 4.",
        "Don't worry, no apologies needed. Sorry I missed your call, Friday is fine.", "Sorry, I forgot to pack his retainer. I'll drop it round before 8.",
        "I'm sorry for your loss. The children would like to come to the funeral.", "Have you rung SENDIASS about the EHCP?", "Her SEND review is Tuesday.",
        "The CAMHS appointment is Tuesday at 3pm. I'll bring the SDQ form.", "Passports are in the bag. Enjoy!", "k",
        "Can we talk on Sunday evening about which schools to visit?", "Please do not come into the house. I'll bring them out to the car.",
        "Please let us know if it would help for the children to visit her in hospital.",
    ]

    @Test("calm logistics that share words with a rule are not flagged by the rules", arguments: calmLookalikes)
    func calmLookalike(draft: String) {
        let content = MessageCoach.review(draft, model: nil).kinds.subtracting([.openQuestion, .noClose, .tooLong])
        #expect(content.isEmpty, "\(content)")
    }

    @Test("wordings the rules are meant for are still caught", arguments: [
        ("I'll deal with you.", MessageCoach.FlagKind.threat), ("If you'd only told me, we wouldn't be in this mess.", .blame),
        ("Once again you have forgotten her reading book.", .blame), ("My lawyer will be in touch.", .threat),
        ("what kind of mother sends a 6 year old to school with no coat", .insult), ("You forgot her coat again. Useless.", .insult),
        ("thanks for the one day's notice", .sarcasm), ("sorry sorry sorry ill stop texting", .apologising), ("i said FIVE not six", .shouting),
        ("DON’T call me again", .shouting), ("hey u up", .pleading), ("I wonder how your boss would feel knowing where you were.", .threat),
    ])
    func stillCaught(draft: String, kind: MessageCoach.FlagKind) {
        #expect(MessageCoach.review(draft).kinds.contains(kind), "\(MessageCoach.review(draft).kinds)")
    }

    @Test("protecting yourself is not a threat: naming a solicitor, the police or the court plainly is calm", arguments: [
        "Please contact my solicitor.", "I've called the police about the break-in. The reference is 4471.", "My solicitor will apply to court for a date.",
        "Handover will be supervised at the contact centre, as the order says.",
    ])
    func protectiveStepsAreCalm(draft: String) {
        #expect(!MessageCoach.review(draft).kinds.contains(.threat))
    }

    @Test("the calmer version keeps the business, drops what was flagged, and says what it left out")
    func rewrite() throws {
        let review = MessageCoach.review("You're a terrible father. I'll drop Mia at 5pm on Friday at the library!!! If you're late again, you'll regret it.")
        let rewrite = try #require(review.rewrite)
        #expect(rewrite.text == "Hi,\nI'll drop Mia at 5pm on Friday at the library.\nThanks.")
        #expect(rewrite.leftOut.map(\.kind) == [.insult, .threat])
        // Nothing left to keep: the outline is offered in its place.
        let empty = try #require(MessageCoach.review("I miss you so much. Please come home.").rewrite)
        #expect(empty.text.contains("[One sentence"))
        #expect(MessageCoach.review("Hi, pick-up is at 5pm on Friday. Thanks.").rewrite == nil)
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
