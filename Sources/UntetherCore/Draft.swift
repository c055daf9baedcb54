import Foundation

/// Writing kept so it is never lost: the fields of a form while the person types (sealed with
/// the data key), or a form that arrived after the lock (sealed to the draft key until the next
/// unlock). It lives until the form is saved or the person discards it.
public struct Draft: Codable, Sendable, Equatable, Identifiable {
    /// The id the form carried (`draft_id`), so the same form saves over its own draft.
    public let id: UUID
    public var savedAt: Date
    /// Where the form is sent when the person saves it: one of the app's own paths.
    public var action: String
    /// The form's fields as typed, without its token and draft fields.
    public var fields: [String: String]
    /// True when the lock interrupted the writing (the form arrived after it, or the warning
    /// kept it): the next unlock offers it first.
    public var interrupted: Bool

    /// The most fields and characters a draft keeps, in line with the largest form.
    public static let maxFields = 100
    public static let maxCharacters = 3 * 1024 * 1024

    /// Form fields a draft never keeps: the form token, its own bookkeeping, and secrets.
    public static func keeps(_ name: String) -> Bool {
        !["csrf", "draft_id", "draft_action", "draft_reason", "draft_ticket"].contains(name) && !name.contains("passphrase") && !name.contains("recovery")
    }

    public init(id: UUID, savedAt: Date, action: String, fields: [String: String], interrupted: Bool = false) {
        self.id = id
        self.savedAt = savedAt
        self.action = action
        self.fields = fields.filter { Self.keeps($0.key) }
        self.interrupted = interrupted
    }

    /// True when the person has written something worth keeping: words, not only ticks, a day
    /// or a number.
    public var hasWriting: Bool {
        fields.values.contains { value in
            !["on", "yes", "no"].contains(value) && value.contains { $0.isLetter }
        }
    }
}

/// Why a draft was not kept.
public enum DraftError: Error, Equatable, Sendable {
    case notOurs
    case tooLarge
}

extension Draft: LoggedValue {
    public static var kind: RecordKind { .draft }
    public var loggedAt: Date { savedAt }

    public func validate() throws {
        // Only a path of this app, in plain characters, never an address elsewhere: a browser
        // drops tabs and line breaks from an address, so "/\t/elsewhere" would become "//elsewhere".
        guard action.hasPrefix("/"), !action.contains("//"), action.count <= 200,
              action.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/-_".contains($0)) })
        else {
            throw DraftError.notOurs
        }
        guard fields.count <= Self.maxFields, fields.reduce(0, { $0 + $1.key.count + $1.value.count }) <= Self.maxCharacters else {
            throw DraftError.tooLarge
        }
    }
}

/// The private half of the key pair that seals a form arriving after the lock. The public half
/// is kept only in the running program's memory, learned at unlock, so nothing on disk can
/// point it elsewhere.
public struct DraftKeyPair: SealedDocument, Equatable {
    /// The X25519 private key's raw bytes, or nil until first made.
    public var privateKey: Data?

    public init(privateKey: Data?) {
        self.privateKey = privateKey
    }

    public static var initial: DraftKeyPair { DraftKeyPair(privateKey: nil) }
    public static var kind: RecordKind { .draftKey }
}
