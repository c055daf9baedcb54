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
    func streak(_ environment: WebEnvironment, revisions known: [String: Int]? = nil) async throws -> StreakView? {
        let opened = opened
        let revisions = if let known { known } else { try await opened.revisions() }
        guard let mode = try await opened.document(Preferences.self, revisions: revisions).contactMode else { return nil }
        let clock = clock(environment)
        let vault = vault
        // Worked out once a day (and again after a contact is logged or deleted).
        let key = "streak:\(mode.rawValue):\(clock.today):\(clock.timeZone.identifier)"
        let summary = try await opened.derived(key, from: [.contact], revisions: revisions) { (_: Streaks.Summary?, revisions) in
            let events = try await opened.all(ContactEvent.self, revisions: revisions)
            return try await vault.log(ContactEvent.self).summary(mode: mode, now: clock.now, timeZone: clock.timeZone, events: events)
        }
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

    /// The day-by-day plan, today's card and the person's day, from the plan and their recent records.
    func planToday(clock: PersonalClock, revisions known: [String: Int]?) async throws -> (PlanState, PlanToday, CalendarDay) {
        let opened = opened
        let revisions = if let known { known } else { try await opened.revisions() }
        let state = try await opened.document(PlanState.self, revisions: revisions)
        guard state.isStarted else { return (state, PlanToday(kind: .sequence, day: 1, reason: nil), clock.today) }
        let signals = PlanSignals.from(
            contacts: try await opened.all(ContactEvent.self, revisions: revisions), checkIns: try await opened.all(CheckIn.self, revisions: revisions),
            urges: try await opened.all(Urge.self, revisions: revisions), incidents: try await opened.incidents(revisions: revisions), timeZone: clock.timeZone
        )
        return (state, PlanToday.of(state, today: clock.today, signals: signals), clock.today)
    }

    /// The session's search index (see `SearchIndexCache`).
    func searchIndex(_ environment: WebEnvironment) async throws -> SearchIndex {
        try await SearchIndexCache.index(opened, timeZone: clock(environment).timeZone)
    }
}

/// The search index of a session: built from the opened records, updated one kind at a time
/// when that kind changes (only its new or changed documents are indexed again), and dropped
/// when the session locks.
enum SearchIndexCache {
    struct State: Sendable {
        var index = SearchIndex([])
        var stamps: [SearchDocument.Kind: [Int]] = [:]
        /// Days are worked out in this time zone; another one starts again.
        var timeZone = ""
    }

    static let recordKinds = SearchDocument.Kind.allCases.flatMap(SearchCorpus.recordKinds(of:))

    static func index(_ opened: OpenedRecords, timeZone: TimeZone) async throws -> SearchIndex {
        try await opened.derived(key, from: recordKinds + [.preferences]) { (previous: State?, revisions) in
            var state = previous.flatMap { $0.timeZone == timeZone.identifier ? $0 : nil } ?? State(timeZone: timeZone.identifier)
            for kind in SearchDocument.Kind.allCases {
                let stamp = SearchCorpus.recordKinds(of: kind).map { revisions[$0.rawValue] ?? 0 }
                guard state.stamps[kind] != stamp else { continue }
                let documents: [SearchDocument] = switch kind {
                case .note: SearchCorpus.documents(notes: try await opened.all(Note.self, revisions: revisions), timeZone: timeZone)
                case .journal: SearchCorpus.documents(journal: try await opened.all(JournalEntry.self, revisions: revisions))
                case .log: SearchCorpus.documents(log: try await opened.logEntries(revisions: revisions))
                case .decision: SearchCorpus.documents(decisions: try await opened.all(Decision.self, revisions: revisions))
                case .contact: SearchCorpus.documents(contacts: try await opened.all(ContactEvent.self, revisions: revisions), timeZone: timeZone)
                case .urge: SearchCorpus.documents(urges: try await opened.all(Urge.self, revisions: revisions), timeZone: timeZone)
                case .flag: SearchCorpus.documents(flags: try await opened.all(FlagObservation.self, revisions: revisions))
                case .toolkit:
                    SearchCorpus.documents(
                        toolkit: try await opened.document(Toolkit.self, revisions: revisions),
                        savedOn: try await opened.documentSavedOn(Toolkit.self, timeZone: timeZone, revisions: revisions)
                    )
                case .goal:
                    SearchCorpus.documents(
                        goals: try await opened.all(Goal.self, revisions: revisions), interests: try await opened.all(Interest.self, revisions: revisions), timeZone: timeZone
                    )
                case .boundary:
                    SearchCorpus.documents(
                        boundaries: try await opened.document(BoundaryPlan.self, revisions: revisions), held: try await opened.all(BoundaryHeld.self, revisions: revisions),
                        savedOn: try await opened.documentSavedOn(BoundaryPlan.self, timeZone: timeZone, revisions: revisions)
                    )
                case .ahead:
                    SearchCorpus.documents(
                        ahead: try await opened.document(StayingFreePlan.self, revisions: revisions),
                        savedOn: try await opened.documentSavedOn(StayingFreePlan.self, timeZone: timeZone, revisions: revisions)
                    )
                case .win: SearchCorpus.documents(wins: try await opened.all(Victory.self, revisions: revisions))
                case .kinder: SearchCorpus.documents(kinder: try await opened.all(KinderVoice.self, revisions: revisions), timeZone: timeZone)
                case .values:
                    SearchCorpus.documents(
                        values: try await opened.document(ValuesPlan.self, revisions: revisions),
                        savedOn: try await opened.documentSavedOn(ValuesPlan.self, timeZone: timeZone, revisions: revisions)
                    )
                case .swap:
                    SearchCorpus.documents(
                        swaps: try await opened.document(SwapPlan.self, revisions: revisions), tries: try await opened.all(SwapTry.self, revisions: revisions),
                        savedOn: try await opened.documentSavedOn(SwapPlan.self, timeZone: timeZone, revisions: revisions), timeZone: timeZone
                    )
                }
                state.index.replace(kind: kind, with: documents)
                state.stamps[kind] = stamp
            }
            return state
        }.index
    }

    static let key = "search"
}

/// A feature's routes that need an open vault, registered on the unlocked group.
protocol UnlockedRoutes {
    func register(on routes: RouterGroup<UnlockedContext>)
}
