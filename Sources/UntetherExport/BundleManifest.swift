import Foundation
import UntetherVault

/// The manifest of an evidence bundle. It lists every chain entry (hashes only, so records left
/// out of the bundle still prove the chain is whole), which entries the bundle carries, and where
/// the export record is, which holds the SHA-256 of every other file. Anyone can check it with no
/// passphrase and no vault.
public struct BundleManifest: Codable, Sendable, Equatable {
    public static let formatName = "untether-evidence-bundle"

    public struct Link: Codable, Sendable, Equatable {
        public let sequence: Int
        public let kind: String
        public let recordID: String
        public let subjectID: String?
        public let recordHash: String
        public let chainHash: String
    }

    public struct IncludedRecord: Codable, Sendable, Equatable {
        public let sequence: Int
        public let path: String
    }

    public let format: String
    public let version: Int
    /// The chain hash of the newest entry: the export's own record.
    public let head: String
    /// How many entries the chain has, the export's own included.
    public let length: Int
    public let chain: [Link]
    /// The chained records the bundle carries, the export record aside.
    public let records: [IncludedRecord]
    /// The export record, which holds the SHA-256 of every other file.
    public let export: IncludedRecord

    static func link(_ entry: ChainEntry) -> Link {
        Link(
            sequence: entry.sequence, kind: entry.kind, recordID: entry.recordID, subjectID: entry.subjectID,
            recordHash: entry.recordHash.hexString, chainHash: entry.chainHash.hexString
        )
    }

    /// The chain entries as values the chain code can check.
    func chainEntries() -> [ChainEntry]? {
        var entries: [ChainEntry] = []
        for link in chain {
            guard let recordHash = Data(hex: link.recordHash), let chainHash = Data(hex: link.chainHash) else { return nil }
            entries.append(ChainEntry(
                sequence: link.sequence, kind: link.kind, recordID: link.recordID, subjectID: link.subjectID,
                recordHash: recordHash, chainHash: chainHash
            ))
        }
        return entries
    }
}

extension Data {
    /// Bytes from lowercase or uppercase hexadecimal, or nil.
    init?(hex: String) {
        guard hex.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
