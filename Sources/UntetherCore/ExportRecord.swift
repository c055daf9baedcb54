import Foundation

/// What a bundle's report was made with, so a checker can make it again from the records alone.
public struct ExportSettings: Codable, Sendable, Equatable {
    /// First and last day included, when the person chose a range.
    public var from: CalendarDay?
    public var to: CalendarDay?
    /// Only entries with one of these kinds of harm; empty for every entry.
    public var categories: [IncidentCategory]
    /// Whether copies of attached files were put in the bundle.
    public var includeAttachments: Bool
    /// Whether location data was removed from photo copies.
    public var stripLocation: Bool
    /// The time zone every time in the report is shown in (an IANA name, "Europe/London").
    public var timeZone: String
    /// The last chain entry the export read: the report's check code is this entry's.
    public var upTo: Int
    /// Attachments (lowercase ids) whose copy had location data removed.
    public var cleaned: [String]
    /// Attachments (lowercase ids) left out because their location data could not be removed.
    public var leftOut: [String]
    /// The zone's offset from UTC in seconds at each time the report shows (by the time's
    /// canonical form), so the report reads the same on a machine with other time-zone data.
    public var offsets: [String: Int]

    public init(
        from: CalendarDay? = nil, to: CalendarDay? = nil, categories: [IncidentCategory] = [], includeAttachments: Bool = true,
        stripLocation: Bool = false, timeZone: String = "UTC", upTo: Int = 0, cleaned: [String] = [], leftOut: [String] = [],
        offsets: [String: Int] = [:]
    ) {
        self.from = from
        self.to = to
        self.categories = categories
        self.includeAttachments = includeAttachments
        self.stripLocation = stripLocation
        self.timeZone = timeZone
        self.upTo = upTo
        self.cleaned = cleaned
        self.leftOut = leftOut
        self.offsets = offsets
    }
}

/// The record an export writes into the evidence chain. It commits to the SHA-256 of every file
/// in the bundle that is not itself a chained record (the report, the readable records, the
/// photo copies), and to which records the bundle carries. A change to any of them after the
/// export no longer matches, and re-making this record changes the chain's head.
public struct ExportRecord: ChainedValue, Equatable, Identifiable {
    public let id: UUID
    public let madeAt: Date
    /// SHA-256 (lowercase hex) of each file, by its path in the bundle.
    public let files: [String: String]
    /// The chain sequences of the records the bundle carries.
    public let records: [Int]
    public let settings: ExportSettings
    public var salt: String?

    public init(id: UUID, madeAt: Date, files: [String: String], records: [Int], settings: ExportSettings, salt: String? = nil) {
        self.id = id
        self.madeAt = madeAt
        self.files = files
        self.records = records
        self.settings = settings
        self.salt = salt
    }

    public static var kind: RecordKind { .export }
}
