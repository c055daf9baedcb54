import Foundation

/// Every kind of sealed record the vault holds, in one place. The raw value is stored in clear
/// and bound into each record's associated data, so a record can never be read as another kind.
/// No kind is named anywhere else: a value type says which kind it is (`SealedValue.kind`).
public enum RecordKind: String, Sendable, Codable, CaseIterable {
    // Documents: exactly one record each.
    case preferences
    /// The no-contact plan.
    case contactPlan = "contact_plan"
    /// The person's low-contact rules.
    case contactRules = "contact_rules"
    /// The person's own prepared answers.
    case preparedAnswers = "prepared_answers"
    /// What the "I want to reach out" screen shows.
    case reachOutPlan = "reach_out_plan"
    /// The safety plan.
    case safetyPlan = "safety_plan"
    /// A recovery key the person asked to see again later, until they say it is written down.
    case recoveryReminder = "recovery_reminder"
    /// The key pair that seals a form posted after the lock: its private half, sealed.
    case draftKey = "draft_key"
    /// Step 6: the person's values, their top five and their mission statement.
    case values
    /// Step 5: the healthy swaps the person plans ("when I notice …, I will try …").
    case swapPlan = "swap_plan"
    /// Step 7: the maintenance plan and the steps toward resilience.
    case stayingFree = "staying_free"
    /// Step 6: the person's boundaries and the lines they practise.
    case boundaries
    /// Step 5: the person's regulation toolkit.
    case toolkit
    /// The day-by-day plan: where the person is in the 90 days.
    case dayPlan = "day_plan"

    // Working logs: many records each, which the person may change or delete.
    case note
    case contact
    case checkIn = "checkin"
    case urge
    case journal
    case milestone
    case decision
    /// A danger check the person chose to keep.
    case dangerCheck = "danger_check"
    /// A self-check on the relationship the person chose to keep.
    case relationshipCheck = "relationship_check"
    /// Something noticed about someone new, matched to the red and green flags (Step 7).
    case flagObservation = "flag_observation"
    /// A time the person tried one of their healthy swaps (Step 5).
    case swapTry = "swap_try"
    /// A small win the person wrote down (Step 6).
    case victory
    /// A harsh belief about themselves, questioned, with a kinder way to say it (Step 6).
    case kinderVoice = "kinder_voice"
    /// A time the person held a boundary (Step 6).
    case boundaryHeld = "boundary_held"
    /// A goal of the person's own, with small steps (Step 6).
    case goal
    /// Something the person loved before or wants to try, with the days they did it (Step 6).
    case interest
    /// The person's safe people.
    case safePerson = "safe_person"
    /// Writing kept while the person types, or a form that arrived after the lock, until it is
    /// saved or discarded.
    case draft
    /// A form that arrived while the vault was locked, sealed to the draft key's public half
    /// (no data key is held then); opened into a `draft` at the next unlock.
    case lockedDraft = "locked_draft"

    // Evidence: sealed, append-only, linked into the hash chain.
    case incident
    case amendment
    case removal
    case attachment
    /// An attached file's sealed bytes, stored beside its chained `attachment` record (which
    /// holds their SHA-256). Append-only like the rest of the evidence, but not chained itself.
    case attachmentFile = "attachment_file"
    /// The record an export writes into the chain: it commits to every file of the bundle.
    case export

    /// How records of a kind are kept.
    public enum Shape: Sendable {
        /// One record, saved over.
        case document
        /// Many records, each one changeable and deletable.
        case log
        /// Many records, append-only; removed only by a chained removal.
        case evidence
    }

    public var shape: Shape {
        switch self {
        case .preferences, .contactPlan, .contactRules, .preparedAnswers, .reachOutPlan, .safetyPlan, .recoveryReminder, .draftKey, .values, .swapPlan, .stayingFree, .boundaries, .toolkit, .dayPlan: .document
        case .note, .contact, .checkIn, .urge, .journal, .milestone, .decision, .dangerCheck, .relationshipCheck, .flagObservation, .swapTry, .victory, .kinderVoice, .boundaryHeld, .goal, .interest, .safePerson, .draft, .lockedDraft: .log
        case .incident, .amendment, .removal, .attachment, .attachmentFile, .export: .evidence
        }
    }

    /// True for the kinds the store keeps append-only.
    public var isEvidence: Bool { shape == .evidence }

    /// True for the evidence kinds with a link of their own in the hash chain.
    public var isChained: Bool { isEvidence && self != .attachmentFile }

    /// The evidence kinds, as the store's append-only rules name them.
    public static var evidenceKinds: [RecordKind] { allCases.filter(\.isEvidence) }

    /// The current format version of each kind's sealed payload. Raise it when a kind's payload
    /// changes shape, and teach its type to read the older version.
    public var formatVersion: Int {
        switch self {
        case .preferences, .contactPlan, .contactRules, .preparedAnswers, .reachOutPlan, .safetyPlan, .recoveryReminder, .draftKey, .values, .swapPlan, .stayingFree, .boundaries, .toolkit, .dayPlan,
             .note, .contact, .checkIn, .urge, .journal, .milestone, .decision, .dangerCheck, .relationshipCheck, .flagObservation, .swapTry, .victory, .kinderVoice, .boundaryHeld, .goal, .interest, .safePerson, .draft, .lockedDraft,
             .attachmentFile, .export: 1
        // Version 2 of a chained record carries a random salt, so its hash (stored in clear)
        // cannot confirm a guess of its content. Version 1 records have none and still read.
        case .incident, .amendment, .removal, .attachment: 2
        }
    }
}

/// A value the vault seals, which names the kind of record it is kept as.
public protocol SealedValue: Sendable {
    static var kind: RecordKind { get }
}

/// A record linked into the evidence chain. Its canonical form holds a random salt, set when it
/// is appended, so the hash the store keeps in clear reveals nothing about what it says.
public protocol ChainedValue: SealedValue, Codable {
    var salt: String? { get set }
}

/// A value kept one to a record (settings, a plan), with what to show before it is first saved.
public protocol SealedDocument: SealedValue, Codable {
    /// The value used when none was saved yet.
    static var initial: Self { get }
}

/// A value kept in a log, one record each, ordered newest first by `loggedAt`.
/// Most are sealed whole; a type may seal a smaller `Payload` and rebuild itself from the
/// record's id and times (notes keep their times in clear, for listing).
public protocol LoggedValue: SealedValue, Identifiable where ID == UUID {
    associatedtype Payload: Codable & Sendable = Self
    /// When the record is placed in the log.
    var loggedAt: Date { get }
    /// What is sealed.
    var payload: Payload { get }
    /// Rebuilds the value from what was sealed and the record's id and times.
    static func opened(_ payload: Payload, id: UUID, createdAt: Date, updatedAt: Date) throws -> Self
    /// Checks the value before it is saved; throws an error a person can act on.
    func validate() throws
}

extension LoggedValue {
    public func validate() throws {}
}

extension LoggedValue where Payload == Self {
    public var payload: Self { self }
    public static func opened(_ payload: Self, id: UUID, createdAt: Date, updatedAt: Date) -> Self { payload }
}
