import Foundation

/// A new vault's recovery key, kept sealed from set-up until the person says it is written
/// down, so it is never lost to a restart or a lock before they confirm. Until then each unlock
/// shows it first, unless they chose "show me again later"; Settings shows it in any case. It is
/// cleared once written down, and when the passphrase changes. (Anyone who can open this record already holds the data key the recovery key
/// protects, so keeping it here gives nothing away.)
public struct RecoveryKeyReminder: SealedDocument, Equatable {
    /// The key as it was shown, in groups; nil once written down.
    public var key: String?
    /// True when the person chose "show me again later": it waits in Settings, not at unlock.
    public var deferred: Bool

    public init(key: String?, deferred: Bool = false) {
        self.key = key
        self.deferred = deferred
    }

    public static var initial: RecoveryKeyReminder { RecoveryKeyReminder(key: nil) }
    public static var kind: RecordKind { .recoveryReminder }
}
