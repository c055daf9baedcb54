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
        ("Notes", "http://www.bbc.com/weather", 15, .badExitSite),
        ("Notes", "https://localhost/x", 15, .badExitSite),
        ("Notes", "https://127.0.0.1:8080/", 15, .badExitSite),
        ("Notes", "https://[::1]/", 15, .badExitSite),
        ("Notes", "https://192.168.1.1/", 15, .badExitSite),
        ("Notes", "https://10.0.0.5/", 15, .badExitSite),
        ("Notes", "https://172.20.0.1/", 15, .badExitSite),
        ("Notes", "https://router/", 15, .badExitSite),
        ("Notes", "https://printer.local/", 15, .badExitSite),
        ("Notes", "https://user:pass@www.bbc.com/", 15, .badExitSite),
        ("Notes", "https://me@www.bbc.com/", 15, .badExitSite),
        ("Notes", "https://0177.0.0.1/", 15, .badExitSite),
        ("Notes", "https://0x7f.1/", 15, .badExitSite),
        ("Notes", "https://2130706433/", 15, .badExitSite),
        ("Notes", "https://127.1/", 15, .badExitSite),
        ("Notes", "https://[::0:1]/", 15, .badExitSite),
        ("Notes", "https://[00::1]/", 15, .badExitSite),
        ("Notes", "https://[::ffff:127.0.0.1]/", 15, .badExitSite),
        ("Notes", "https://[fd00::1]/", 15, .badExitSite),
        ("Notes", "https://localhost./", 15, .badExitSite),
        ("Notes", "https://example.org", 0, .badIdleMinutes),
        ("Notes", "https://example.org", 61, .badIdleMinutes),
    ])
    func refused(name: String, site: String, minutes: Int, error: PreferencesError) {
        #expect(throws: error) { try Preferences.validated(displayName: name, exitSite: site, idleMinutes: minutes) }
    }

    @Test("good input is trimmed and kept")
    func accepted() throws {
        let preferences = try Preferences.validated(displayName: "  Shopping  ", exitSite: " https://www.bbc.com/weather?x=1 ", idleMinutes: 60)
        #expect(preferences.displayName == "Shopping")
        #expect(preferences.exitSite == "https://www.bbc.com/weather?x=1")
        #expect(Preferences.isPublicHTTPS("https://8.8.8.8/"))
        #expect(Preferences.isPublicHTTPS("https://news.example.org:8443/path"))
        #expect(Preferences.isPublicHTTPS("https://www.google.com/maps/@51.5,-0.12,15z"), "an @ in the path is not a user name")
        #expect(Preferences.isPublicHTTPS("https://[2001:4860:4860::8888]/"))
        #expect(preferences.sessionPolicy.idleTimeout == 3600)
    }
}

@Suite("The unlock throttle under attempts sent at once")
struct ThrottleConcurrencyTests {
    @Test("wrong passphrases sent together after the free tries: each one tried is counted, and none is tried while a wait runs", arguments: Backend.allCases)
    func parallelAttempts(backend: Backend) async throws {
        let store = try backend.make()
        let start = Date(timeIntervalSince1970: 2_000_000_000)
        _ = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: start)
        let vault = Vault(store: store)
        for _ in 0..<UnlockThrottle.freeAttempts {
            await #expect(throws: VaultError.wrongPassphrase) { try await vault.unlock(passphrase: "not it at all", now: start) }
        }
        // The first wait (1 s) has passed; twelve wrong attempts now arrive at the same moment.
        let later = start.addingTimeInterval(2)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    do {
                        _ = try await vault.unlock(passphrase: "still not it", now: later)
                        return "opened"
                    } catch VaultError.wrongPassphrase {
                        return "tried"
                    } catch StoreError.tryAgainLater {
                        return "refused"
                    } catch {
                        return "other"
                    }
                }
            }
            var all: [String] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.filter { $0 == "tried" }.count == 1)
        #expect(outcomes.filter { $0 == "refused" }.count == 11)
        let throttle = try await store.throttle()
        #expect(throttle.failures == UnlockThrottle.freeAttempts + 1)
        let failedInLog = try await store.accessEvents().filter { $0.kind == .failedUnlock }.count
        #expect(failedInLog == throttle.failures, "the stored count and the access log agree")
        // The right passphrase, once the wait is over, opens and clears the count.
        _ = try await vault.unlock(passphrase: testPassphrase, now: later.addingTimeInterval(60))
        #expect(try await store.throttle().failures == 0)
    }
}
