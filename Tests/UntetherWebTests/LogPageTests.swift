import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import UntetherCore
import UntetherStore
import UntetherVault
@testable import UntetherWeb

@Suite("Log pages: writing, reading, amending, removing, filtering, the check code")
struct LogPageTests {
    // MARK: Helpers

    /// The entry id from a redirect such as "/log/<id>?done=saved".
    static func entryID(from location: String?) throws -> String {
        let location = try #require(location)
        #expect(location.hasPrefix("/log/"))
        return String(location.dropFirst("/log/".count).prefix { $0 != "?" })
    }

    /// The vault behind the app, opened the way the CLI would, to check what was really saved.
    static func openVault(_ app: TestApp) async throws -> UnlockedVault {
        let store = try #require(try await app.home.existingStore())
        return try await Vault(store: store).unlock(passphrase: testPassphrase, now: app.clock.now)
    }

    /// The whole `<input …>` tag with this id, or nil.
    static func inputTag(_ html: String, id: String) -> String? {
        guard let idRange = html.range(of: "id=\"\(id)\"") else { return nil }
        guard let start = html[..<idRange.lowerBound].range(of: "<input", options: .backwards),
              let end = html[idRange.upperBound...].firstIndex(of: ">") else { return nil }
        return String(html[start.lowerBound...end])
    }

    static func isChecked(_ html: String, id: String) -> Bool {
        inputTag(html, id: id)?.contains(" checked") == true
    }

    /// The part of the page between an element's opening tag (found by id) and `closing`.
    static func section(_ html: String, id: String, closing: String) -> String {
        guard let start = html.range(of: "id=\"\(id)\""), let end = html[start.upperBound...].range(of: closing) else { return "" }
        return String(html[start.lowerBound..<end.lowerBound])
    }

    /// Text of an element with this id: everything up to the next "<".
    static func text(_ html: String, id: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\""), let close = html[start.upperBound...].firstIndex(of: ">") else { return nil }
        let rest = html[html.index(after: close)...]
        return String(rest.prefix { $0 != "<" })
    }

    static func today(_ app: TestApp) -> String { CalendarDay(app.clock.now, in: .current).description }

    /// Every field of the full form, filled in.
    static func fullForm(day: String = "2026-11-20", description: String = "They threw my phone at the wall.") -> [String: String] {
        [
            "occurred_on": day, "occurred_at": "21:40", "approximate": "on", "location": "The kitchen",
            "description": description,
            "category_physical": "on", "category_threats": "on",
            "severity": "4", "phase": "tension",
            "injuries": "Bruise on my arm", "witnesses": "Sam next door",
            "children": "yes",
            "report_police": "on", "report_police_reference": "AB-123",
            "report_medical": "on", "report_medical_reference": "",
            "report_other_reference": "Helpline, call 77",
        ]
    }

    // MARK: Writing

    @Test("the quick form asks only for the day (today by default) and what happened, saves, and shows the entry")
    func quickFormSaves() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let form = try await browser.get("/log/new")
            #expect(form.status == .ok)
            let day = try #require(Self.inputTag(form.body, id: "occurred-on"))
            #expect(day.contains("type=\"date\""))
            #expect(day.contains("value=\"\(Self.today(app))\""))
            #expect(day.contains("required"))
            #expect(Self.inputTag(form.body, id: "occurred-at")?.contains("required") == false)
            #expect(form.body.contains("id=\"description\" name=\"description\""))
            #expect(form.body.contains("href=\"/log/new/full\""))
            // Nothing else is asked for on the quick form.
            #expect(!form.body.contains("category_"))
            #expect(!form.body.contains("name=\"severity\""))

            let saved = try await browser.post("/log/new", ["occurred_on": Self.today(app), "occurred_at": "", "description": "Shouted at me in the car.\nI kept quiet."])
            #expect(saved.status == .seeOther)
            let id = try Self.entryID(from: saved.location)
            #expect(saved.location == "/log/\(id)?done=saved")
            let page = try await browser.get("/log/\(id)?done=saved")
            #expect(page.body.contains("Saved. You can add more detail any time."))
            #expect(page.body.contains("Shouted at me in the car.\nI kept quiet."))
            #expect(page.body.contains("Written down on"))
            #expect(page.body.contains("id=\"amend-form\""))
            #expect(page.body.contains("href=\"/log/\(id)/remove\""))

            let log = try await browser.get("/log")
            #expect(log.body.contains("Shouted at me in the car. I kept quiet."))
            #expect(log.body.contains("href=\"/log/\(id)\""))
        }
        let entries = try await Self.openVault(app).evidence.entries()
        #expect(entries.count == 1)
        #expect(entries.first?.incident?.description == "Shouted at me in the car.\nI kept quiet.")
        #expect(entries.first?.incident?.occurredAt == nil)
    }

    @Test("a refused form comes back with everything that was typed and a clear message, and saves nothing")
    func refusedFormsKeepText() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.get("/log/new")
            let noDay = try await browser.post("/log/new", ["occurred_on": "", "occurred_at": "21:40", "description": "A long paragraph I do not want to lose."])
            #expect(noDay.status == .unprocessableContent)
            #expect(noDay.body.contains("Please give the day it happened"))
            #expect(noDay.body.contains("role=\"alert\""))
            #expect(noDay.body.contains("A long paragraph I do not want to lose.</textarea>"))
            #expect(Self.inputTag(noDay.body, id: "occurred-at")?.contains("value=\"21:40\"") == true)

            let future = try await browser.post("/log/new", ["occurred_on": "2099-01-01", "description": "Typed text"])
            #expect(future.body.contains("That date is in the future"))
            #expect(Self.inputTag(future.body, id: "occurred-on")?.contains("value=\"2099-01-01\"") == true)

            let empty = try await browser.post("/log/new", ["occurred_on": "2026-11-20", "description": "   "])
            #expect(empty.body.contains("Please write a few words about what happened"))
            #expect(Self.inputTag(empty.body, id: "occurred-on")?.contains("value=\"2026-11-20\"") == true)

            // The full form keeps ticked boxes, chosen buttons and reference numbers too.
            try await browser.get("/log/new/full")
            var fields = Self.fullForm(description: "")
            fields["occurred_at"] = "9pm"
            let full = try await browser.post("/log/new/full", fields)
            #expect(full.status == .unprocessableContent)
            #expect(full.body.contains("Please write the time like 21:40"))
            #expect(Self.isChecked(full.body, id: "category-physical"))
            #expect(Self.isChecked(full.body, id: "category-threats"))
            #expect(!Self.isChecked(full.body, id: "category-financial"))
            #expect(Self.isChecked(full.body, id: "severity-4"))
            #expect(!Self.isChecked(full.body, id: "severity-none"))
            #expect(Self.isChecked(full.body, id: "phase-tension"))
            #expect(Self.isChecked(full.body, id: "children-yes"))
            #expect(Self.isChecked(full.body, id: "approximate"))
            #expect(Self.isChecked(full.body, id: "report-police"))
            #expect(Self.inputTag(full.body, id: "report-police-reference")?.contains("value=\"AB-123\"") == true)
            #expect(Self.inputTag(full.body, id: "report-other-reference")?.contains("value=\"Helpline, call 77\"") == true)
            #expect(Self.inputTag(full.body, id: "location")?.contains("value=\"The kitchen\"") == true)
            #expect(full.body.contains("Bruise on my arm</textarea>"))
            #expect(Self.inputTag(full.body, id: "occurred-at")?.contains("value=\"9pm\"") == true)

            try await browser.get("/log/kind")
            let noKind = try await browser.post("/log/kind", ["occurred_on": "2026-11-21", "description": "Brought flowers"])
            #expect(noKind.status == .unprocessableContent)
            #expect(noKind.body.contains("Please choose what kind of moment it was."))
            #expect(noKind.body.contains("Brought flowers</textarea>"))

            #expect(try await browser.get("/log").body.contains("Nothing written down yet"))
        }
        #expect(try await Self.openVault(app).evidence.entries().isEmpty)
    }

    @Test("values the full form never offers are refused with a 422 that names the field, and nothing is saved", arguments: [
        ("severity", "-1", "How serious"), ("severity", "0", "How serious"), ("severity", "6", "How serious"),
        ("severity", "3.0", "How serious"), ("severity", "03", "How serious"), ("phase", "sometimes", "Part of the cycle"),
        ("children", "maybe", "Were children there"), ("category_physical", "yes", "tick box"), ("approximate", "no", "tick box"),
    ])
    func badValuesRefused(field: String, value: String, names: String) async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.get("/log/new/full")
            var fields = Self.fullForm(description: "Kept exactly")
            fields[field] = value
            let refused = try await browser.post("/log/new/full", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains(names))
            #expect(refused.body.contains("Nothing was saved."))
            #expect(refused.body.contains("Kept exactly</textarea>"), "what was typed comes back")
            var fine = Self.fullForm(description: "Kept exactly")
            fine[field] = nil
            #expect(try await browser.post("/log/new/full", fine).status == .seeOther, "the same form without the odd value saves")
        }
        #expect(try await Self.openVault(app).evidence.entries().count == 1)
    }

    @Test("the full form offers every category, severity and phase from Core, and every field comes back on the entry page")
    func fullFormRoundTrip() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let form = try await browser.get("/log/new/full")
            for category in IncidentCategory.allCases {
                #expect(Self.inputTag(form.body, id: "category-\(category.rawValue)")?.contains("name=\"category_\(category.rawValue)\"") == true)
                #expect(form.body.contains(HTMLText.escaped(category.label)))
            }
            for severity in Severity.allCases {
                #expect(Self.inputTag(form.body, id: "severity-\(severity.rawValue)")?.contains("type=\"radio\"") == true)
                #expect(form.body.contains(severity.label))
            }
            for phase in CyclePhase.allCases { #expect(form.body.contains(phase.label)) }
            #expect(Self.isChecked(form.body, id: "severity-none"))
            #expect(Self.isChecked(form.body, id: "children-unsure"))

            let saved = try await browser.post("/log/new/full", Self.fullForm())
            let id = try Self.entryID(from: saved.location)
            let page = try await browser.get("/log/\(id)").body
            #expect(page.contains("Entry for 20 Nov 2026"))
            #expect(Self.text(page, id: "field-when") == "About 20 Nov 2026, 21:40")
            #expect(Self.text(page, id: "field-where") == "The kitchen")
            #expect(Self.text(page, id: "field-description") == "They threw my phone at the wall.")
            #expect(Self.text(page, id: "field-categories") == "Physical, Threats or intimidation")
            #expect(Self.text(page, id: "field-severity") == Severity.four.label)
            #expect(Self.text(page, id: "field-phase") == CyclePhase.tension.label)
            #expect(Self.text(page, id: "field-injuries") == "Bruise on my arm")
            #expect(Self.text(page, id: "field-witnesses") == "Sam next door")
            #expect(Self.text(page, id: "field-children") == "Yes")
            let reports = Self.section(page, id: "field-reports", closing: "</dd>")
            #expect(reports.contains("<li>Police: AB-123</li>"))
            #expect(reports.contains("<li>Doctor or hospital</li>"))
            #expect(reports.contains("<li>Someone else: Helpline, call 77</li>"))

            let log = try await browser.get("/log").body
            let timeline = Self.section(log, id: "timeline", closing: "</ol>")
            #expect(timeline.contains("<span class=\"tag\">Physical</span>"))
            #expect(timeline.contains("<span class=\"tag\">Threats or intimidation</span>"))
            #expect(timeline.contains("Severity 4 of 5"))
            #expect(timeline.contains("datetime=\"2026-11-20\""))
        }
        let incident = try #require(try await Self.openVault(app).evidence.entries().first?.incident)
        #expect(incident.categories == [.physical, .threats])
        #expect(incident.severity == .four)
        #expect(incident.phase == .tension)
        #expect(incident.approximate)
        #expect(incident.childrenPresent == true)
        #expect(incident.reports == [
            IncidentReport(kind: .police, reference: "AB-123"),
            IncidentReport(kind: .medical, reference: ""),
            IncidentReport(kind: .other, reference: "Helpline, call 77"),
        ])
    }

    @Test("a kind moment is saved as one and styled as one on the timeline")
    func kindMoment() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let form = try await browser.get("/log/kind")
            for moment in KindMoment.allCases {
                #expect(Self.inputTag(form.body, id: "kind-\(moment.rawValue)")?.contains("value=\"\(moment.rawValue)\"") == true)
            }
            let saved = try await browser.post("/log/kind", ["kind": "apology", "occurred_on": "2026-11-21", "description": "Said sorry, brought flowers"])
            let id = try Self.entryID(from: saved.location)
            let page = try await browser.get("/log/\(id)").body
            #expect(page.contains("Kind moment: 21 Nov 2026"))
            #expect(Self.text(page, id: "field-kind") == "An apology")
            #expect(Self.text(page, id: "field-phase") == CyclePhase.reconciliation.label)
            let log = try await browser.get("/log").body
            #expect(log.contains("<li class=\"entry kind\">"))
            #expect(log.contains("Kind moment · An apology"))
            // A kind moment needs no words at all.
            let wordless = try await browser.post("/log/kind", ["kind": "good_day", "occurred_on": "2026-11-22", "description": ""])
            #expect(wordless.status == .seeOther)
        }
    }

    // MARK: Amending and removing

    @Test("an amendment shows under the original, which is unchanged; an empty one is refused with the text kept")
    func amendment() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let saved = try await browser.post("/log/new", ["occurred_on": "2026-11-20", "description": "Original words"])
            let id = try Self.entryID(from: saved.location)
            let first = try await browser.post("/log/\(id)", ["change": "It was 22:00, not 21:00", "reason": "I remembered"])
            #expect(first.location == "/log/\(id)?done=amended")
            app.clock.advance(by: 120)
            try await browser.post("/log/\(id)", ["change": "Sam heard it too", "reason": ""])

            let page = try await browser.get("/log/\(id)?done=amended").body
            #expect(page.contains("Added. The original entry is unchanged above it."))
            #expect(Self.text(page, id: "field-description") == "Original words")
            let amendments = Self.section(page, id: "amendments", closing: "</ol>")
            let firstChange = try #require(amendments.range(of: "It was 22:00, not 21:00"))
            let secondChange = try #require(amendments.range(of: "Sam heard it too"))
            #expect(firstChange.lowerBound < secondChange.lowerBound)
            #expect(amendments.contains("I remembered"))
            // Only the first one gave a reason.
            #expect(amendments.components(separatedBy: "— ").count == 2)
            #expect(amendments.components(separatedBy: "Added on ").count == 3)
            let original = try #require(page.range(of: "id=\"field-description\""))
            let added = try #require(page.range(of: "id=\"amendments\""))
            #expect(original.lowerBound < added.lowerBound)

            let refused = try await browser.post("/log/\(id)", ["change": "  ", "reason": "a reason I typed"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Please write what you want to correct or add."))
            #expect(Self.inputTag(refused.body, id: "reason")?.contains("value=\"a reason I typed\"") == true)
        }
        let entry = try #require(try await Self.openVault(app).evidence.entries().first)
        #expect(entry.amendments.map(\.change) == ["It was 22:00, not 21:00", "Sam heard it too"])
        #expect(entry.incident?.description == "Original words")
    }

    @Test("removing an entry hides its text everywhere, shows that it was removed, and the chain still checks out")
    func removal() async throws {
        let app = TestApp()
        let secret = "SECRET-\(UUID().uuidString)"
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/log/new", ["occurred_on": "2026-11-19", "description": "Kept entry"])
            let saved = try await browser.post("/log/new", ["occurred_on": "2026-11-20", "description": "Text \(secret)"])
            let id = try Self.entryID(from: saved.location)
            try await browser.post("/log/\(id)", ["change": "Added \(secret)", "reason": ""])

            // A file attached (from the command line, for now) shows on the entry and goes with it.
            let vault = try await Self.openVault(app)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(secret.utf8)
            try await vault.evidence.attach(png, fileName: "<b>\(secret).png", to: try #require(UUID(uuidString: id)), now: app.clock.now)
            let withFile = try await browser.get("/log/\(id)").body
            #expect(Self.section(withFile, id: "files", closing: "</ul>").contains("&lt;b&gt;\(secret).png"))

            let confirm = try await browser.get("/log/\(id)/remove")
            #expect(confirm.body.contains("id=\"confirm-remove\""))
            #expect(confirm.body.contains("Its text, anything added to it later, and any files with it will be deleted"))
            #expect(confirm.body.contains("keeps a note that an entry was removed"))
            #expect(Self.inputTag(confirm.body, id: "removal-reason")?.contains("required") == false)

            let removed = try await browser.post("/log/\(id)/remove", ["reason": "Written twice"])
            #expect(removed.location == "/log?done=removed")
            let log = try await browser.get("/log?done=removed").body
            #expect(log.contains("The entry was removed."))
            #expect(!log.contains(secret))
            #expect(Self.section(log, id: "removed", closing: "</ul>").contains("Removed on "))
            #expect(log.contains("Kept entry"))
            #expect(Self.section(log, id: "chain-status", closing: "</div>").contains("All 5 records in this log check out: 2 entries (1 since removed), 1 addition, 1 file and 1 removal."))

            let page = try await browser.get("/log/\(id)").body
            #expect(page.contains("Removed entry"))
            #expect(page.contains("This entry was removed on "))
            #expect(page.contains("Written twice"))
            #expect(!page.contains(secret))
            #expect(!page.contains("id=\"amend-form\""))

            // Nothing more can be added to a removed entry, and it can't be removed twice.
            #expect(try await browser.post("/log/\(id)", ["change": "more", "reason": ""]).location == "/log/\(id)")
            #expect(try await browser.post("/log/\(id)/remove", ["reason": ""]).location == "/log/\(id)")
            #expect(try await browser.get("/log/\(id)/remove").location == "/log/\(id)")
        }
        let log = try await Self.openVault(app).evidence
        let report = try await log.verify()
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.entries == 5)
        let entry = try #require(try await log.entries().first { $0.isRemoved })
        #expect(entry.incident == nil)
        #expect(entry.amendments.isEmpty && entry.attachments.isEmpty)
    }

    // MARK: Timeline

    /// Five entries across three months, each with a marker in its text.
    static func seedTimeline(_ browser: Browser) async throws {
        try await browser.setUp()
        try await browser.post("/log/new/full", ["occurred_on": "2026-10-01", "description": "marker-A", "category_physical": "on", "severity": "4"])
        try await browser.post("/log/new/full", ["occurred_on": "2026-10-15", "description": "marker-B", "category_emotional_verbal": "on", "severity": "2"])
        try await browser.post("/log/new/full", ["occurred_on": "2026-11-01", "description": "marker-C", "category_physical": "on", "category_threats": "on", "severity": "5"])
        try await browser.post("/log/kind", ["occurred_on": "2026-11-02", "description": "marker-D", "kind": "promise"])
        try await browser.post("/log/new", ["occurred_on": "2026-09-01", "description": "marker-E"])
    }

    static let filterCases: [(query: String, shown: String)] = [
        ("", "DCBAE"),
        ("category=physical", "CA"),
        ("category=emotional_verbal", "B"),
        ("severity=4", "CA"),
        ("severity=5", "C"),
        ("from=2026-10-10&to=2026-11-01", "CB"),
        ("from=2026-11-02", "D"),
        ("to=2026-09-30", "E"),
        ("category=physical&from=2026-10-02", "C"),
        ("category=physical&severity=5&from=2026-10-01&to=2026-11-30", "C"),
        ("category=nonsense&severity=9&from=yesterday", "DCBAE"),
        ("from=2026-12-01&to=2026-01-01", ""),
    ]

    @Test("filters include and exclude by category, minimum severity and date range; the list stays newest first",
          arguments: filterCases.map { "\($0.query) → \($0.shown)" })
    func filters(testCase: String) async throws {
        let filterCase = try #require(Self.filterCases.first { "\($0.query) → \($0.shown)" == testCase })
        try await TestApp().run { browser in
            try await Self.seedTimeline(browser)
            let page = try await browser.get("/log" + (filterCase.query.isEmpty ? "" : "?" + filterCase.query)).body
            let timeline = Self.section(page, id: "timeline", closing: "</ol>")
            var positions: [(String, String.Index)] = []
            for marker in "ABCDE".map(String.init) {
                let found = timeline.range(of: "marker-\(marker)")
                #expect((found != nil) == filterCase.shown.contains(marker), "marker-\(marker) for ?\(filterCase.query)")
                if let found { positions.append((marker, found.lowerBound)) }
            }
            #expect(positions.sorted { $0.1 < $1.1 }.map(\.0).joined() == filterCase.shown)
            if filterCase.shown.isEmpty {
                #expect(page.contains("Nothing matches these filters."))
            }
            if filterCase.query == "from=2026-12-01&to=2026-01-01" {
                #expect(page.contains("nothing can match"))
            }
        }
    }

    @Test("the filter form is posted (nothing chosen lands in the browser's history) and shows the filters in use")
    func filterFormKeepsChoices() async throws {
        try await TestApp().run { browser in
            try await Self.seedTimeline(browser)
            let posted = try await browser.post("/log", ["category": "physical", "severity": "4", "from": "2026-10-02", "to": "2026-11-30"])
            #expect(posted.status == .ok)
            let page = posted.body
            let form = Self.section(page, id: "log-filter", closing: "</form>")
            #expect(form.contains("method=\"post\""))
            #expect(form.contains("name=\"csrf\""))
            #expect(form.contains("<option value=\"physical\" selected>"))
            #expect(form.contains("<option value=\"4\" selected>"))
            #expect(Self.inputTag(page, id: "filter-from")?.contains("value=\"2026-10-02\"") == true)
            #expect(Self.inputTag(page, id: "filter-to")?.contains("value=\"2026-11-30\"") == true)
            #expect(page.contains("<details class=\"filters\" open>"))
            #expect(page.contains("Showing 1 of 5 entries."))
        }
    }

    @Test("the check code on /log is the chain head: 16 characters grouped, the full value, and it changes with each record")
    func chainHeadShown() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let empty = try await browser.get("/log").body
            #expect(!empty.contains("id=\"chain-head-short\""))
            try await browser.post("/log/new", ["occurred_on": "2026-11-20", "description": "one"])
            let saved = try await browser.post("/log/new", ["occurred_on": "2026-11-21", "description": "two"])
            let id = try Self.entryID(from: saved.location)
            let vault = try await Self.openVault(app)

            let page = try await browser.get("/log").body
            let head = try #require(try await vault.evidence.head()?.chainHashHex)
            let short = try #require(Self.text(page, id: "chain-head-short"))
            #expect(short.split(separator: " ").map(\.count) == [4, 4, 4, 4])
            #expect(short.replacingOccurrences(of: " ", with: "") == String(head.prefix(16)))
            #expect(Self.text(page, id: "chain-head-full") == head)
            #expect(Self.text(page, id: "chain-length") == "2", "the code carries the chain's length, so a cut-off log shows")
            #expect(page.contains("tamper-evident"))
            #expect(!page.lowercased().contains("admissible"))
            #expect(Self.section(page, id: "chain-status", closing: "</div>").contains("All 2 records in this log check out: 2 entries."))

            try await browser.post("/log/\(id)", ["change": "more", "reason": ""])
            let after = try await browser.get("/log").body
            let newHead = try #require(try await vault.evidence.head()?.chainHashHex)
            #expect(newHead != head)
            #expect(Self.text(after, id: "chain-head-full") == newHead)
        }
    }

    @Test("when the chain doesn't check out, /log says so calmly and says what is wrong")
    func chainProblemNamed() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let saved = try await browser.post("/log/new", ["occurred_on": "2026-11-20", "description": "one"])
            let id = try #require(UUID(uuidString: try Self.entryID(from: saved.location)))
            // Someone with the key slips in an addition that was never chained.
            let vault = try await Self.openVault(app)
            let planted = Amendment(id: UUID(), incidentID: id, recordedAt: app.clock.now, change: "planted", reason: "")
            let recordID = planted.id.uuidString.lowercased()
            let sealed = try vault.sealer.seal(try EvidenceChain.canonicalBytes(planted), for: RecordAddress(id: recordID, kind: .amendment))
            try await vault.store.insert(SealedRecord(id: recordID, kind: .amendment, formatVersion: 1, createdAt: app.clock.now, updatedAt: app.clock.now, sealed: sealed))

            let page = try await browser.get("/log").body
            let status = Self.section(page, id: "chain-status", closing: "</div>")
            #expect(status.contains("class=\"error\""))
            #expect(status.contains("doesn't check out"))
            #expect(status.contains("A record added outside the log"))
            #expect(status.contains(ChainProblem.What.unchainedRecord.rawValue))
            // The planted text is not shown as if it belonged to the entry.
            #expect(!(try await browser.get("/log/\(id.uuidString.lowercased())").body.contains("planted")))
            #expect(!status.contains("All "))
        }
    }

    // MARK: Safety

    @Test("a hostile string is escaped in every log page, in text and in attributes")
    func escaping() async throws {
        let hostile = "\"><script>alert(1)</script>&lt;b&gt;'"
        try await TestApp().run { browser in
            try await browser.setUp()
            var fields = Self.fullForm(description: hostile + "</textarea><img src=x>")
            for name in ["location", "injuries", "witnesses", "report_police_reference", "report_other_reference"] { fields[name] = hostile }
            let saved = try await browser.post("/log/new/full", fields)
            let id = try Self.entryID(from: saved.location)
            try await browser.post("/log/\(id)", ["change": hostile, "reason": hostile])
            let kind = try await browser.post("/log/kind", ["kind": "gift", "occurred_on": "2026-11-22", "description": hostile])
            let kindID = try Self.entryID(from: kind.location)
            try await browser.post("/log/\(kindID)/remove", ["reason": hostile])

            var refusedFull = fields
            refusedFull["occurred_on"] = hostile
            var pages = [
                try await browser.get("/log"),
                try await browser.get("/log/\(id)"),
                try await browser.get("/log/\(id)/remove"),
                try await browser.get("/log/\(kindID)"),
                try await browser.get("/log?category=\(Browser.encode(hostile))&from=\(Browser.encode(hostile))"),
                try await browser.post("/log/new/full", refusedFull),
                try await browser.post("/log/new", ["occurred_on": hostile, "occurred_at": hostile, "description": hostile]),
                try await browser.post("/log/kind", ["kind": hostile, "occurred_on": hostile, "description": hostile]),
                try await browser.post("/log/\(id)", ["change": "", "reason": hostile]),
            ]
            pages.append(try await browser.post("/log/\(id)/remove", ["reason": String(repeating: "x", count: IncidentDraft.maxShortFieldLength + 1) + hostile]))
            for page in pages {
                #expect(!page.body.contains("<script>alert"))
                #expect(!page.body.contains("<img src=x>"))
                #expect(!page.body.contains("\"><script"))
                #expect(!page.body.contains("&lt;b&gt;'"), "a typed entity must be shown as typed, not decoded")
            }
            #expect(pages[1].body.contains("&amp;lt;b&amp;gt;"))
            #expect(pages[5].body.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;lt;b&amp;gt;&#39;\""))
            #expect(pages[5].body.contains("&lt;/textarea&gt;&lt;img src=x&gt;</textarea>"))
            #expect(pages[9].status == .unprocessableContent)
        }
    }

    static let newPages = ["/log", "/log/new", "/log/new/full", "/log/kind", "/learn/step-1"]

    @Test("locked visitors are sent to unlock from every log path, GET and POST, and see no content")
    func lockedRedirects() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let saved = try await browser.post("/log/new", ["occurred_on": "2026-11-20", "description": "private words"])
            let id = try Self.entryID(from: saved.location)
            try await browser.post("/lock")
            for path in Self.newPages + ["/log/\(id)", "/log/\(id)/remove", "/log/\(UUID().uuidString.lowercased())"] {
                let page = try await browser.get(path)
                #expect(page.location == "/unlock", "GET \(path)")
                #expect(!page.body.contains("private words"))
            }
            try await browser.get("/unlock")
            for path in ["/log/new", "/log/new/full", "/log/kind", "/log/\(id)", "/log/\(id)/remove"] {
                let page = try await browser.post(path, ["occurred_on": "2026-11-20", "description": "while locked", "change": "x", "kind": "gift"])
                #expect(page.location == "/unlock", "POST \(path)")
            }
            try await browser.unlock()
            let entries = try await browser.get("/log").body
            #expect(!entries.contains("while locked"))
            #expect(entries.contains("private words"))
        }
    }

    @Test("log forms refuse a post without the form token and change nothing")
    func csrf() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let saved = try await browser.post("/log/new", ["occurred_on": "2026-11-20", "description": "kept"])
            let id = try Self.entryID(from: saved.location)
            for path in ["/log/new", "/log/new/full", "/log/kind", "/log/\(id)", "/log/\(id)/remove"] {
                let page = try await browser.post(path, ["occurred_on": "2026-11-20", "description": "forged", "change": "forged", "kind": "gift"], csrf: "wrong")
                #expect(page.status == .forbidden, "POST \(path)")
            }
            let page = try await browser.get("/log").body
            #expect(!page.contains("forged"))
            #expect(!page.contains("Removed entries"))
        }
    }

    @Test("the request log holds route patterns only, never what was typed or an entry's id")
    func logsHoldNoContent() async throws {
        let app = TestApp()
        let canary = "CANARY-\(UUID().uuidString)"
        try await app.run { browser in
            try await browser.setUp()
            var fields = Self.fullForm(description: canary)
            for name in ["location", "injuries", "witnesses", "report_police_reference", "report_other_reference"] { fields[name] = canary }
            let saved = try await browser.post("/log/new/full", fields)
            let id = try Self.entryID(from: saved.location)
            try await browser.post("/log/new", ["occurred_on": "", "description": canary])
            try await browser.post("/log/kind", ["kind": "gift", "occurred_on": "2026-11-20", "description": canary])
            try await browser.post("/log/\(id)", ["change": canary, "reason": canary])
            try await browser.get("/log?category=physical&from=2026-01-01")
            try await browser.get("/log/\(id)/remove")
            try await browser.post("/log/\(id)/remove", ["reason": canary])
            try await browser.get("/learn/step-1")
        }
        let logs = app.logs.text
        #expect(logs.contains("\"route\": /log/{id}"))
        #expect(logs.contains("\"route\": /log/{id}/remove"))
        #expect(logs.contains("\"route\": /log/new/full"))
        #expect(!logs.contains(canary))
        #expect(!logs.contains("2026-01-01"))
        #expect(logs.range(of: #"/log/[0-9a-f]{8}-"#, options: .regularExpression) == nil)
    }

    // MARK: Pages and words

    @Test("every log page has the quick exit, a bland title, one h1, and Log marked in the nav",
          arguments: ["/log", "/log/new", "/log/new/full", "/log/kind", "/learn/step-1", "entry", "remove"])
    func everyPageHasTheBasics(path: String) async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let saved = try await browser.post("/log/new", ["occurred_on": "2026-11-20", "description": "words"])
            let id = try Self.entryID(from: saved.location)
            let target = path == "entry" ? "/log/\(id)" : path == "remove" ? "/log/\(id)/remove" : path
            let page = try await browser.get(target)
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"quick-exit\""))
            #expect(page.body.contains("<title>Notes</title>"), "the bland name alone")
            #expect(page.body.components(separatedBy: "<h1").count == 2)
            #expect(!page.body.lowercased().contains("untether"))
            #expect(!page.body.lowercased().contains("admissible"))
            let logLink = page.body.range(of: "<a href=\"/log\" aria-current=\"page\">Log</a>")
            #expect((logLink != nil) == (path != "/learn/step-1"))
        }
    }

    @Test("the nav lists Log between Notes and Settings; Today links to the quick form and the reading")
    func navigationAndToday() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let today = try await browser.get("/today").body
            let notes = try #require(today.range(of: "<a href=\"/notes\""))
            let log = try #require(today.range(of: "<a href=\"/log\""))
            let settings = try #require(today.range(of: "<a href=\"/settings\""))
            #expect(notes.lowerBound < log.lowerBound && log.lowerBound < settings.lowerBound)
            #expect(today.contains("href=\"/log/new\""))
            #expect(today.contains("href=\"/learn/step-1\""))
            #expect(try await browser.get("/log").body.contains("href=\"/learn/step-1\""))
            #expect(try await browser.get("/log/not-a-uuid").status == .notFound)
            #expect(try await browser.get("/log/\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test("paths use bland words only")
    func blandPaths() {
        let paths = [SiteRoute.log.path, SiteRoute.newLogEntry.path, SiteRoute.newLogEntryFull.path, SiteRoute.kindMoment.path, SiteRoute.learnStep1.path,
                     SiteRoute.logEntry(.named("x")).path, SiteRoute.removeLogEntry(.named("x")).path,
                     SiteRoute.coach.path, SiteRoute.contacts.path, SiteRoute.plan.path, SiteRoute.rules.path, SiteRoute.answers.path, SiteRoute.situation.path,
                     SiteRoute.pause.path, SiteRoute.pauseSetup.path, SiteRoute.checkIn.path, SiteRoute.trends.path, SiteRoute.urges.path, SiteRoute.tools.path,
                     SiteRoute.help.path, SiteRoute.people.path, SiteRoute.safetyPlan.path, SiteRoute.safetyPlanPrint.path,
                     SiteRoute.journal.path, SiteRoute.journalMemory.path, SiteRoute.decisions.path, SiteRoute.timeline.path, SiteRoute.search.path]
            + GuidedTool.allCases.map { SiteRoute.tool(.named($0.rawValue)).path }
        for path in paths {
            for word in ["incident", "abuse", "abuser", "escape", "evidence", "violence", "urge", "craving", "withdrawal", "trauma", "contact"] {
                #expect(!path.lowercased().contains(word), "\(path)")
            }
        }
    }

    @Test("the Step 1 reading covers writing things down, saying it plainly, softening words and getting help, without pressure")
    func learnPage() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let page = try await browser.get("/learn/step-1").body
            for needle in ["Why write things down", "memory", "pattern", "This is abuse", "just stressed", "part of healing", "help line", "tamper-evident"] {
                #expect(page.contains(needle), "\(needle)")
            }
            for banned in ["admissible", "you have ptsd", "you must", "your fault", "diagnos"] {
                #expect(!page.lowercased().contains(banned), "\(banned)")
            }
        }
    }

    // MARK: View models on their own

    @Test("a summary is one line of about 120 characters")
    func summaries() {
        let long = String(repeating: "word ", count: 60) + "\nsecond line"
        let incident = Incident(id: UUID(), occurredOn: "2026-11-20", recordedAt: Date(), description: long)
        let summary = LogText.summary(incident)
        #expect(summary.count <= LogText.summaryLength + 1)
        #expect(summary.hasSuffix("…"))
        #expect(!summary.contains("\n"))
        let short = Incident(id: UUID(), occurredOn: "2026-11-20", recordedAt: Date(), description: "Line one\nLine two")
        #expect(LogText.summary(short) == "Line one Line two")
        let kind = Incident(id: UUID(), kindMoment: .gift, occurredOn: "2026-11-20", recordedAt: Date(), description: "")
        #expect(LogText.summary(kind) == KindMoment.gift.label)
    }

    @Test("the check code is grouped in fours, and filters ignore what they can't read")
    func smallModels() {
        #expect(ChainStatus.grouped("0123456789abcdef") == "0123 4567 89ab cdef")
        let filter = LogFilter { ["category": "physical", "severity": "0", "from": "2026-02-30", "to": " 2026-03-01 "][$0] }
        #expect(filter == LogFilter(category: .physical, minimumSeverity: nil, from: nil, to: "2026-03-01"))
        #expect(DisplayDate.day("2026-11-20") == "20 Nov 2026")
        // A day that isn't one can no longer reach the page: it is refused where it is read.
        let notADay = "not a day"
        #expect(CalendarDay(notADay) == nil)
    }
}

/// Plot escapes text this way; labels with an apostrophe or ampersand are compared escaped.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

@Suite("Danger signs on an entry's page")
struct DangerSignPageTests {
    @Test("an entry with danger signs lists them in words; one without shows no such row")
    func entryPage() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let snapshot = await app.sessions.session(token: browser.cookie, now: app.clock.now)
            let vault = try #require(snapshot.vault)
            let signed = try await vault.evidence.record(
                IncidentDraft(occurredOn: "2026-11-02", description: "Hands on my neck", dangerSigns: [.stalking, .strangulation]),
                now: app.clock.now, today: "2026-11-30"
            )
            let plain = try await vault.evidence.record(IncidentDraft(occurredOn: "2026-11-03", description: "Shouting"), now: app.clock.now, today: "2026-11-30")
            let page = try await browser.get("/log/\(signed.id.uuidString.lowercased())").body
            #expect(page.contains("id=\"field-danger-signs\""))
            #expect(page.contains("They choked or strangled me, or pressed on my neck; They followed, tracked or watched me"))
            #expect(!(try await browser.get("/log/\(plain.id.uuidString.lowercased())").body.contains("field-danger-signs")))
        }
    }
}

extension DangerSignPageTests {
    @Test("the full form offers every danger sign as a tick box; ticked ones are saved and shown, and an odd value is refused")
    func fullForm() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let form = try await browser.get("/log/new/full").body
            for sign in DangerSign.allCases {
                #expect(form.contains("id=\"danger-\(sign.rawValue)\""))
                #expect(form.contains("name=\"danger_\(sign.rawValue)\""))
            }
            let saved = try await browser.post("/log/new/full", [
                "occurred_on": "2026-11-20", "description": "Hands on my neck", "danger_strangulation": "on", "danger_threat_to_kill": "on",
            ])
            let location = try #require(saved.location)
            let page = try await browser.get(location).body
            #expect(page.contains("They choked or strangled me, or pressed on my neck; They threatened to kill me"))
            let odd = try await browser.post("/log/new/full", ["occurred_on": "2026-11-20", "description": "x", "danger_weapon": "yes"])
            #expect(odd.status == .unprocessableContent)
        }
    }
}

extension DangerSignPageTests {
    @Test("the log can be filtered by a danger sign, and the filter is kept")
    func filter() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/log/new/full", ["occurred_on": "2026-11-20", "description": "Hands on my neck", "danger_strangulation": "on"])
            try await browser.post("/log/new/full", ["occurred_on": "2026-11-21", "description": "Shouting only"])
            let filtered = try await browser.post("/log", ["sign": "strangulation"]).body
            #expect(filtered.contains("Showing 1 of 2 entries."))
            #expect(filtered.contains("Hands on my neck") && !filtered.contains("Shouting only"))
            #expect(filtered.contains("<option value=\"strangulation\" selected"))
        }
    }
}
