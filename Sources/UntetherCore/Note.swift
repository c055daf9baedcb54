import Foundation

/// A private note: the first record kind, and the simplest one that exercises every layer.
public struct Note: Sendable, Equatable, Identifiable, Codable {
    public let id: UUID
    public var title: String
    public var body: String
    public let createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, title: String, body: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.title = title
        self.body = body
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a person typed for a note, checked before anything is saved.
public struct NoteDraft: Sendable, Equatable {
    /// Longest title we accept, in characters.
    public static let maxTitleLength = 200
    /// Longest body we accept, in characters (about 100 pages of text).
    public static let maxBodyLength = 200_000

    public let title: String
    public let body: String

    /// Trims the title and checks both lengths; the body is kept exactly as typed.
    public init(title: String, body: String) throws(NoteDraftError) {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyTitle }
        guard trimmed.count <= Self.maxTitleLength else { throw .titleTooLong }
        guard body.count <= Self.maxBodyLength else { throw .bodyTooLong }
        self.title = trimmed
        self.body = body
    }

    /// Makes a new note from this draft.
    public func makeNote(id: UUID, now: Date) -> Note {
        Note(id: id, title: title, body: body, createdAt: now, updatedAt: now)
    }

    /// Applies this draft to an existing note, keeping its id and creation time.
    public func apply(to note: Note, now: Date) -> Note {
        var changed = note
        changed.title = title
        changed.body = body
        changed.updatedAt = now
        return changed
    }
}

/// Why a note draft was refused, in words a person can act on.
public enum NoteDraftError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyTitle
    case titleTooLong
    case bodyTooLong

    public var description: String {
        switch self {
        case .emptyTitle:
            "Please give the note a title. A word or two is enough."
        case .titleTooLong:
            "The title is longer than \(NoteDraft.maxTitleLength) characters. Please shorten it; the rest can go in the note itself."
        case .bodyTooLong:
            "The note is longer than \(NoteDraft.maxBodyLength) characters. Please split it into two notes."
        }
    }
}

extension Note: LoggedValue {
    public static var kind: RecordKind { .note }

    /// Only the title and body are sealed; the id and times are the record's own.
    public struct Payload: Codable, Sendable {
        let title: String
        let body: String
    }

    public var loggedAt: Date { createdAt }
    public var payload: Payload { Payload(title: title, body: body) }

    public static func opened(_ payload: Payload, id: UUID, createdAt: Date, updatedAt: Date) -> Note {
        Note(id: id, title: payload.title, body: payload.body, createdAt: createdAt, updatedAt: updatedAt)
    }
}
