/// The kinds of sealed record the vault holds. The raw value is stored in clear and bound
/// into each record's associated data, so a record can never be read as another kind.
public enum RecordKind: String, Sendable, Codable, CaseIterable {
    case note
    case preferences

    /// The current format version of each kind's sealed payload.
    public var formatVersion: Int {
        switch self {
        case .note: 1
        case .preferences: 1
        }
    }
}
