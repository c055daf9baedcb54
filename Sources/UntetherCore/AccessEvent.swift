import Foundation

/// Something that happened to the vault itself, kept so the person can see who got in and when.
/// It never holds content: only what kind of event it was and when.
public struct AccessEvent: Sendable, Equatable, Codable, Identifiable {
    /// The kinds of access worth showing to the person. Raw values are stored; never rename them.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case created
        case unlocked
        case failedUnlock = "failed_unlock"
        case unlockedWithRecoveryKey = "unlocked_with_recovery_key"
        case passphraseChanged = "passphrase_changed"
        case backupMade = "backup_made"
        case restored
        case exported

        /// A short, plain label for lists.
        public var label: String {
            switch self {
            case .created: "Notes were set up"
            case .unlocked: "Opened"
            case .failedUnlock: "Wrong passphrase tried"
            case .unlockedWithRecoveryKey: "Opened with the recovery key"
            case .passphraseChanged: "Passphrase changed"
            case .backupMade: "Backup made"
            case .restored: "Restored from a backup"
            case .exported: "Export made"
            }
        }
    }

    public let id: UUID
    public let kind: Kind
    public let at: Date

    public init(id: UUID, kind: Kind, at: Date) {
        self.id = id
        self.kind = kind
        self.at = at
    }
}
