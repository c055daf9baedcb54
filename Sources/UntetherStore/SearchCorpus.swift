import Foundation
import UntetherCore

/// What each kind of record gives the search: one document per record, from opened values.
/// Pure functions, so a session can rebuild one kind's documents when only that kind changed.
public enum SearchCorpus {
    static func lines(_ parts: [String]) -> String { parts.filter { !$0.isEmpty }.joined(separator: "\n") }

    static func firstLine(_ text: String, limit: Int = 80) -> String {
        let line = text.split(maxSplits: 1, whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > limit ? String(line.prefix(limit)) + "…" : line
    }

    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    public static func documents(notes: [Note], timeZone: TimeZone) -> [SearchDocument] {
        notes.map { SearchDocument(kind: .note, id: key($0.id), date: CalendarDay($0.createdAt, in: timeZone), title: $0.title, text: $0.body) }
    }

    public static func documents(journal: [JournalEntry]) -> [SearchDocument] {
        journal.map { entry in
            SearchDocument(
                kind: .journal, id: key(entry.id), date: entry.date,
                title: firstLine(lines([entry.facts, entry.feelings, entry.truths])),
                text: lines([entry.facts, entry.feelings, entry.truths, entry.tags.map { "#" + $0 }.joined(separator: " ")])
            )
        }
    }

    public static func documents(log: [LogEntry]) -> [SearchDocument] {
        log.compactMap { entry in
            guard !entry.isRemoved, let incident = entry.incident else { return nil }
            return SearchDocument(
                kind: .log, id: key(incident.id), date: incident.occurredOn,
                title: incident.kindMoment?.label ?? firstLine(incident.description),
                text: lines([incident.description, incident.location, incident.injuries, incident.witnesses]
                    + entry.amendments.flatMap { [$0.change, $0.reason] })
            )
        }
    }

    public static func documents(decisions: [Decision]) -> [SearchDocument] {
        decisions.map { decision in
            SearchDocument(
                kind: .decision, id: key(decision.id), date: decision.madeOn, title: firstLine(decision.decision),
                text: lines([decision.decision, decision.gut, decision.chose, decision.outcome])
            )
        }
    }

    public static func documents(contacts: [ContactEvent], timeZone: TimeZone) -> [SearchDocument] {
        contacts.filter { !$0.about.isEmpty }.map { contact in
            SearchDocument(kind: .contact, id: key(contact.id), date: CalendarDay(contact.at, in: timeZone), title: contact.channel.label, text: contact.about)
        }
    }

    public static func documents(urges: [Urge], timeZone: TimeZone) -> [SearchDocument] {
        urges.filter { !($0.triggerNote.isEmpty && $0.note.isEmpty) }.map { urge in
            SearchDocument(
                kind: .urge, id: key(urge.id), date: CalendarDay(urge.at, in: timeZone), title: "An urge to reach out",
                text: lines([urge.triggerNote, urge.note])
            )
        }
    }

    public static func documents(flags: [FlagObservation]) -> [SearchDocument] {
        flags.map { observation in
            SearchDocument(
                kind: .flag, id: key(observation.id), date: observation.on, title: observation.person,
                text: lines([observation.person, observation.flags.map(\.label).joined(separator: "; "), observation.note])
            )
        }
    }

    /// The values document as one search document, dated the day it was last saved; nothing
    /// when the person has written nothing there.
    public static func documents(values: ValuesPlan, savedOn: CalendarDay) -> [SearchDocument] {
        let text = lines(values.own + [values.treatMyself, values.treatOthers, values.days, values.statement])
        guard !text.isEmpty else { return [] }
        return [SearchDocument(kind: .values, id: "values", date: savedOn, title: "What matters to me", text: text)]
    }

    /// Each planned swap, and each try with a note.
    public static func documents(swaps: SwapPlan, tries: [SwapTry], savedOn: CalendarDay, timeZone: TimeZone) -> [SearchDocument] {
        swaps.planned.compactMap { swap in
            swaps.entry(swap).map { entry in
                SearchDocument(kind: .swap, id: "plan-" + swap.rawValue, date: savedOn, title: swap.to, text: lines([entry.notice, entry.attempt]))
            }
        } + tries.filter { !$0.note.isEmpty }.map { attempt in
            SearchDocument(kind: .swap, id: key(attempt.id), date: CalendarDay(attempt.at, in: timeZone), title: attempt.swap.to, text: attempt.note)
        }
    }

    public static func documents(wins: [Victory]) -> [SearchDocument] {
        wins.map { SearchDocument(kind: .win, id: key($0.id), date: $0.on, title: firstLine($0.text), text: $0.text) }
    }

    public static func documents(kinder: [KinderVoice], timeZone: TimeZone) -> [SearchDocument] {
        kinder.map { entry in
            SearchDocument(
                kind: .kinder, id: key(entry.id), date: CalendarDay(entry.at, in: timeZone), title: firstLine(entry.belief),
                text: lines([entry.belief, entry.supports, entry.against, entry.kinder])
            )
        }
    }

    /// Each part of the Step 7 plan with a note.
    public static func documents(ahead: StayingFreePlan, savedOn: CalendarDay) -> [SearchDocument] {
        (StayingFreePlan.maintenance + StayingFreePlan.resilience).compactMap { part in
            let entry = ahead.entry(part)
            guard !entry.note.isEmpty else { return nil }
            return SearchDocument(kind: .ahead, id: part.id, date: savedOn, title: part.title, text: entry.note)
        }
    }

    /// The boundaries and lines as one document, and each time one was held.
    public static func documents(boundaries: BoundaryPlan, held: [BoundaryHeld], savedOn: CalendarDay) -> [SearchDocument] {
        let text = lines(boundaries.mine + boundaries.practice)
        let plan = text.isEmpty ? [] : [SearchDocument(kind: .boundary, id: "boundaries", date: savedOn, title: "My boundaries", text: text)]
        return plan + held.map { SearchDocument(kind: .boundary, id: key($0.id), date: $0.on, title: firstLine($0.boundary), text: lines([$0.boundary, $0.note])) }
    }

    public static func documents(goals: [Goal], interests: [Interest], timeZone: TimeZone) -> [SearchDocument] {
        goals.map { goal in
            SearchDocument(kind: .goal, id: key(goal.id), date: CalendarDay(goal.createdAt, in: timeZone), title: goal.title, text: lines([goal.title] + goal.steps.map(\.text)))
        } + interests.map { interest in
            SearchDocument(kind: .goal, id: key(interest.id), date: CalendarDay(interest.createdAt, in: timeZone), title: interest.name, text: interest.name)
        }
    }

    public static func documents(toolkit: Toolkit, savedOn: CalendarDay) -> [SearchDocument] {
        let text = lines(toolkit.items.map(\.text))
        return text.isEmpty ? [] : [SearchDocument(kind: .toolkit, id: "toolkit", date: savedOn, title: "My calming toolkit", text: text)]
    }

    /// The record kinds each search kind is made from.
    public static func recordKinds(of kind: SearchDocument.Kind) -> [RecordKind] {
        switch kind {
        case .note: [.note]
        case .journal: [.journal]
        case .log: OpenedEvidence.kinds
        case .decision: [.decision]
        case .contact: [.contact]
        case .urge: [.urge]
        case .flag: [.flagObservation]
        case .values: [.values]
        case .swap: [.swapPlan, .swapTry]
        case .win: [.victory]
        case .kinder: [.kinderVoice]
        case .ahead: [.stayingFree]
        case .boundary: [.boundaries, .boundaryHeld]
        case .goal: [.goal, .interest]
        case .toolkit: [.toolkit]
        }
    }
}

extension UnlockedVault {
    /// Everything the person wrote, opened and ready to index: notes, the journal, the log
    /// (with corrections), decisions, and what they wrote about contacts and urges. The result
    /// lives in memory only.
    public func searchDocuments(timeZone: TimeZone) async throws -> [SearchDocument] {
        /// The day a document was last saved, for its search result.
        func savedOn<Value: SealedDocument>(_ type: Value.Type) async throws -> CalendarDay {
            CalendarDay(try await documentSavedAt(type) ?? Date(), in: timeZone)
        }
        return SearchCorpus.documents(notes: try await log(Note.self).all(), timeZone: timeZone)
            + SearchCorpus.documents(journal: try await log(JournalEntry.self).all())
            + SearchCorpus.documents(log: try await evidence.entries())
            + SearchCorpus.documents(decisions: try await log(Decision.self).all())
            + SearchCorpus.documents(contacts: try await log(ContactEvent.self).all(), timeZone: timeZone)
            + SearchCorpus.documents(urges: try await log(Urge.self).all(), timeZone: timeZone)
            + SearchCorpus.documents(flags: try await log(FlagObservation.self).all())
            + SearchCorpus.documents(wins: try await log(Victory.self).all())
            + SearchCorpus.documents(ahead: try await document(StayingFreePlan.self), savedOn: try await savedOn(StayingFreePlan.self))
            + SearchCorpus.documents(toolkit: try await document(Toolkit.self), savedOn: try await savedOn(Toolkit.self))
            + SearchCorpus.documents(goals: try await log(Goal.self).all(), interests: try await log(Interest.self).all(), timeZone: timeZone)
            + SearchCorpus.documents(
                boundaries: try await document(BoundaryPlan.self), held: try await log(BoundaryHeld.self).all(), savedOn: try await savedOn(BoundaryPlan.self)
            )
            + SearchCorpus.documents(kinder: try await log(KinderVoice.self).all(), timeZone: timeZone)
            + SearchCorpus.documents(values: try await document(ValuesPlan.self), savedOn: try await savedOn(ValuesPlan.self))
            + SearchCorpus.documents(
                swaps: try await document(SwapPlan.self), tries: try await log(SwapTry.self).all(), savedOn: try await savedOn(SwapPlan.self), timeZone: timeZone
            )
    }
}
