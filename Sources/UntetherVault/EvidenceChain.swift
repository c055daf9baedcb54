import Crypto
import Foundation

/// One link of the evidence chain. Everything here may be stored and exported in clear: each
/// record since format 2 holds a random salt inside what is hashed, so a hash cannot confirm a
/// guess of its content. (Older records hold none; their hashes stay as they were chained.)
public struct ChainEntry: Codable, Sendable, Equatable {
    /// Position in the chain, from 1, without gaps.
    public let sequence: Int
    /// The record's kind, as `RecordKind` names it in Core (kept as text, so a chain can be read
    /// and checked even where a kind is unknown).
    public let kind: String
    /// The record's id.
    public let recordID: String
    /// The entry this record is about (an amendment's or removal's incident), or nil.
    public let subjectID: String?
    /// SHA-256 of the record's canonical bytes.
    public let recordHash: Data
    /// SHA-256(previous chain hash ‖ record hash); the first entry follows 32 zero bytes.
    public let chainHash: Data

    public init(sequence: Int, kind: String, recordID: String, subjectID: String?, recordHash: Data, chainHash: Data) {
        self.sequence = sequence
        self.kind = kind
        self.recordID = recordID
        self.subjectID = subjectID
        self.recordHash = recordHash
        self.chainHash = chainHash
    }

    /// The chain hash as lowercase hex, the form shown to the person and printed by `verify`.
    public var chainHashHex: String { chainHash.hexString }
}

/// The tamper-evident chain over evidence records: h_i = SHA-256(h_{i-1} ‖ SHA-256(canonical record_i)).
///
/// Canonical encoding of a record: UTF-8 JSON with keys sorted by their UTF-8 bytes, no
/// insignificant whitespace, "/" not escaped, optional values that are absent left out,
/// dates as ISO 8601 in UTC with milliseconds ("2026-11-25T13:38:56.012Z"), numbers as integers.
/// The sealed record holds exactly these bytes, so the hash is always of what was saved.
public enum EvidenceChain {
    /// The value before the first link.
    public static let genesis = Data(repeating: 0, count: 32)

    /// The canonical bytes of a record.
    public static func canonicalBytes<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(canonicalDate(date))
        }
        return try encoder.encode(value)
    }

    /// Decodes a record from its canonical bytes.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: Data) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = parseCanonicalDate(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a canonical date"))
            }
            return date
        }
        return try decoder.decode(type, from: bytes)
    }

    /// Dates in canonical form, whole milliseconds in UTC.
    public static func canonicalDate(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        let whole = Date(timeIntervalSince1970: milliseconds / 1000)
        return whole.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    static func parseCanonicalDate(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// A date as it will read back from its canonical form, so a value can be compared after a round trip.
    public static func truncated(_ date: Date) -> Date {
        parseCanonicalDate(canonicalDate(date)) ?? date
    }

    /// 16 random bytes as hex, put inside each new record's canonical form.
    public static func newSalt() -> String {
        SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }.hexString
    }

    public static func recordHash(_ canonical: Data) -> Data {
        Data(SHA256.hash(data: canonical))
    }

    public static func link(previous: Data, recordHash: Data) -> Data {
        Data(SHA256.hash(data: previous + recordHash))
    }

    /// The entry that follows `head` (nil for an empty chain).
    public static func entry(after head: ChainEntry?, kind: String, recordID: String, subjectID: String?, recordHash: Data) -> ChainEntry {
        ChainEntry(
            sequence: (head?.sequence ?? 0) + 1, kind: kind, recordID: recordID, subjectID: subjectID,
            recordHash: recordHash, chainHash: link(previous: head?.chainHash ?? genesis, recordHash: recordHash)
        )
    }

    /// Checks the links alone: numbering without gaps from 1, and every chain hash recomputed.
    /// Returns the first problem found, or nil.
    public static func firstBrokenLink(in entries: [ChainEntry]) -> ChainProblem? {
        var previous = genesis
        for (index, entry) in entries.enumerated() {
            guard entry.sequence == index + 1 else { return ChainProblem(sequence: index + 1, what: .missingOrReordered) }
            guard entry.recordHash.count == 32, entry.chainHash == link(previous: previous, recordHash: entry.recordHash) else {
                return ChainProblem(sequence: entry.sequence, what: .brokenLink)
            }
            previous = entry.chainHash
        }
        return nil
    }
}

/// Something wrong with the chain, named precisely enough to find the record.
public struct ChainProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public enum What: String, Sendable {
        case missingOrReordered = "an entry is missing or out of order"
        case brokenLink = "its link does not follow from the entry before"
        case recordChanged = "the record's content does not match its hash"
        case recordMissing = "the record is missing but no removal was recorded"
        case recordUnreadable = "the record could not be decrypted"
        case unchainedRecord = "a record is not in the chain"
        case fileChanged = "a file does not match its hash"
        case fileMissing = "a file listed in the manifest is missing"
        case fileAdded = "a file was added that the export did not list"
        case derivedDiffers = "it is not what the records give"
        case manifestUnreadable = "the manifest is missing or unreadable"
    }

    public let sequence: Int?
    public let what: What
    public var detail: String?

    public init(sequence: Int?, what: What, detail: String? = nil) {
        self.sequence = sequence
        self.what = what
        self.detail = detail
    }

    public var description: String {
        let place = sequence.map { "entry \($0)" } ?? detail ?? "the bundle"
        let extra = (sequence != nil && detail != nil) ? " (\(detail!))" : ""
        return "\(place)\(extra): \(what.rawValue)"
    }
}

extension Data {
    /// Lowercase hexadecimal.
    public var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
