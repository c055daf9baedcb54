import Foundation

/// The kinds of file that can be attached, recognised by their first bytes (never by name).
public enum AttachmentType: String, Codable, CaseIterable, Sendable {
    case jpeg, png, heic, pdf, text, mp3, m4a, wav, ogg, webm

    /// The largest file accepted: 25 MiB.
    public static let maxBytes = 25 * 1024 * 1024

    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .heic: "image/heic"
        case .pdf: "application/pdf"
        case .text: "text/plain; charset=utf-8"
        case .mp3: "audio/mpeg"
        case .m4a: "audio/mp4"
        case .wav: "audio/wav"
        case .ogg: "audio/ogg"
        case .webm: "audio/webm"
        }
    }

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .text: "txt"
        default: rawValue
        }
    }

    public var isImage: Bool { self == .jpeg || self == .png || self == .heic }

    /// What the bytes are, or nil when they are none of the accepted kinds.
    /// The type of a file the person chose, or the reason it can't be attached.
    public static func checked(_ bytes: Data) throws(AttachmentError) -> AttachmentType {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maxBytes else { throw .tooLarge }
        guard let type = detect(bytes) else { throw .unsupportedType }
        return type
    }

    public static func detect(_ bytes: Data) -> AttachmentType? {
        let head = [UInt8](bytes.prefix(16))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts(Array("ID3".utf8)) || (head.count >= 2 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0 && head[1] & 0x06 != 0) { return .mp3 }
        if starts(Array("RIFF".utf8)) && starts(Array("WAVE".utf8), at: 8) { return .wav }
        if starts(Array("OggS".utf8)) { return .ogg }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return .webm }
        if starts(Array("ftyp".utf8), at: 4), head.count >= 12 {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].contains(brand) { return .heic }
            if ["M4A ", "M4B ", "mp42", "isom"].contains(brand) { return .m4a }
        }
        if isPlainText(bytes) { return .text }
        return nil
    }

    static func isPlainText(_ bytes: Data) -> Bool {
        guard !bytes.isEmpty, !bytes.contains(0), String(data: bytes, encoding: .utf8) != nil else { return false }
        // Control characters other than tab, newline and carriage return suggest a binary file.
        return !bytes.prefix(4096).contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }
}

/// A file attached to an entry. The file's own bytes are stored sealed beside this record;
/// the SHA-256 here ties them into the chain.
public struct Attachment: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public let incidentID: UUID
    public let recordedAt: Date
    /// The name the file had, as the person's device gave it.
    public let fileName: String
    public let type: AttachmentType
    public let size: Int
    /// SHA-256 of the original bytes, lowercase hex.
    public let sha256: String
    /// Random, set when the record is chained (format 2); nil in older records.
    public var salt: String?

    public init(id: UUID, incidentID: UUID, recordedAt: Date, fileName: String, type: AttachmentType, size: Int, sha256: String) {
        self.id = id
        self.incidentID = incidentID
        self.recordedAt = recordedAt
        self.fileName = fileName
        self.type = type
        self.size = size
        self.sha256 = sha256
    }

    /// A file name safe on any system, made by us: never the person's own name for the file.
    public var storedName: String {
        "attachment-\(id.uuidString.lowercased().prefix(8)).\(type.fileExtension)"
    }
}

/// Why a file was not attached.
public enum AttachmentError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLarge
    case unsupportedType

    public var description: String {
        switch self {
        case .empty: "That file is empty, so nothing was attached."
        case .tooLarge: "That file is larger than 25 MB, so it wasn't attached. A smaller copy or a screenshot may work."
        case .unsupportedType: "That kind of file can't be attached. Photos (JPEG, PNG, HEIC), PDF, plain text and common audio files work."
        }
    }
}

extension Attachment: ChainedValue {
    public static var kind: RecordKind { .attachment }
}
