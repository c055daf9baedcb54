import Foundation
import UntetherCore

extension UnlockedVault {
    /// Everything the person wrote, opened and ready to index: notes, the journal, the log
    /// (with corrections), decisions, and what they wrote about contacts and urges. The result
    /// lives in memory only.
    public func searchDocuments(timeZone: TimeZone) async throws -> [SearchDocument] {
        func day(_ date: Date) -> CalendarDay { CalendarDay(date, in: timeZone) }
        func lines(_ parts: [String]) -> String { parts.filter { !$0.isEmpty }.joined(separator: "\n") }
        func firstLine(_ text: String, limit: Int = 80) -> String {
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return line.count > limit ? String(line.prefix(limit)) + "…" : line
        }

        var documents: [SearchDocument] = []
        for note in try await log(Note.self).all() {
            documents.append(SearchDocument(kind: .note, id: note.id.uuidString.lowercased(), date: day(note.createdAt), title: note.title, text: note.body))
        }
        for entry in try await log(JournalEntry.self).all() {
            documents.append(SearchDocument(
                kind: .journal, id: entry.id.uuidString.lowercased(), date: entry.date,
                title: firstLine(lines([entry.facts, entry.feelings, entry.truths])),
                text: lines([entry.facts, entry.feelings, entry.truths, entry.tags.map { "#" + $0 }.joined(separator: " ")])
            ))
        }
        for entry in try await evidence.entries() where !entry.isRemoved {
            guard let incident = entry.incident else { continue }
            documents.append(SearchDocument(
                kind: .log, id: incident.id.uuidString.lowercased(), date: incident.occurredOn,
                title: incident.kindMoment?.label ?? firstLine(incident.description),
                text: lines([incident.description, incident.location, incident.injuries, incident.witnesses]
                    + entry.amendments.flatMap { [$0.change, $0.reason] })
            ))
        }
        for decision in try await log(Decision.self).all() {
            documents.append(SearchDocument(
                kind: .decision, id: decision.id.uuidString.lowercased(), date: decision.madeOn, title: firstLine(decision.decision),
                text: lines([decision.decision, decision.gut, decision.chose, decision.outcome])
            ))
        }
        for contact in try await log(ContactEvent.self).all() where !contact.about.isEmpty {
            documents.append(SearchDocument(
                kind: .contact, id: contact.id.uuidString.lowercased(), date: day(contact.at), title: contact.channel.label, text: contact.about
            ))
        }
        for urge in try await log(Urge.self).all() where !(urge.triggerNote.isEmpty && urge.note.isEmpty) {
            documents.append(SearchDocument(
                kind: .urge, id: urge.id.uuidString.lowercased(), date: day(urge.at), title: "An urge to reach out",
                text: lines([urge.triggerNote, urge.note])
            ))
        }
        return documents
    }
}
