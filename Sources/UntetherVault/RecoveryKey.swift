import Crypto
import Foundation

/// 256 random bits that can open the vault when the passphrase is forgotten.
///
/// It is shown once, as 54 characters in nine groups of six, from an alphabet without
/// look-alike characters (Crockford's base 32). The last two characters are a checksum:
/// a position-weighted sum modulo the prime 1021, which catches every single mistyped
/// character and every swap of two neighbouring characters.
public struct RecoveryKey: Sendable, Equatable {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let dataCharacters = 52  // ceil(256 / 5)
    static let checkModulus = 1021  // prime, and less than 32 * 32
    static let groupSize = 6

    /// The raw key bytes (32).
    public let bytes: [UInt8]

    init(bytes: [UInt8]) {
        precondition(bytes.count == 32, "a recovery key is 32 bytes")
        self.bytes = bytes
    }

    /// A new key from the system's secure random source.
    public static func random() -> RecoveryKey {
        RecoveryKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    /// The key as a person copies it by hand: `ABC123-DEF456-…`.
    public var formatted: String {
        let digits = Self.digits(of: bytes)
        let all = digits + Self.checkDigits(for: digits)
        let chars = all.map { Self.alphabet[$0] }
        return stride(from: 0, to: chars.count, by: Self.groupSize)
            .map { String(chars[$0..<min($0 + Self.groupSize, chars.count)]) }
            .joined(separator: "-")
    }

    /// Reads a key typed by a person. Case, spaces and dashes do not matter; O reads as 0, I and L as 1.
    public init(parsing text: String) throws(VaultError) {
        var digits: [Int] = []
        for character in text.uppercased() {
            switch character {
            case " ", "-", "\n", "\t", "\r": continue
            case "O": digits.append(0)
            case "I", "L": digits.append(1)
            default:
                guard let index = Self.alphabet.firstIndex(of: character) else { throw .recoveryKeyMalformed }
                digits.append(index)
            }
        }
        guard digits.count == Self.dataCharacters + 2 else { throw .recoveryKeyMalformed }
        let data = Array(digits[..<Self.dataCharacters])
        guard Array(digits[Self.dataCharacters...]) == Self.checkDigits(for: data) else { throw .recoveryKeyMistyped }
        guard let bytes = Self.bytes(of: data) else { throw .recoveryKeyMistyped }
        self.bytes = bytes
    }

    static func digits(of bytes: [UInt8]) -> [Int] {
        var digits: [Int] = []
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                digits.append((buffer >> bits) & 31)
            }
            buffer &= (1 << bits) - 1
        }
        if bits > 0 { digits.append((buffer << (5 - bits)) & 31) }
        return digits
    }

    static func bytes(of digits: [Int]) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = 0
        var bits = 0
        for digit in digits {
            buffer = (buffer << 5) | digit
            bits += 5
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8((buffer >> bits) & 0xFF))
            }
            buffer &= (1 << bits) - 1
        }
        // The 4 padding bits must be zero, or this is not a key we made.
        guard bytes.count == 32, buffer == 0 else { return nil }
        return bytes
    }

    static func checkDigits(for digits: [Int]) -> [Int] {
        var sum = 0
        for (position, digit) in digits.enumerated() {
            sum = (sum + (position + 1) * digit) % checkModulus
        }
        return [sum / 32, sum % 32]
    }
}
