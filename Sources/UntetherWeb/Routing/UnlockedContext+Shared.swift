import Foundation
import Hummingbird
import Plot
import UntetherCore
import UntetherStore

/// What several sections need from an unlocked request, kept here so route files never reach
/// into each other.
extension UnlockedContext {
    /// "Now" and today for this person: their time zone when they chose one, else the computer's.
    func clock(_ environment: WebEnvironment) -> PersonalClock {
        environment.clock(session)
    }

    /// The streak as the person's situation asks for it; nil until they have said.
    /// Pass `events` when the contact log was just read.
    func streak(_ environment: WebEnvironment, events: [ContactEvent]? = nil) async throws -> StreakView? {
        guard let mode = try await vault.document(Preferences.self).contactMode else { return nil }
        let clock = clock(environment)
        let summary = try await vault.log(ContactEvent.self).summary(mode: mode, now: clock.now, timeZone: clock.timeZone, events: events)
        return StreakView(summary: summary, now: clock.now, timeZone: clock.timeZone)
    }

    /// The person's safe people, in the order they were added.
    func safePeople() async throws -> [SafePerson] {
        try await vault.log(SafePerson.self).inOrderAdded()
    }

    /// The help lines for the region the person chose, if they chose one.
    func region(_ environment: WebEnvironment) -> HelpRegion? {
        environment.helpLines.region(session.preferences.regionCode)
    }

    /// The calm card offered after something hard was saved, or nothing.
    func care(_ environment: WebEnvironment, when offered: Bool) async throws -> Node<HTML.BodyContext> {
        guard offered else { return .empty }
        return CareCard.render(region: region(environment), people: try await safePeople())
    }

    /// The session's search index (see `SearchIndexCache`).
    func searchIndex(_ environment: WebEnvironment) async throws -> SearchIndex {
        try await SearchIndexCache.index(vault, cache: session.cache, timeZone: clock(environment).timeZone)
    }
}

/// The search index of a session: built from everything opened, kept until the vault changes,
/// and dropped when the session locks.
enum SearchIndexCache {
    static func index(_ vault: UnlockedVault, cache: SessionCache?, timeZone: TimeZone) async throws -> SearchIndex {
        try await OpenedRecords(vault: vault, cache: cache).values(key) {
            SearchIndex(try await vault.searchDocuments(timeZone: timeZone))
        }
    }

    static let key = "search"
}

/// A feature's routes that need an open vault, registered on the unlocked group.
protocol UnlockedRoutes {
    func register(on routes: RouterGroup<UnlockedContext>)
}
