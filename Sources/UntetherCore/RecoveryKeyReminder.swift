import Foundation

/// A new vault's recovery key, kept sealed when the person chose "show me again later" on the
/// first-run screen, so Settings can show it once more. It is cleared when they say it is
/// written down. (Anyone who can open this record already holds the data key the recovery key
/// protects, so keeping it here gives nothing away.)
public struct RecoveryKeyReminder: SealedDocument, Equatable {
    /// The key as it was shown, in groups; nil once written down.
    public var key: String?

    public init(key: String?) {
        self.key = key
    }

    public static var initial: RecoveryKeyReminder { RecoveryKeyReminder(key: nil) }
    public static var kind: RecordKind { .recoveryReminder }
}
