/// The kinds of sealed record the vault holds. The raw value is stored in clear and bound
/// into each record's associated data, so a record can never be read as another kind.
/// (The evidence and contact logs name their own kinds next to their code.)
public enum RecordKind: String, Sendable, Codable, CaseIterable {
    case note
    case preferences
    /// The no-contact plan, one record.
    case contactPlan = "contact_plan"
    /// The person's low-contact rules, one record.
    case contactRules = "contact_rules"
    /// The person's own prepared answers, one record.
    case preparedAnswers = "prepared_answers"
    /// What the "I want to reach out" screen shows, one record.
    case reachOutPlan = "reach_out_plan"

    /// The current format version of each kind's sealed payload.
    public var formatVersion: Int {
        switch self {
        case .note, .preferences, .contactPlan, .contactRules, .preparedAnswers, .reachOutPlan: 1
        }
    }
}
