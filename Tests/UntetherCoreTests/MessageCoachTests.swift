import Foundation
import Testing
@testable import UntetherCore

/// Drafts written by the team, with the kinds each should be flagged with (JSON Lines in
/// CoachCorpus/). `seed` and the nine `development` sets (each by a different writer) are what
/// the rules were written against and the model was trained on; the five `heldout` sets were
/// written separately, by five more writers, and nothing was tuned on them: they were only ever
/// scored, in aggregate (the first two also chose the model's threshold). `heldout5` was scored
/// once, after the last change to the rules and the model.
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
    /// reach 90.4% caught (525 of 581) with 3.7% of calm drafts flagged (14 of 379) on five
    /// writers' drafts they were never trained on; on the newest set alone (heldout5, scored
    /// once) 90.0% and 3.8%. A change that loses ground below the targets fails.
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
