import Foundation

/// One step of a no-contact plan, drawn from the recovery guide: what to do, why it helps,
/// and how to start. Written for this app.
public struct PlanStep: Sendable, Equatable, Identifiable {
    public let id: String
    public let title: String
    public let why: String
    public let how: String
}

/// The person's no-contact plan: the guide's steps they have ticked, and steps of their own.
/// Sealed as one record.
public struct NoContactPlan: Codable, Sendable, Equatable {
    /// The steps every plan starts with. The order is the order they are shown in.
    public static let guideSteps: [PlanStep] = [
        PlanStep(
            id: "block-number", title: "Block their number",
            why: "Every call or message can set off the pull to answer.",
            how: "Open their contact on your phone and choose Block. Do the same in each chat app you both use."
        ),
        PlanStep(
            id: "block-social", title: "Block or mute them online",
            why: "Seeing their posts keeps them in your thoughts and makes checking a habit.",
            how: "Block their accounts. You can also mute friends of theirs whose posts bring them back to mind."
        ),
        PlanStep(
            id: "filter-email", title: "Send their email out of sight",
            why: "You decide when, or whether, to read anything from them.",
            how: "Set up a filter that moves their emails into a folder you don't open, or that someone you trust checks for you."
        ),
        PlanStep(
            id: "change-routines", title: "Change routines and places",
            why: "Running into them can undo weeks of distance in a few minutes.",
            how: "For a while, try another shop, gym, café or route, or go at a different time."
        ),
        PlanStep(
            id: "prepare-answers", title: "Have answers ready for friends and family",
            why: "People may ask questions or pass on messages. A ready answer saves you from explaining.",
            how: "Pick a calm reply from Prepared answers, or write your own, and say it out loud a few times."
        ),
        PlanStep(
            id: "physical-distance", title: "Put some distance in place",
            why: "Distance makes it harder for either of you to act on a sudden urge.",
            how: "Get keys back, change the locks, stay with someone for a while, or move if that is possible and safe."
        ),
        PlanStep(
            id: "keep-records", title: "Keep a record",
            why: "If you ever need protection, dates and details make it easier to get.",
            how: "Write down anything they do in the Log, and keep its check code somewhere else."
        ),
        PlanStep(
            id: "tell-someone", title: "Tell one person you trust",
            why: "Someone who knows your plan can help on the days the pull is strong.",
            how: "Choose a friend, relative or support worker, and tell them what you're doing and how they can help."
        ),
    ]

    /// Longest own step, in characters.
    public static let maxOwnStepLength = 200
    /// Most own steps a plan holds.
    public static let maxOwnSteps = 30

    /// A step the person added.
    public struct OwnStep: Codable, Sendable, Equatable, Identifiable {
        public let id: UUID
        public var text: String
        public var done: Bool

        public init(id: UUID, text: String, done: Bool = false) {
            self.id = id
            self.text = text
            self.done = done
        }
    }

    /// Ids of the guide's steps that are done.
    public var doneGuideSteps: Set<String>
    public var ownSteps: [OwnStep]

    public init(doneGuideSteps: Set<String> = [], ownSteps: [OwnStep] = []) {
        self.doneGuideSteps = doneGuideSteps.intersection(Self.guideSteps.map(\.id))
        self.ownSteps = ownSteps
    }

    /// How many steps are done, out of how many.
    public var progress: (done: Int, total: Int) {
        (doneGuideSteps.count + ownSteps.filter(\.done).count, Self.guideSteps.count + ownSteps.count)
    }

    /// Marks exactly these steps as done: guide step ids and own step ids. Unknown ids are ignored.
    public mutating func markDone(guideSteps: Set<String>, ownSteps own: Set<UUID>) {
        doneGuideSteps = guideSteps.intersection(Self.guideSteps.map(\.id))
        for index in ownSteps.indices {
            ownSteps[index].done = own.contains(ownSteps[index].id)
        }
    }

    /// Adds a step of the person's own, after checking it.
    public mutating func add(_ text: String, id: UUID) throws(ListItemError) {
        let clean = try ListItemError.checked(text, maxLength: Self.maxOwnStepLength)
        guard ownSteps.count < Self.maxOwnSteps else { throw .tooMany(Self.maxOwnSteps) }
        ownSteps.append(OwnStep(id: id, text: clean))
    }

    /// Removes one of the person's own steps.
    public mutating func remove(_ id: UUID) {
        ownSteps.removeAll { $0.id == id }
    }
}

/// The person's own rules for the contact they can't avoid. They start from the guide's
/// advice and are theirs to change.
public struct LowContactRules: Codable, Sendable, Equatable {
    public static let starting = [
        "I use written messages only, like text or email, not calls.",
        "I keep messages short and about the practical matter.",
        "I don't talk about feelings, the past or us.",
        "I take my time before I reply. I don't have to answer at once.",
        "I bring someone I trust to any meeting I have to go to.",
    ]
    public static let maxRuleLength = 200
    public static let maxRules = 20

    public private(set) var rules: [String]

    public init(rules: [String] = LowContactRules.starting) {
        self.rules = rules
    }

    /// Rules as the person typed them: blank lines are dropped, each one is checked.
    public static func validated(_ lines: [String]) throws(ListItemError) -> LowContactRules {
        var rules: [String] = []
        for line in lines where !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            rules.append(try ListItemError.checked(line, maxLength: maxRuleLength))
        }
        guard rules.count <= maxRules else { throw .tooMany(maxRules) }
        return LowContactRules(rules: rules)
    }
}

/// A calm reply for someone who asks about them, or passes on a message.
public struct PreparedAnswer: Sendable, Equatable, Identifiable {
    public let id: String
    /// When it fits, in a few words.
    public let when: String
    public let text: String
}

/// The library of prepared answers, and the person's own.
public struct PreparedAnswers: Codable, Sendable, Equatable {
    public static let library: [PreparedAnswer] = [
        PreparedAnswer(id: "not-discussing", when: "Someone asks what happened",
                       text: "I'm not going to talk about that. Can we talk about something else?"),
        PreparedAnswer(id: "decided", when: "Someone asks if you'll get back together",
                       text: "I've made my decision, and I'm at peace with it."),
        PreparedAnswer(id: "no-messages", when: "Someone passes on a message from them",
                       text: "Please don't bring me messages from them. I'd like you to say no if they ask."),
        PreparedAnswer(id: "mean-well", when: "Someone pushes you to make up",
                       text: "I know you care about both of us. This is my choice, and it isn't up for debate."),
        PreparedAnswer(id: "private", when: "Someone asks where you live or work now",
                       text: "I'm keeping that private for now. Thanks for understanding."),
        PreparedAnswer(id: "events", when: "You're invited somewhere they may be",
                       text: "Thanks for asking me. If they're going, I won't come this time."),
        PreparedAnswer(id: "changed", when: "Someone says they've changed",
                       text: "I hope they're doing well. I'm still not in touch, and that won't change."),
        PreparedAnswer(id: "later", when: "You need time to think",
                       text: "I can't answer that right now. I'll get back to you if I want to."),
    ]
    public static let maxWhenLength = 100
    public static let maxTextLength = 500
    public static let maxOwn = 50

    /// An answer the person wrote.
    public struct Own: Codable, Sendable, Equatable, Identifiable {
        public let id: UUID
        public let when: String
        public let text: String
    }

    public private(set) var own: [Own]

    public init(own: [Own] = []) {
        self.own = own
    }

    /// Adds an answer of the person's own; `when` is optional.
    public mutating func add(when: String, text: String, id: UUID) throws(ListItemError) {
        let clean = try ListItemError.checked(text, maxLength: Self.maxTextLength)
        let situation = when.trimmingCharacters(in: .whitespacesAndNewlines)
        guard situation.count <= Self.maxWhenLength else { throw .tooLong(Self.maxWhenLength) }
        guard own.count < Self.maxOwn else { throw .tooMany(Self.maxOwn) }
        own.append(Own(id: id, when: situation, text: clean))
    }

    public mutating func remove(_ id: UUID) {
        own.removeAll { $0.id == id }
    }
}

/// Why an item in a list (a plan step, a rule, an answer) was not saved.
public enum ListItemError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case tooMany(Int)

    /// Trims `text` and checks it is there and short enough.
    static func checked(_ text: String, maxLength: Int) throws(ListItemError) -> String {
        let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !clean.isEmpty else { throw .empty }
        guard clean.count <= maxLength else { throw .tooLong(maxLength) }
        return clean
    }

    public var description: String {
        switch self {
        case .empty: "Please write something first."
        case .tooLong(let limit): "Please keep it to \(limit) characters or fewer."
        case .tooMany(let limit): "There's room for \(limit) here. Please remove one before adding another."
        }
    }
}

extension NoContactPlan: SealedDocument {
    public static var kind: RecordKind { .contactPlan }
    public static var initial: Self { Self() }
}

extension LowContactRules: SealedDocument {
    public static var kind: RecordKind { .contactRules }
    public static var initial: Self { Self() }
}

extension PreparedAnswers: SealedDocument {
    public static var kind: RecordKind { .preparedAnswers }
    public static var initial: Self { Self() }
}
