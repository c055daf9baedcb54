import Crypto
import Foundation

/// What the vault stores about its keys: the scrypt parameters and salt, and the data key
/// wrapped twice (by the passphrase key and by the recovery key). It holds no secret in clear.
public struct VaultHeader: Sendable, Equatable, Codable {
    /// Version of this header layout.
    public static let currentFormat = 1

    public let format: Int
    public let kdf: KDFParameters
    public let passphraseSalt: Data
    public let passphraseWrappedKey: Data
    public let recoverySalt: Data
    public let recoveryWrappedKey: Data

    public init(
        format: Int, kdf: KDFParameters, passphraseSalt: Data, passphraseWrappedKey: Data,
        recoverySalt: Data, recoveryWrappedKey: Data
    ) {
        self.format = format
        self.kdf = kdf
        self.passphraseSalt = passphraseSalt
        self.passphraseWrappedKey = passphraseWrappedKey
        self.recoverySalt = recoverySalt
        self.recoveryWrappedKey = recoveryWrappedKey
    }

    /// A new vault: a fresh data key and recovery key, wrapped under the chosen passphrase.
    /// The recovery key is returned so it can be shown once; it is not kept anywhere.
    public static func create(
        passphrase: String, kdf: KDFParameters = .production
    ) throws(VaultError) -> (header: VaultHeader, dataKey: DataKey, recoveryKey: RecoveryKey) {
        let passphrase = try Passphrase.validate(passphrase)
        let dataKey = DataKey.random()
        let recoveryKey = RecoveryKey.random()
        let passphraseSalt = randomBytes(16)
        let recoverySalt = randomBytes(16)
        let passphraseKey = try kdf.deriveKey(passphrase: passphrase, salt: passphraseSalt)
        let header = VaultHeader(
            format: currentFormat,
            kdf: kdf,
            passphraseSalt: passphraseSalt,
            passphraseWrappedKey: try wrap(dataKey, with: passphraseKey, purpose: .passphrase),
            recoverySalt: recoverySalt,
            recoveryWrappedKey: try wrap(dataKey, with: recoveryWrappingKey(recoveryKey, salt: recoverySalt), purpose: .recovery)
        )
        return (header, dataKey, recoveryKey)
    }

    /// Opens the data key with the passphrase.
    public func unlock(passphrase: String) throws(VaultError) -> DataKey {
        let key = try kdf.deriveKey(passphrase: passphrase, salt: passphraseSalt)
        guard let dataKey = Self.unwrap(passphraseWrappedKey, with: key, purpose: .passphrase) else {
            throw .wrongPassphrase
        }
        return dataKey
    }

    /// Opens the data key with the recovery key.
    public func unlock(recoveryKey: RecoveryKey) throws(VaultError) -> DataKey {
        let key = Self.recoveryWrappingKey(recoveryKey, salt: recoverySalt)
        guard let dataKey = Self.unwrap(recoveryWrappedKey, with: key, purpose: .recovery) else {
            throw .wrongRecoveryKey
        }
        return dataKey
    }

    /// The same data key under a new passphrase (and a new salt). Content is never re-encrypted,
    /// and the recovery key keeps working. `kdf` lets a passphrase change raise the cost.
    public func rewrapped(
        dataKey: DataKey, newPassphrase: String, kdf newKDF: KDFParameters? = nil
    ) throws(VaultError) -> VaultHeader {
        let passphrase = try Passphrase.validate(newPassphrase)
        let kdf = newKDF ?? self.kdf
        let salt = Self.randomBytes(16)
        let key = try kdf.deriveKey(passphrase: passphrase, salt: salt)
        return VaultHeader(
            format: format, kdf: kdf, passphraseSalt: salt,
            passphraseWrappedKey: try Self.wrap(dataKey, with: key, purpose: .passphrase),
            recoverySalt: recoverySalt, recoveryWrappedKey: recoveryWrappedKey
        )
    }

    enum WrapPurpose: String {
        case passphrase
        case recovery

        var associatedData: Data { Data("untether-data-key\u{0}v1\u{0}\(rawValue)".utf8) }
    }

    static func wrap(_ dataKey: DataKey, with key: SymmetricKey, purpose: WrapPurpose) throws(VaultError) -> Data {
        do {
            let box = try dataKey.key.withUnsafeBytes { raw in
                try AES.GCM.seal(Data(raw), using: key, authenticating: purpose.associatedData)
            }
            guard let combined = box.combined else { throw VaultError.damagedHeader }
            return combined
        } catch {
            throw .damagedHeader
        }
    }

    static func unwrap(_ wrapped: Data, with key: SymmetricKey, purpose: WrapPurpose) -> DataKey? {
        guard
            let box = try? AES.GCM.SealedBox(combined: wrapped),
            let raw = try? AES.GCM.open(box, using: key, authenticating: purpose.associatedData),
            raw.count == 32
        else { return nil }
        return DataKey(key: SymmetricKey(data: raw))
    }

    static func recoveryWrappingKey(_ recoveryKey: RecoveryKey, salt: Data) -> SymmetricKey {
        // The recovery key already has 256 bits of entropy, so a fast KDF is enough.
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: recoveryKey.bytes),
            salt: salt,
            info: Data("untether-recovery-wrap-v1".utf8),
            outputByteCount: 32
        )
    }

    static func randomBytes(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
