import Foundation
import Testing
import UntetherCore
@testable import UntetherStore
import UntetherVault

@Suite("Contact log, on every backend")
struct ContactLogTests {
    let clock = TestClock()

    @Test("contacts are sealed, listed newest first, deletable, and feed the streak", arguments: Backend.allCases)
    func lifecycle(backend: Backend) async throws {
        let store = try backend.make()
        let vault = try await Vault(store: store).create(passphrase: testPassphrase, kdf: testKDF, now: clock.tick()).vault
        let older = ContactEvent(id: UUID(), at: clock.tick(), channel: .text, initiatedBy: .them, necessary: true, about: "school pick-up CANARY-about")
        let newer = ContactEvent(id: UUID(), at: clock.tick(), channel: .call, initiatedBy: .me, necessary: false, feelingBefore: 2, feelingAfter: 6)
        try await vault.log(ContactEvent.self).add(older)
        try await vault.log(ContactEvent.self).add(newer)
        #expect(try await vault.log(ContactEvent.self).all() == [newer, older])
        let record = try #require(try await store.record(id: older.id.uuidString.lowercased(), kind: .contact))
        #expect(record.sealed.range(of: Data("CANARY-about".utf8)) == nil)
        await #expect(throws: ContactLogError.feelingOutOfRange) {
            try await vault.log(ContactEvent.self).add(ContactEvent(id: UUID(), at: clock.tick(), channel: .email, initiatedBy: .me, necessary: false, feelingAfter: 12))
        }
        let summary = try await vault.log(ContactEvent.self).summary(mode: .lowContact, now: clock.tick(), timeZone: TimeZone(identifier: "UTC")!)
        #expect(summary.current == 0)
        #expect(summary.lastContact == newer.at)
        try await vault.log(ContactEvent.self).delete(newer.id)
        #expect(try await vault.log(ContactEvent.self).all() == [older])
    }
}
