import Crypto
import Foundation

/// The random 256-bit key that encrypts all content. It exists in clear only in memory while
/// the vault is open; swift-crypto wipes its bytes when the last reference goes away.
public struct DataKey: Sendable {
    let key: SymmetricKey

    init(key: SymmetricKey) {
        self.key = key
    }

    static func random() -> DataKey {
        DataKey(key: SymmetricKey(size: .bits256))
    }

    /// A short fingerprint of the key, safe to compare (never to show as the key).
    public var fingerprint: String {
        let digest = key.withUnsafeBytes { SHA256.hash(data: Data("untether-fingerprint".utf8) + Data($0)) }
        return digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}

/// Where a sealed record lives; bound into the ciphertext so it cannot be moved elsewhere.
public struct RecordAddress: Sendable, Equatable, Hashable {
    public let id: String
    public let kind: String
    public let formatVersion: Int

    public init(id: String, kind: String, formatVersion: Int) {
        self.id = id
        self.kind = kind
        self.formatVersion = formatVersion
    }

    var associatedData: Data {
        Data("untether-record\u{0}v\(formatVersion)\u{0}\(kind)\u{0}\(id)".utf8)
    }
}

/// Seals and opens content with the data key (AES-256-GCM, a fresh random nonce each time).
public struct RecordSealer: Sendable {
    let dataKey: DataKey

    public init(dataKey: DataKey) {
        self.dataKey = dataKey
    }

    /// Encrypts `plaintext` for the record at `address`. Output: nonce ‖ ciphertext ‖ tag.
    public func seal(_ plaintext: Data, for address: RecordAddress) throws(VaultError) -> Data {
        do {
            let box = try AES.GCM.seal(plaintext, using: dataKey.key, authenticating: address.associatedData)
            guard let combined = box.combined else { throw VaultError.damagedRecord }
            return combined
        } catch {
            throw .damagedRecord
        }
    }

    /// Decrypts a record sealed for exactly this address; anything else fails.
    public func open(_ sealed: Data, for address: RecordAddress) throws(VaultError) -> Data {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return try AES.GCM.open(box, using: dataKey.key, authenticating: address.associatedData)
        } catch {
            throw .damagedRecord
        }
    }

    /// Seals a value as JSON.
    public func seal<Value: Encodable>(json value: Value, for address: RecordAddress) throws(VaultError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let plaintext = try? encoder.encode(value) else { throw .damagedRecord }
        return try seal(plaintext, for: address)
    }

    /// Opens a value sealed with `seal(json:for:)`.
    public func open<Value: Decodable>(_ type: Value.Type, from sealed: Data, for address: RecordAddress) throws(VaultError) -> Value {
        let plaintext = try open(sealed, for: address)
        guard let value = try? JSONDecoder().decode(type, from: plaintext) else { throw .damagedRecord }
        return value
    }
}
