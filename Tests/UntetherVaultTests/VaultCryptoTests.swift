import Foundation
import Testing
@testable import UntetherVault

/// Cheap scrypt cost so these tests stay fast; the floor test below checks the real one.
private let testKDF = KDFParameters.insecureForTestsOnly

@Suite("Key derivation and wrapping")
struct KeyWrappingTests {
    @Test("production scrypt parameters meet the floor of N = 2^17, r = 8, p = 1")
    func productionFloor() {
        #expect(KDFParameters.production.logN >= 17)
        #expect(KDFParameters.production.r >= 8)
        #expect(KDFParameters.production.p >= 1)
        #expect(KDFParameters.production.meetsFloor)
        #expect(KDFParameters.production.memoryBytes == 128 << 20)
        #expect(!KDFParameters.insecureForTestsOnly.meetsFloor)
        #expect(!KDFParameters(logN: 16, r: 8, p: 1).meetsFloor)
        #expect(!KDFParameters(logN: 17, r: 4, p: 1).meetsFloor)
    }

    @Test("a vault made with default settings stores the production parameters and a 16-byte salt")
    func defaultsAreProduction() throws {
        let made = try VaultHeader.create(passphrase: "a long enough passphrase")
        #expect(made.header.kdf == .production)
        #expect(made.header.passphraseSalt.count == 16)
        #expect(made.header.recoverySalt.count == 16)
        #expect(made.header.passphraseWrappedKey.count == 60)
        #expect(try made.header.unlock(passphrase: "a long enough passphrase").fingerprint == made.dataKey.fingerprint)
    }

    @Test("the right passphrase opens the data key and a wrong one does not")
    func passphraseUnlock() throws {
        let made = try VaultHeader.create(passphrase: "correct horse battery", kdf: testKDF)
        #expect(try made.header.unlock(passphrase: "correct horse battery").fingerprint == made.dataKey.fingerprint)
        #expect(throws: VaultError.wrongPassphrase) { try made.header.unlock(passphrase: "correct horse batterY") }
        #expect(throws: VaultError.wrongPassphrase) { try made.header.unlock(passphrase: "") }
    }

    @Test("the same words typed as composed or decomposed Unicode give the same key")
    func unicodeNormalisation() throws {
        let composed = "caf\u{E9} au lait"
        let decomposed = "cafe\u{301} au lait"
        let made = try VaultHeader.create(passphrase: composed, kdf: testKDF)
        #expect(try made.header.unlock(passphrase: decomposed).fingerprint == made.dataKey.fingerprint)
    }

    @Test("short and empty passphrases are refused before anything is made")
    func passphraseRules() {
        #expect(throws: VaultError.passphraseTooShort(minimum: 8)) { try VaultHeader.create(passphrase: "short", kdf: testKDF) }
        #expect(throws: VaultError.passphraseTooShort(minimum: 8)) { try VaultHeader.create(passphrase: "", kdf: testKDF) }
        #expect(throws: VaultError.passphraseTooLong(maximum: 1024)) {
            try VaultHeader.create(passphrase: String(repeating: "a", count: 1025), kdf: testKDF)
        }
    }

    @Test("each vault gets its own data key, salt and recovery key")
    func freshRandomness() throws {
        let one = try VaultHeader.create(passphrase: "same passphrase", kdf: testKDF)
        let two = try VaultHeader.create(passphrase: "same passphrase", kdf: testKDF)
        #expect(one.dataKey.fingerprint != two.dataKey.fingerprint)
        #expect(one.header.passphraseSalt != two.header.passphraseSalt)
        #expect(one.recoveryKey != two.recoveryKey)
        #expect(throws: VaultError.wrongPassphrase) {
            try VaultHeader(
                format: 1, kdf: testKDF, passphraseSalt: two.header.passphraseSalt,
                passphraseWrappedKey: one.header.passphraseWrappedKey,
                recoverySalt: one.header.recoverySalt, recoveryWrappedKey: one.header.recoveryWrappedKey
            ).unlock(passphrase: "same passphrase")
        }
    }

    @Test("changing the passphrase re-wraps the same data key; the old passphrase stops working and the recovery key keeps working")
    func passphraseChange() throws {
        let made = try VaultHeader.create(passphrase: "first passphrase", kdf: testKDF)
        let changed = try made.header.rewrapped(dataKey: made.dataKey, newPassphrase: "second passphrase")
        #expect(try changed.unlock(passphrase: "second passphrase").fingerprint == made.dataKey.fingerprint)
        #expect(throws: VaultError.wrongPassphrase) { try changed.unlock(passphrase: "first passphrase") }
        #expect(try changed.unlock(recoveryKey: made.recoveryKey).fingerprint == made.dataKey.fingerprint)
        #expect(changed.passphraseSalt != made.header.passphraseSalt)
    }

    @Test("a passphrase change can raise the key-derivation cost, and the new cost is stored")
    func raiseCost() throws {
        let made = try VaultHeader.create(passphrase: "first passphrase", kdf: testKDF)
        let stronger = KDFParameters(logN: 11, r: 8, p: 1)
        let changed = try made.header.rewrapped(dataKey: made.dataKey, newPassphrase: "second passphrase", kdf: stronger)
        #expect(changed.kdf == stronger)
        #expect(try changed.unlock(passphrase: "second passphrase").fingerprint == made.dataKey.fingerprint)
    }

    @Test("the recovery key alone opens the data key; another vault's recovery key does not")
    func recoveryUnlock() throws {
        let made = try VaultHeader.create(passphrase: "first passphrase", kdf: testKDF)
        let other = try VaultHeader.create(passphrase: "first passphrase", kdf: testKDF)
        let parsed = try RecoveryKey(parsing: made.recoveryKey.formatted)
        #expect(try made.header.unlock(recoveryKey: parsed).fingerprint == made.dataKey.fingerprint)
        #expect(throws: VaultError.wrongRecoveryKey) { try made.header.unlock(recoveryKey: other.recoveryKey) }
    }

    @Test("a header whose stored parameters are absurd is reported as damaged, not run")
    func absurdParameters() throws {
        let made = try VaultHeader.create(passphrase: "first passphrase", kdf: testKDF)
        let damaged = VaultHeader(
            format: 1, kdf: KDFParameters(logN: 40, r: 8, p: 1), passphraseSalt: made.header.passphraseSalt,
            passphraseWrappedKey: made.header.passphraseWrappedKey, recoverySalt: made.header.recoverySalt,
            recoveryWrappedKey: made.header.recoveryWrappedKey
        )
        #expect(throws: VaultError.damagedHeader) { try damaged.unlock(passphrase: "first passphrase") }
    }
}

@Suite("Sealing records")
struct SealingTests {
    let sealer: RecordSealer
    let address = RecordAddress(id: "7f0c1a52-5d7e-4a8e-9a43-1f2b3c4d5e6f", kind: "note", formatVersion: 1)
    let plaintext = Data("what happened, in my own words".utf8)

    init() throws {
        sealer = RecordSealer(dataKey: try VaultHeader.create(passphrase: "first passphrase", kdf: testKDF).dataKey)
    }

    @Test("sealing then opening gives back the exact bytes, and the ciphertext does not contain them")
    func roundTrip() throws {
        let sealed = try sealer.seal(plaintext, for: address)
        #expect(try sealer.open(sealed, for: address) == plaintext)
        #expect(sealed.range(of: plaintext) == nil)
        #expect(sealed.count == plaintext.count + 28)
    }

    @Test("sealing the same text twice gives different ciphertexts (fresh nonce)")
    func freshNonce() throws {
        #expect(try sealer.seal(plaintext, for: address) != sealer.seal(plaintext, for: address))
    }

    @Test("another data key cannot open a record")
    func wrongKey() throws {
        let other = RecordSealer(dataKey: try VaultHeader.create(passphrase: "first passphrase", kdf: testKDF).dataKey)
        let sealed = try sealer.seal(plaintext, for: address)
        #expect(throws: VaultError.damagedRecord) { try other.open(sealed, for: address) }
    }

    @Test("a flipped bit anywhere (nonce, ciphertext or tag) is detected", arguments: [0, 5, 11, 12, 20, 41, 56, 57])
    func flippedByte(offset: Int) throws {
        var sealed = try sealer.seal(plaintext, for: address)
        let index = sealed.startIndex + min(offset, sealed.count - 1)
        sealed[index] ^= 0x01
        #expect(throws: VaultError.damagedRecord) { try sealer.open(sealed, for: address) }
    }

    @Test("a truncated or empty ciphertext is refused")
    func truncated() throws {
        let sealed = try sealer.seal(plaintext, for: address)
        #expect(throws: VaultError.damagedRecord) { try sealer.open(sealed.dropLast(), for: address) }
        #expect(throws: VaultError.damagedRecord) { try sealer.open(Data(), for: address) }
    }

    @Test(
        "a ciphertext moved to another record, kind or format version does not open",
        arguments: [
            RecordAddress(id: "00000000-5d7e-4a8e-9a43-1f2b3c4d5e6f", kind: "note", formatVersion: 1),
            RecordAddress(id: "7f0c1a52-5d7e-4a8e-9a43-1f2b3c4d5e6f", kind: "incident", formatVersion: 1),
            RecordAddress(id: "7f0c1a52-5d7e-4a8e-9a43-1f2b3c4d5e6f", kind: "note", formatVersion: 2),
        ]
    )
    func movedCiphertext(to other: RecordAddress) throws {
        let sealed = try sealer.seal(plaintext, for: address)
        #expect(throws: VaultError.damagedRecord) { try sealer.open(sealed, for: other) }
    }

    @Test("JSON values round-trip through sealing")
    func jsonRoundTrip() throws {
        struct Payload: Codable, Equatable { let title: String; let body: String }
        let value = Payload(title: "Tuesday", body: "Ünïcödé and \"quotes\"")
        let sealed = try sealer.seal(json: value, for: address)
        #expect(try sealer.open(Payload.self, from: sealed, for: address) == value)
    }
}
