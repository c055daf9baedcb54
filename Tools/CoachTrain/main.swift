import Foundation
import UntetherCore

// Trains the second opinion of "Check a reply" (`CoachModel`) on the development drafts only,
// never on the held-out sets, and writes its weights into the program:
//
//   swift run -c release coach-train --evaluate   each writer's set scored by a model trained
//                                                 on the others, rules included, per threshold
//   swift run -c release coach-train --score SET... [--kinds] [--show]
//                                                 the checker as it ships on named sets: totals
//                                                 (and per kind); --show lists a development set's
//                                                 misses and false alarms, never a held-out draft
//   swift run -c release coach-train --threshold T
//                                                 trains on every development set and writes
//                                                 Sources/UntetherCore/CoachModelWeights+Generated.swift

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let corpus = root.appendingPathComponent("Tests/UntetherCoreTests/CoachCorpus")
let writers = ["seed", "development", "development2", "development3", "development4", "development5", "development6", "development7", "development8", "development9"]

struct Draft: Decodable {
    let id: String
    let text: String
    let kinds: [String]
    var expected: Set<MessageCoach.FlagKind> { Set(kinds.compactMap(MessageCoach.FlagKind.init(rawValue:))) }
}

func load(_ name: String) throws -> [Draft] {
    let text = try String(contentsOf: corpus.appendingPathComponent(name + ".jsonl"), encoding: .utf8)
    return try text.split(separator: "\n").map { try JSONDecoder().decode(Draft.self, from: Data($0.utf8)) }
}

func examples(_ drafts: [Draft]) -> [CoachModel.Example] {
    drafts.map { CoachModel.Example(text: $0.text, kinds: $0.expected) }
}

/// The settings chosen by `--evaluate` (each can be tried another way through the environment:
/// COACH_EPOCHS, COACH_RATE, COACH_L2, COACH_MIN, COACH_KEEP).
func train(_ drafts: [Draft], threshold: Double) -> CoachModel {
    let environment = ProcessInfo.processInfo.environment
    return CoachModel.train(
        examples(drafts), epochs: Int(environment["COACH_EPOCHS"] ?? "") ?? 40, rate: Double(environment["COACH_RATE"] ?? "") ?? 0.3,
        l2: Double(environment["COACH_L2"] ?? "") ?? 0.002, minimumCount: Int(environment["COACH_MIN"] ?? "") ?? 1,
        keep: Double(environment["COACH_KEEP"] ?? "") ?? 0.2, threshold: threshold
    )
}

let arguments = CommandLine.arguments.dropFirst()
let sets = try writers.map { ($0, try load($0)) }

if arguments.first == "--score" {
    // The checker as it ships (rules and built-in model) on named sets: totals only, never a
    // draft, so a held-out set can be scored without being read.
    for name in arguments.dropFirst() where !name.hasPrefix("--") {
        let drafts = try load(name)
        var (problems, caught, calm, alarms) = (0, 0, 0, 0)
        var expectedCount: [MessageCoach.FlagKind: Int] = [:], flaggedCount: [MessageCoach.FlagKind: Int] = [:], hits: [MessageCoach.FlagKind: Int] = [:]
        for draft in drafts {
            let review = MessageCoach.review(draft.text)
            let got = review.kinds
            // Development sets only: the drafts behind a miss or a false alarm.
            if arguments.contains("--show"), writers.contains(name),
               (draft.expected.isEmpty && !got.isEmpty) || (!draft.expected.isEmpty && got.isDisjoint(with: draft.expected)) {
                print(draft.id, draft.kinds, review.flags.map { "\($0.kind.rawValue): \($0.matched)" }, "|", draft.text)
            }
            if draft.expected.isEmpty {
                calm += 1
                if !got.isEmpty { alarms += 1 }
            } else {
                problems += 1
                if !got.isDisjoint(with: draft.expected) { caught += 1 }
            }
            for kind in draft.expected { expectedCount[kind, default: 0] += 1 }
            for kind in got { flaggedCount[kind, default: 0] += 1 }
            for kind in got.intersection(draft.expected) { hits[kind, default: 0] += 1 }
        }
        print(String(format: "%@: caught %d/%d %.1f%%, calm flagged %d/%d %.1f%%", name, caught, problems, 100 * Double(caught) / Double(max(1, problems)), alarms, calm, 100 * Double(alarms) / Double(max(1, calm))))
        if arguments.contains("--kinds") || ProcessInfo.processInfo.environment["COACH_KINDS"] != nil {
            for kind in CoachModel.kinds + [.shouting] {
                let expected = expectedCount[kind] ?? 0, flagged = flaggedCount[kind] ?? 0, hit = hits[kind] ?? 0
                print(String(format: "  %@ %3d drafts  recall %5.1f%%  precision %5.1f%% (%d flagged)", kind.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0), expected, 100 * Double(hit) / Double(max(1, expected)), 100 * Double(hit) / Double(max(1, flagged)), flagged))
            }
        }
    }
} else if arguments.contains("--evaluate") {
    // For each draft of a writer left out: the kinds the rules flag, and the model's probability per kind.
    var scored: [(draft: Draft, rules: Set<MessageCoach.FlagKind>, probabilities: [MessageCoach.FlagKind: Double])] = []
    for (name, drafts) in sets {
        let training = sets.filter { $0.0 != name }.flatMap(\.1)
        let model = train(training, threshold: 1)
        for draft in drafts {
            let rules = Set(MessageCoach.review(draft.text, model: nil).flags.map(\.kind))
            let features = CoachModel.features(MessageCoach.prepared(draft.text))
            var probabilities: [MessageCoach.FlagKind: Double] = [:]
            for kind in CoachModel.kinds { probabilities[kind] = model.judge(kind, features).probability }
            scored.append((draft, rules, probabilities))
        }
        FileHandle.standardError.write(Data("scored \(name)\n".utf8))
    }
    // The rules were written against these same drafts, so "with rules" flatters them; "model
    // alone" is the fair measure of what the model adds on drafts by a writer it has not seen.
    for withRules in [false, true] {
    print(withRules ? "\nwith the rules:" : "model alone:")
    print("threshold  caught      calm flagged   (each writer scored by a model trained on the others)")
    for threshold in stride(from: 0.4, through: 0.96, by: 0.05) + (withRules ? [1.01] : []) {
        var (problems, caught, calm, alarms) = (0, 0, 0, 0)
        for item in scored {
            var flagged = withRules ? item.rules : []
            for (kind, probability) in item.probabilities where probability >= threshold { flagged.insert(kind) }
            if item.draft.expected.isEmpty {
                calm += 1
                if !flagged.isEmpty { alarms += 1 }
            } else {
                problems += 1
                if !flagged.isDisjoint(with: item.draft.expected) { caught += 1 }
            }
        }
        let label = threshold > 1 ? "rules only" : String(format: "%.2f", threshold)
        print(label.padding(toLength: 11, withPad: " ", startingAt: 0)
            + String(format: "%4d/%4d %5.1f%%  %3d/%3d %4.1f%%", caught, problems, 100 * Double(caught) / Double(problems), alarms, calm, 100 * Double(alarms) / Double(calm)))
    }
    }
    // Per kind, at the threshold chosen for shipping (COACH_AT, default 0.6): how many drafts
    // with the kind got that kind (recall), and how many flags of the kind were expected (precision).
    let at = Double(ProcessInfo.processInfo.environment["COACH_AT"] ?? "") ?? 0.6
    print("\nper kind at \(at), model alone | with the rules: recall, precision")
    for kind in CoachModel.kinds {
        var line = kind.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
        for withRules in [false, true] {
            var (expected, hits, flagged) = (0, 0, 0)
            for item in scored {
                let on = (withRules && item.rules.contains(kind)) || (item.probabilities[kind] ?? 0) >= at
                let wanted = item.draft.expected.contains(kind)
                if wanted { expected += 1 }
                if on { flagged += 1 }
                if on && wanted { hits += 1 }
            }
            line += String(format: "  %3d/%3d %5.1f%%  %5.1f%%", hits, expected, 100 * Double(hits) / Double(max(1, expected)), 100 * Double(hits) / Double(max(1, flagged)))
        }
        print(line)
    }
} else {
    guard let index = arguments.firstIndex(of: "--threshold"), let value = arguments.dropFirst(arguments.distance(from: arguments.startIndex, to: index) + 1).first,
          let threshold = Double(value), (0.5...0.99).contains(threshold) else {
        print("usage: coach-train --evaluate | --threshold T (0.5 to 0.99)")
        exit(2)
    }
    let model = train(sets.flatMap(\.1), threshold: threshold)
    let out = root.appendingPathComponent("Sources/UntetherCore/CoachModelWeights+Generated.swift")
    let source = """
    // Made by `swift run -c release coach-train --threshold \(value)` from the development drafts \
    (\(writers.joined(separator: ", "))); do not edit by hand.
    enum CoachModelWeights {
        static let text = #\"\"\"
    \(model.serialized())\"\"\"#
    }

    """
    try source.write(to: out, atomically: true, encoding: .utf8)
    let features = model.kinds.values.reduce(0) { $0 + $1.weights.count }
    print("Wrote \(out.path): \(features) weights over \(model.kinds.count) kinds, threshold \(threshold)")
}
