import Foundation
import Plot
import UntetherCore
import UntetherStore

/// Step 4: the reality journal and "check my memory".
enum JournalPages {

    /// What the journal form holds, as typed.
    struct Form {
        var date: String
        var facts = ""
        var feelings = ""
        var truths = ""
        var mood = ""
        var tags = ""

        init(date: String) {
            self.date = date
        }

        init(_ entry: JournalEntry) {
            date = entry.date.description
            facts = entry.facts
            feelings = entry.feelings
            truths = entry.truths
            mood = entry.mood.map(String.init) ?? ""
            tags = entry.tags.joined(separator: ", ")
        }

        init(_ form: FormFields) {
            date = form["date"]
            facts = form["facts"]
            feelings = form["feelings"]
            truths = form["truths"]
            mood = form["mood"]
            tags = form["tags"]
        }

        func entry(id: UUID, createdAt: Date, now: Date, today: CalendarDay) throws(JournalError) -> JournalEntry {
            var moodValue: Int?
            if !mood.isEmpty {
                guard let value = Int(mood) else { throw .badMood }
                moodValue = value
            }
            return try JournalEntry.validated(
                id: id, date: date, facts: facts, feelings: feelings, truths: truths, mood: moodValue,
                tags: try JournalEntry.tags(fromText: tags), createdAt: createdAt, updatedAt: now, today: today
            )
        }
    }

    static let moodLabels = [1: "1 very low", 2: "2 low", 3: "3 okay", 4: "4 good", 5: "5 very good"]

    static func preview(_ entry: JournalEntry) -> String {
        let text = [entry.facts, entry.feelings, entry.truths].first { !$0.isEmpty } ?? ""
        // Only the start is looked at: the first line, up to 90 characters (an entry can be long).
        let start = text.prefix { !$0.isNewline }.prefix(91)
        return start.count > 90 ? String(start.prefix(90)) + "…" : String(start)
    }

    /// What the person wrote before about the same day (and the same tags).
    struct MemoryView {
        let date: CalendarDay
        let journal: [JournalEntry]
        let log: [Incident]
        let sameTags: [JournalEntry]
        let excluding: UUID?
    }
}
