import Foundation

/// The 90 days of the plan: for each, a short reading, one small action that opens the tool it
/// needs, and a question to reflect on, with variants for the person's situation. The source is
/// `plan-days.json` beside this file, carried into the binary by `scripts/embed-assets`.
public struct PlanDay: Codable, Sendable, Equatable {
    public struct Action: Codable, Sendable, Equatable {
        public let text: String
        /// A tool id (see `PlanContent.tools`).
        public let tool: String
    }

    /// What a track changes of a day.
    public struct Variant: Codable, Sendable, Equatable {
        public let title: String?
        public let reading: String?
        public let action: Action?
        public let reflection: String?
    }

    public let day: Int
    public let step: String
    public let title: String
    public let reading: String
    public let action: Action
    public let reflection: String
    public let variants: [String: Variant]?

    /// The day as a track reads it.
    public func on(_ track: PlanTrack) -> PlanDay {
        guard let variant = variants?[track.rawValue] else { return self }
        return PlanDay(
            day: day, step: step, title: variant.title ?? title, reading: variant.reading ?? reading, action: variant.action ?? action,
            reflection: variant.reflection ?? reflection, variants: nil
        )
    }
}

public enum PlanContent {
    struct File: Decodable {
        let version: Int
        let days: [PlanDay]
    }

    /// Every day, 1 to 90, in order.
    public static let days: [PlanDay] = {
        guard let file = try? JSONDecoder().decode(File.self, from: Data(json.utf8)) else { return [] }
        return file.days.sorted { $0.day < $1.day }
    }()

    /// The day `number` (1 to 90) as `track` reads it.
    public static func day(_ number: Int, track: PlanTrack) -> PlanDay? {
        days.first { $0.day == number }?.on(track)
    }

    /// The tool ids a day's action may open.
    public static let tools: Set<String> = [
        "today", "log_new", "log_kind", "patterns", "questions", "check", "ready", "help", "people", "days", "plan", "rules", "answers",
        "coach", "pause", "pause_setup", "checkin", "trends", "tools", "journal_new", "decisions", "timeline", "talk", "toolkit", "swaps",
        "values", "wins", "kinder", "boundaries", "goals", "observations", "ahead",
    ]

    /// True for a tool id a day may name: one of `tools`, or a reading ("read:grief").
    public static func isTool(_ id: String) -> Bool {
        tools.contains(id) || (id.hasPrefix("read:") && Reading.reading(String(id.dropFirst(5))) != nil)
    }

    /// The card for a day that is not part of the sequence: what it says and the tool it opens.
    public static func extra(_ kind: PlanToday.Kind) -> PlanDay? {
        switch kind {
        case .support:
            PlanDay(
                day: 0, step: "support", title: "A day to be gentle with yourself",
                reading: "Reaching out is the pull of the bond, not a failure. It happens to almost everyone who leaves. What matters now is what you can learn from it. Think back to the hours before: how you felt, where you were, what set it off. Naming it helps you see it coming next time.",
                action: .init(text: "Write down what came just before you reached out.", tool: "journal_new"),
                reflection: "What did you need in that moment, and where else could you find it?", variants: nil
            )
        case .lighter:
            PlanDay(
                day: 0, step: "rest", title: "A lighter day",
                reading: "Your last check-in was hard. Today there is only one thing to do, and it is small. Rest counts as progress.",
                action: .init(text: "Try one calming tool for a few minutes.", tool: "tools"),
                reflection: "What is one kind thing you can do for yourself today?", variants: nil
            )
        case .help:
            PlanDay(
                day: 0, step: "help", title: "You don't have to carry this alone",
                reading: "You said you feel very low. That is a lot to hold. Talking to someone today can help, whether a friend, a help line or a crisis line. If you have thoughts of not wanting to live, please call a crisis line now.",
                action: .init(text: "Look at who you can reach today.", tool: "help"),
                reflection: "Who is one person you could tell how you feel?", variants: nil
            )
        case .safety:
            PlanDay(
                day: 0, step: "safety", title: "Safety first today",
                reading: "You wrote down something serious. Your safety matters more than any step of this plan. Look over your safety plan, and think about who you could call if things get worse. Trust your sense of danger.",
                action: .init(text: "Look over your safety plan.", tool: "ready"),
                reflection: "What would you do, and whom would you call, if you felt in danger?", variants: nil
            )
        case .practice:
            PlanDay(
                day: 0, step: "withdrawal", title: "Practice for the pull",
                reading: "Urges have come often this week. That is common, and it does not mean you are going backwards. Each urge you ride out makes the next one a little weaker. Today, practise one tool while you feel calm, so it is ready when you need it.",
                action: .init(text: "Practise a calming tool for five minutes.", tool: "tools"),
                reflection: "When do your urges tend to come, and what helps most?", variants: nil
            )
        case .sequence, .paused, .finished:
            nil
        }
    }
}
