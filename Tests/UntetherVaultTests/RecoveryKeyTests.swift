import Foundation
import Testing
@testable import UntetherVault

@Suite("Recovery key")
struct RecoveryKeyTests {
    let key = RecoveryKey.random()
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    @Test("it is shown as nine groups of six characters from an alphabet without look-alikes")
    func format() {
        let groups = key.formatted.split(separator: "-")
        #expect(groups.count == 9)
        #expect(groups.allSatisfy { $0.count == 6 })
        #expect(key.formatted.replacingOccurrences(of: "-", with: "").allSatisfy { Self.alphabet.contains($0) })
        for confusable: Character in ["I", "L", "O", "U"] {
            #expect(!key.formatted.contains(confusable))
        }
    }

    @Test("it reads back exactly, whatever the case, spacing and dashes")
    func parse() throws {
        let formatted = key.formatted
        #expect(try RecoveryKey(parsing: formatted) == key)
        #expect(try RecoveryKey(parsing: formatted.lowercased()) == key)
        #expect(try RecoveryKey(parsing: formatted.replacingOccurrences(of: "-", with: " ")) == key)
        #expect(try RecoveryKey(parsing: "  " + formatted.replacingOccurrences(of: "-", with: "") + "\n") == key)
    }

    @Test("O is read as zero and I or L as one, as people often copy them")
    func lookAlikes() throws {
        let zeros = RecoveryKey(bytes: [UInt8](repeating: 0, count: 32))
        let typed = zeros.formatted.replacingOccurrences(of: "0", with: "O")
        #expect(try RecoveryKey(parsing: typed) == zeros)
    }

    @Test("every single mistyped character is caught, at every position", arguments: 0..<54)
    func everySubstitutionCaught(position: Int) {
        var characters = Array(key.formatted.replacingOccurrences(of: "-", with: ""))
        let original = characters[position]
        for replacement in Self.alphabet where replacement != original {
            characters[position] = replacement
            #expect(throws: VaultError.self) { try RecoveryKey(parsing: String(characters)) }
        }
    }

    @Test("swapping two neighbouring characters is caught")
    func transpositions() {
        let characters = Array(key.formatted.replacingOccurrences(of: "-", with: ""))
        for position in 0..<(characters.count - 1) where characters[position] != characters[position + 1] {
            var swapped = characters
            swapped.swapAt(position, position + 1)
            #expect(throws: VaultError.self) { try RecoveryKey(parsing: String(swapped)) }
        }
    }

    @Test("a missing character or a foreign symbol is reported as not a key", arguments: ["", "hello", "ABC*EF"])
    func malformed(text: String) {
        #expect(throws: VaultError.recoveryKeyMalformed) { try RecoveryKey(parsing: text) }
    }

    @Test("a key one character short is not a key")
    func tooShort() {
        #expect(throws: VaultError.recoveryKeyMalformed) { try RecoveryKey(parsing: String(key.formatted.dropLast())) }
    }

    @Test("base-32 encoding round-trips arbitrary bytes")
    func base32RoundTrip() {
        for seed in 0..<32 {
            let bytes = (0..<32).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ seed &* 101) }
            #expect(RecoveryKey.bytes(of: RecoveryKey.digits(of: bytes)) == bytes)
        }
    }
}
