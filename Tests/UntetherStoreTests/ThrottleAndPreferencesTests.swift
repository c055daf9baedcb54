import Foundation
import Testing
import UntetherCore
@testable import UntetherStore
import UntetherVault

@Suite("Unlock throttling and preferences, on every backend")
struct ThrottleAndPreferencesTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("after five wrong passphrases the next try must wait, even with the right one; waiting it out works", arguments: Backend.allCases)
    func throttle(backend: Backend) async throws {
        let store = try backend.make()
        let vault = Vault(store: store)
        _ = try await vault.create(passphrase: testPassphrase, kdf: testKDF, now: start)
        for second in 0..<5 {
            await #expect(throws: VaultError.wrongPassphrase) { try await vault.unlock(passphrase: "guess \(second)", now: start.addingTimeInterval(Double(second))) }
        }
        let lastFailure = start.addingTimeInterval(4)
        #expect(try await vault.unlockWait(now: lastFailure) == 1)
        await #expect(throws: StoreError.tryAgainLater(seconds: 0.5)) {
            try await vault.unlock(passphrase: testPassphrase, now: lastFailure.addingTimeInterval(0.5))
        }
        // A refused attempt is not another failure: the wait does not grow.
        #expect(try await store.throttle().failures == 5)
        await #expect(throws: VaultError.wrongPassphrase) { try await vault.unlock(passphrase: "guess 6", now: lastFailure.addingTimeInterval(1)) }
        #expect(try await vault.unlockWait(now: lastFailure.addingTimeInterval(1)) == 2)
        _ = try await vault.unlock(passphrase: testPassphrase, now: lastFailure.addingTimeInterval(3))
        #expect(try await store.throttle() == UnlockThrottle())
    }

    @Test("the wait survives closing and reopening the vault file")
    func throttleSurvivesRestart() async throws {
        let directory = TemporaryDirectory.make()
        do {
            let vault = Vault(store: try SQLiteVaultStore(directory: directory))
            _ = try await vault.create(passphrase: testPassphrase, kdf: testKDF, now: start)
            for second in 0..<8 {
                _ = try? await vault.unlock(passphrase: "guess", now: start.addingTimeInterval(Double(second)))
            }
        }
        // Failures at 0–4 s, 5 s and 7 s count (6 s fell inside the wait): seven failures, the last at 7 s.
        let store = try SQLiteVaultStore(directory: directory)
        let reopened = Vault(store: store)
        #expect(try await store.throttle() == UnlockThrottle(failures: 7, lastFailure: start.addingTimeInterval(7)))
        #expect(try await reopened.unlockWait(now: start.addingTimeInterval(7)) == 4)
        await #expect(throws: StoreError.self) { try await reopened.unlock(passphrase: testPassphrase, now: start.addingTimeInterval(8)) }
    }

    @Test("preferences default to a bland name, and round-trip sealed", arguments: Backend.allCases)
    func preferences(backend: Backend) async throws {
        let store = try backend.make()
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: start).vault
        #expect(try await vault.document(Preferences.self) == Preferences())
        #expect(try await vault.document(Preferences.self).displayName == "Notes")
        let chosen = try Preferences.validated(displayName: "Recipes", exitSite: "https://example.org/soup", idleMinutes: 5)
        try await vault.save(chosen, now: start.addingTimeInterval(1))
        try await vault.save(chosen, now: start.addingTimeInterval(2))
        #expect(try await vault.document(Preferences.self) == chosen)
        let record = try #require(try await store.record(id: "preferences", kind: .preferences))
        #expect(record.sealed.range(of: Data("Recipes".utf8)) == nil)
        #expect(try await vault.log(Note.self).all().isEmpty)
    }
}

@Suite("Preferences validation")
struct PreferencesValidationTests {
    @Test("bad input is refused with a message", arguments: [
        ("", "https://example.org", 15, PreferencesError.emptyName),
        (String(repeating: "n", count: 41), "https://example.org", 15, .nameTooLong),
        ("Notes", "javascript:alert(1)", 15, .badExitSite),
        ("Notes", "example.org", 15, .badExitSite),
        ("Notes", "https://", 15, .badExitSite),
        ("Notes", "https://example.org", 0, .badIdleMinutes),
        ("Notes", "https://example.org", 61, .badIdleMinutes),
    ])
    func refused(name: String, site: String, minutes: Int, error: PreferencesError) {
        #expect(throws: error) { try Preferences.validated(displayName: name, exitSite: site, idleMinutes: minutes) }
    }

    @Test("good input is trimmed and kept")
    func accepted() throws {
        let preferences = try Preferences.validated(displayName: "  Shopping  ", exitSite: " http://localhost:9/x ", idleMinutes: 60)
        #expect(preferences.displayName == "Shopping")
        #expect(preferences.exitSite == "http://localhost:9/x")
        #expect(preferences.sessionPolicy.idleTimeout == 3600)
    }
}
