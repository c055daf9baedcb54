import Crypto
import _CryptoExtras
import Foundation

/// scrypt cost parameters. They are stored with the vault so they can be raised later
/// without breaking vaults made earlier.
public struct KDFParameters: Sendable, Equatable, Codable {
    /// log2 of scrypt's N (CPU and memory cost).
    public let logN: Int
    /// scrypt's block size r.
    public let r: Int
    /// scrypt's parallelism p.
    public let p: Int

    public init(logN: Int, r: Int, p: Int) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// The cost every real vault is made with: N = 2^17, r = 8, p = 1 (128 MiB, well under a second on a laptop).
    public static let production = KDFParameters(logN: 17, r: 8, p: 1)

    /// The lowest cost a real vault may be created with.
    public static let floor = production

    /// A very cheap cost so tests run quickly. Never use it for a real vault: the name says so on purpose.
    public static let insecureForTestsOnly = KDFParameters(logN: 10, r: 8, p: 1)

    /// True when these parameters are at least as costly as `floor` in every dimension.
    public var meetsFloor: Bool {
        logN >= Self.floor.logN && r >= Self.floor.r && p >= Self.floor.p
    }

    /// Memory scrypt needs for these parameters, in bytes.
    public var memoryBytes: Int { 128 * r * p * (1 << logN) }

    /// True when the parameters are ones we can run at all (not absurd values read from a damaged file).
    public var isUsable: Bool {
        (1...24).contains(logN) && (1...32).contains(r) && (1...16).contains(p) && memoryBytes <= 2 << 30
    }

    /// Derives a 256-bit key from a passphrase. The passphrase is normalised (Unicode NFC) first,
    /// so the same words typed on another keyboard give the same key.
    func deriveKey(passphrase: String, salt: Data) throws(VaultError) -> SymmetricKey {
        guard isUsable else { throw .damagedHeader }
        let bytes = Array(passphrase.precomposedStringWithCanonicalMapping.utf8)
        // scrypt cannot take an empty input; no vault has an empty passphrase anyway.
        guard !bytes.isEmpty else { throw .wrongPassphrase }
        do {
            return try KDF.Scrypt.deriveKey(
                from: bytes, salt: salt, outputByteCount: 32,
                rounds: 1 << logN, blockSize: r, parallelism: p
            )
        } catch {
            throw .keyDerivationFailed
        }
    }
}

/// Rules for a passphrase a person chooses.
public enum Passphrase {
    /// Fewest characters we accept. A few ordinary words make a strong passphrase.
    public static let minimumLength = 8
    /// Most characters we accept, to keep key derivation time bounded.
    public static let maximumLength = 1024

    /// Checks a new passphrase and returns it unchanged, or says what to change.
    public static func validate(_ candidate: String) throws(VaultError) -> String {
        guard candidate.count >= minimumLength else { throw .passphraseTooShort(minimum: minimumLength) }
        guard candidate.count <= maximumLength else { throw .passphraseTooLong(maximum: maximumLength) }
        return candidate
    }
}
