import Foundation
import Testing
@testable import UntetherCore

@Suite("Search over everything the person wrote")
struct SearchTests {
    static let documents = [
        SearchDocument(kind: .journal, id: "j1", date: "2026-03-02", title: "Kitchen",
                       text: "He said I was imagining it. I know he threw the plate. Café was closed."),
        SearchDocument(kind: .log, id: "l1", date: "2026-03-01", title: "Plate thrown",
                       text: "Threw a plate at the wall in the kitchen. Said sorry the next day."),
        SearchDocument(kind: .note, id: "n1", date: "2026-02-20", title: "Shopping", text: "Milk, bread, plates for the new flat"),
        SearchDocument(kind: .decision, id: "d1", date: "2026-03-05", title: "Go to the café alone",
                       text: "Go to the CAFE alone on Saturday\nMy gut said yes"),
        SearchDocument(kind: .contact, id: "c1", date: "2026-03-04", title: "Email", text: "He said sorry again and asked to meet"),
        SearchDocument(kind: .urge, id: "u1", date: "2026-03-06", title: "An urge to reach out", text: "Saw his car outside the café"),
    ]
    static let index = SearchIndex(documents)

    static func ids(_ text: String, kinds: Set<SearchDocument.Kind> = [], from: CalendarDay? = nil, to: CalendarDay? = nil) -> [String] {
        index.search(.parse(text, kinds: kinds, from: from, to: to)).map(\.id)
    }

    @Test("case and accents never matter, either way round")
    func foldsCaseAndAccents() {
        #expect(Self.ids("cafe") == ["u1", "d1", "j1"])
        #expect(Self.ids("CAFÉ") == ["u1", "d1", "j1"])
        #expect(Self.ids("Café") == Self.ids("cafe"))
    }

    @Test("every word must match; a word matches the start of longer words")
    func allWordsPrefix() {
        #expect(Self.ids("plate kitchen") == ["j1", "l1"])
        #expect(Self.ids("plate") == ["j1", "l1", "n1"], "plate finds plates too")
        #expect(Self.ids("imagin") == ["j1"])
        #expect(Self.ids("he") == ["c1", "j1"], "short words match only whole words")
    }

    @Test("a quoted phrase needs its words together and in order")
    func phrases() {
        #expect(Self.ids("\"said sorry\"") == ["c1", "l1"])
        #expect(Self.ids("\"sorry said\"").isEmpty)
        #expect(Self.ids("\"threw the plate\"") == ["j1"])
        #expect(Self.ids("\"the plate\" kitchen") == ["j1"])
    }

    @Test("results are found across kinds, newest first, and can be narrowed by kind and day")
    func kindsAndDays() {
        #expect(Self.ids("sorry") == ["c1", "l1"])
        #expect(Self.ids("sorry", kinds: [.log]) == ["l1"])
        #expect(Self.ids("cafe", kinds: [.decision, .urge]) == ["u1", "d1"])
        #expect(Self.ids("cafe", from: "2026-03-03", to: "2026-03-05") == ["d1"])
        #expect(Set(Self.index.search(.parse("said")).map(\.kind)) == [.journal, .log, .contact, .decision])
    }

    @Test("no results: unknown words, empty queries, punctuation only")
    func noResults() {
        #expect(Self.ids("xylophone").isEmpty)
        #expect(Self.ids("plate xylophone").isEmpty)
        #expect(Self.ids("").isEmpty)
        #expect(Self.ids("  ?! \"\" ").isEmpty)
        #expect(SearchIndex([]).search(.parse("anything")).isEmpty)
    }

    @Test("the snippet marks exactly the matching words, in the person's own spelling")
    func snippetMarks() throws {
        let hit = try #require(Self.index.search(.parse("\"threw the plate\" imagining")).first)
        let characters = Array(hit.snippet)
        let marked = hit.marks.map { String(characters[$0]) }
        #expect(marked == ["imagining", "threw the plate"])
        let accented = try #require(Self.index.search(.parse("cafe"), limit: 10).first { $0.id == "j1" })
        #expect(accented.marks.map { String(Array(accented.snippet)[$0]) } == ["Café"])
    }

    @Test("long texts are cut around the first match, with marks still in the right place")
    func longSnippet() throws {
        let long = String(repeating: "Nothing much happened that day. ", count: 40) + "Then the door slammed." + String(repeating: " More words.", count: 40)
        let index = SearchIndex([SearchDocument(kind: .note, id: "x", date: "2026-01-01", title: "Long", text: long)])
        let hit = try #require(index.search(.parse("slammed")).first)
        #expect(hit.snippet.hasPrefix("…") && hit.snippet.hasSuffix("…"))
        #expect(hit.snippet.count <= 182)
        #expect(hit.marks.count == 1)
        #expect(String(Array(hit.snippet)[hit.marks[0]]) == "slammed")
    }

    @Test("skipping plain text that cannot match gives the same snippet as reading every word")
    func skipAhead() {
        let texts = [
            "Nothing here. Then WORK at the workplace, homework and worked late", "café Work", "Éric worked; work",
            "I didn’t go to work", "homework only", "a b c work", "work", "", "they're working", "x'work y",
            String(repeating: "filler words ", count: 50) + "Work done. " + String(repeating: "more ", count: 50) + "work again",
            "Said SORRY then said sorry again", "ÉCOLE school sorry",
        ]
        let queries = ["work", "wo", "\"said sorry\"", "sorry work", "ecole", "didn't", "they're"].map { SearchQuery.parse($0) }
        for (number, text) in texts.enumerated() {
            let document = SearchDocument(kind: .note, id: String(number), date: "2026-01-01", title: "T", text: text)
            for query in queries {
                #expect(SearchIndex.hit(document, query: query) == SearchIndex.hit(document, query: query, skipAhead: false), "\(text) / \(query)")
            }
        }
    }

    @Test("line breaks of every kind become single spaces, and marks stay on the words")
    func lineBreaks() throws {
        let text = "First line\r\nthe door\rslammed\nand then café\r\n\r\nslammed again"
        let index = SearchIndex([SearchDocument(kind: .note, id: "x", date: "2026-01-01", title: "", text: text)])
        let hit = try #require(index.search(.parse("slammed")).first)
        #expect(hit.snippet == "First line the door slammed and then café  slammed again")
        #expect(hit.marks.count == 2)
        for mark in hit.marks { #expect(String(Array(hit.snippet)[mark]) == "slammed") }
        #expect(SearchIndex.oneLine("no breaks" as Substring) == "no breaks")
    }

    @Test("queries are parsed into words and phrases, folded and without repeats")
    func parsing() {
        let query = SearchQuery.parse("Émile \"Went OUT\" emile angry \"x\"")
        #expect(query.words == ["emile", "angry", "x"])
        #expect(query.phrases == [["went", "out"]])
    }

    @Test("apostrophes stay inside words, curly or straight")
    func apostrophes() {
        let index = SearchIndex([SearchDocument(kind: .note, id: "a", date: "2026-01-01", title: "", text: "I didn’t start it")])
        #expect(index.search(.parse("didn't")).map(\.id) == ["a"])
        #expect(index.search(.parse("\"didn't start\"")).map(\.id) == ["a"])
    }
}

@Suite("The journal, milestones and decisions")
struct JournalTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("an entry needs a real, past day and at least one of the three parts; tags are tidied")
    func entryValidation() throws {
        func make(date: String = "2026-11-20", facts: String = "", feelings: String = "", truths: String = "", mood: Int? = nil,
                  tags: [String] = []) throws(JournalError) -> JournalEntry {
            try JournalEntry.validated(id: UUID(), date: date, facts: facts, feelings: feelings, truths: truths, mood: mood, tags: tags,
                                       createdAt: Self.now, updatedAt: Self.now, today: "2026-11-25")
        }
        #expect(throws: JournalError.empty) { try make() }
        #expect(throws: JournalError.empty) { try make(facts: "  \n ") }
        #expect(throws: JournalError.badDate) { try make(date: "20/11/2026", facts: "x") }
        #expect(throws: JournalError.futureDate) { try make(date: "2026-11-26", facts: "x") }
        #expect(throws: JournalError.badMood) { try make(truths: "x", mood: 6) }
        #expect(throws: JournalError.tooManyTags) { try make(facts: "x", tags: (0...JournalEntry.maxTags).map { "t\($0)" }) }
        let entry = try make(feelings: " scared ", tags: ["#Mum", "mum", " work ", ""])
        #expect(entry.feelings == "scared")
        #expect(entry.tags == ["mum", "work"])
        #expect(try JournalEntry.tags(fromText: "a, b ,,#c") == ["a", "b", "c"])
    }

    @Test("a decision is due on its look-back day until reviewed, and counts when the gut was right and it went well")
    func decisions() throws {
        let decision = try Decision.validated(id: UUID(), madeOn: "2026-11-20", decision: "Go to the class", gut: "Yes", chose: "Went", reviewOn: "2026-11-27")
        #expect(!decision.isDue(today: "2026-11-26"))
        #expect(decision.isDue(today: "2026-11-27"))
        #expect(throws: JournalError.empty) { try decision.reviewed(outcome: " ", wentWell: nil, gutCheck: nil) }
        let reviewed = try decision.reviewed(outcome: "I enjoyed it", wentWell: true, gutCheck: .right)
        #expect(!reviewed.isDue(today: "2026-12-01"))
        let partly = try decision.reviewed(outcome: "", wentWell: true, gutCheck: .partly)
        #expect(Decision.trustedAndWentWell([decision, reviewed, partly, reviewed]) == 2)
        #expect(throws: JournalError.empty) { try Decision.validated(id: UUID(), madeOn: "2026-11-20", decision: "", gut: "", chose: "", reviewOn: "2026-11-21") }
        let early = try Decision.validated(id: UUID(), madeOn: "2026-11-20", decision: "x", gut: "", chose: "", reviewOn: "2026-11-01")
        #expect(early.reviewOn == "2026-11-20", "a look-back day before the decision moves to the decision's day")
    }

    @Test("milestones need a past day")
    func milestones() throws {
        #expect(throws: JournalError.futureDate) { try Milestone.validated(id: UUID(), date: "2030-01-01", kind: .met, note: "", today: "2026-11-25") }
        let met = try Milestone.validated(id: UUID(), date: "2019-06-01", kind: .met, note: " At a party ", today: "2026-11-25")
        #expect(met.note == "At a party")
        #expect(met.day == CalendarDay("2019-06-01").startUTC)
    }
}

@Suite("Search index kept up to date in place")
struct IncrementalSearchTests {
    static func document(_ kind: SearchDocument.Kind, _ id: String, _ day: String, _ text: String) -> SearchDocument {
        SearchDocument(kind: kind, id: id, date: CalendarDay(day)!, title: "", text: text)
    }

    @Test("replacing one kind's documents gives the same results as building the index again")
    func replaceMatchesRebuild() {
        let notes = (0..<40).map { Self.document(.note, "n\($0)", "2026-10-\(String(format: "%02d", $0 % 28 + 1))", "note \($0) about the garden and bread") }
        let journal = (0..<40).map { Self.document(.journal, "j\($0)", "2026-09-\(String(format: "%02d", $0 % 28 + 1))", "journal \($0) walked to the shop") }
        var index = SearchIndex(notes + journal)
        // Change some notes, drop some, add a new word; the journal is untouched.
        var changed = notes.filter { !$0.id.hasSuffix("3") }
        changed[0] = Self.document(.note, "n0", "2026-10-01", "note zero now mentions a xylophone")
        changed.append(Self.document(.note, "n99", "2026-11-01", "a brand new note about bread"))
        index.replace(kind: .note, with: changed)
        let fresh = SearchIndex(changed + journal)
        for words in ["bread", "garden", "xylophone", "shop", "note", "\"walked to\"", "xylo", "n3"] {
            let query = SearchQuery.parse(words)
            #expect(index.search(query, limit: 500) == fresh.search(query, limit: 500), "\(words)")
        }
        #expect(index.count == changed.count + journal.count)
        #expect(index.search(SearchQuery.parse("garden"), limit: 500).allSatisfy { $0.id != "n3" && $0.id != "n13" })
    }

    @Test("many changes rebuild the index, and it still answers the same")
    func compaction() {
        var documents = (0..<400).map { Self.document(.journal, "j\($0)", "2026-01-01", "entry \($0) with words") }
        var index = SearchIndex(documents)
        for round in 0..<3 {
            documents = documents.map { Self.document(.journal, $0.id, "2026-01-01", "entry round\(round) with other words") }
            index.replace(kind: .journal, with: documents)
        }
        #expect(index.count == 400)
        #expect(index.search(SearchQuery.parse("round2"), offset: 0, limit: 10).total == 400)
        #expect(index.search(SearchQuery.parse("round1"), offset: 0, limit: 10).total == 0)
    }

    @Test("a page of results counts every match but makes snippets only for the page")
    func pages() {
        let documents = (0..<75).map { Self.document(.journal, "j\($0)", "2026-01-\(String(format: "%02d", $0 % 28 + 1))", "the word apple \($0)") }
        let index = SearchIndex(documents)
        let query = SearchQuery.parse("apple")
        let all = index.search(query, limit: 1_000)
        let second = index.search(query, offset: 30, limit: 30)
        #expect(second.total == 75)
        #expect(second.hits == Array(all[30..<60]))
        #expect(index.search(query, offset: 60, limit: 30).hits.count == 15)
        #expect(index.search(query, offset: 90, limit: 30).hits.isEmpty)
    }

    @Test("a one-off scan finds what the index finds")
    func scanMatchesIndex() {
        let documents = [
            Self.document(.journal, "a", "2026-01-01", "We went out for dinner. It was fine."),
            Self.document(.journal, "b", "2026-01-02", "They didn’t call back."),
            Self.document(.note, "c", "2026-01-03", "Dinner plans: Éclair and coffee"),
            Self.document(.note, "d", "2026-01-04", "Nothing to see"),
            Self.document(.log, "e", "2026-01-02", "Dinner went badly. We went out anyway"),
            Self.document(.journal, "f", "2026-01-02", "we ate in; no dinner out"),
            Self.document(.note, "g", "2026-01-02", "WE WENT OUT\r\nto dinner"),
        ]
        let index = SearchIndex(documents)
        for words in ["dinner", "din", "\"went out\"", "eclair", "didn't", "nothing see", "absent", "éclair coffee", "we", "w", "out dinner"] {
            let day = CalendarDay(stringLiteral: "2026-01-02")
            let filters: [(kinds: Set<SearchDocument.Kind>, from: CalendarDay?, to: CalendarDay?)] = [([], nil, nil), ([.note], nil, nil), ([], day, day)]
            for (kinds, from, to) in filters {
                let query = SearchQuery.parse(words, kinds: kinds, from: from, to: to)
                #expect(SearchIndex.scan(documents, for: query, limit: 100) == index.search(query, limit: 100), "\(words) \(kinds)")
                #expect(SearchIndex.scan(documents, for: query, limit: 2) == index.search(query, limit: 2), "\(words) \(kinds)")
            }
        }
    }
}
