import Foundation
import Testing
import Plot
@testable import UntetherCore
import UntetherStore
@testable import UntetherWeb

/// The shape of the web layer: routes and links come from one enum, unlocked pages from one
/// guarded group, notices from typed values, days from the person's own clock.
@Suite("Web foundation: typed routes, one guard, typed notices, the person's day")
struct FoundationTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized

    /// Every Swift file under `Sources/<target>`, with its text.
    static func swiftFiles(in target: String) throws -> [(name: String, text: String)] {
        let root = sources.appendingPathComponent(target)
        let paths = try #require(FileManager.default.subpathsOfDirectory(atPath: root.path) as [String]?)
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            (path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
    }

    @Test("no path pattern or link is written as a literal outside the route enum")
    func noPathLiterals() throws {
        let literal = try NSRegularExpression(pattern: #""/[a-z:]"#)
        for (name, text) in try Self.swiftFiles(in: "UntetherWeb") where name != "Routing/SiteRoute.swift" && !name.hasPrefix("Assets/") {
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                let range = NSRange(line.startIndex..., in: line)
                #expect(literal.firstMatch(in: String(line), range: range) == nil, "\(name): \(line)")
            }
        }
    }

    @Test("escaping by default: no page writes dynamic text or an attribute value that is not escaped")
    func escapingByDefault() throws {
        // Plot's `.text` leaves "&" alone and writes attribute values as they are, so dynamic text
        // goes through `.userText` and dynamic attribute values through `.safeAttribute`/`.safe`.
        let text = try NSRegularExpression(pattern: #"(?<![A-Za-z])\.text\((?!"[^"\\\n]*"\))"#)
        let attribute = try NSRegularExpression(pattern: #"\.attribute\(named: "[a-z-]+", value: (?!"[^"\\]*"\s*[,)\]]|String\(|isError \? "|.*\.htmlEscaped)"#)
        var checked = 0
        for (name, source) in try Self.swiftFiles(in: "UntetherWeb") where name != "HTMLEscaping.swift" && !name.hasPrefix("Assets/") {
            for line in source.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                let string = String(line)
                let range = NSRange(string.startIndex..., in: string)
                let textHit = text.firstMatch(in: string, range: range)
                #expect(textHit == nil || string.contains("case .text("), "\(name): unescaped dynamic text: \(string)")
                #expect(attribute.firstMatch(in: string, range: range) == nil, "\(name): unescaped attribute value: \(string)")
                checked += 1
            }
        }
        #expect(checked > 1_000, "the scan read the page sources")
    }

    @Test("no record kind is named by a string anywhere but the registry")
    func noKindLiterals() throws {
        let names = RecordKind.allCases.map(\.rawValue).joined(separator: "|")
        let uses = try NSRegularExpression(pattern: #"(kind(:| ==| !=) "|case "(\#(names))"|"(contact_plan|contact_rules|prepared_answers|reach_out_plan|attachment_file)")"#)
        for target in ["UntetherCore", "UntetherVault", "UntetherStore", "UntetherExport", "UntetherWeb", "UntetherCLI"] {
            for (name, text) in try Self.swiftFiles(in: target) where name != "RecordKind.swift" {
                let range = NSRange(text.startIndex..., in: text)
                let found = uses.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
                #expect(found.isEmpty, "\(target)/\(name): \(found)")
            }
        }
    }

    @Test("no route file has its own guard or loader: the unlocked group is the one guard")
    func oneGuard() throws {
        let helper = try NSRegularExpression(pattern: #"func with[A-Z]\w*\("#)
        let files = try Self.swiftFiles(in: "UntetherWeb")
        for (name, text) in files {
            #expect(helper.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil, "\(name)")
        }
        // A route file never reaches into another one: shared needs live in Routing/.
        let routeTypes = files.map(\.name).filter { $0.hasPrefix("Routes/") }.map { String($0.dropFirst("Routes/".count).dropLast(".swift".count)) }
        #expect(routeTypes.count >= 10)
        for (name, text) in files where name.hasPrefix("Routes/") {
            let others = routeTypes.filter { !name.hasSuffix("/\($0).swift") && text.contains($0) }
            #expect(others.isEmpty, "\(name) uses \(others)")
        }
    }

    @Test("a link and its route are the same value: every parameterised route prints its pattern and a real path")
    func routesAndLinks() {
        let id = UUID()
        #expect(SiteRoute.note(.id).path == "/notes/:id")
        #expect(SiteRoute.note(.of(id)).path == "/notes/\(id.uuidString.lowercased())")
        #expect(SiteRoute.logFile(.id, .file).path == "/log/:id/files/:file")
        #expect(SiteRoute.tool(.tool).path == "/tools/:tool")
        #expect(SiteRoute.trends.with([("by", "week")]) == "/trends?by=week")
        #expect(SiteRoute.search.with([("q", "a&b=c")]) == "/search?q=a%26b%3Dc")
        #expect(SiteRoute.pauseSetup.at("order") == "/pause/setup#order")
        #expect("\(SiteRoute.journal)" == "/journal")
    }

    @Test("every unlocked page sends a locked visitor to unlock, through the one guard", arguments: [
        SiteRoute.today, .notes, .newNote, .note(.of(UUID())), .log, .newLogEntry, .export, .coach, .contacts, .plan, .rules, .answers,
        .pause, .checkIn, .trends, .urges, .tools, .tool(.named("box-breathing")), .journal, .newJournalEntry, .decisions, .timeline,
        .search, .settings, .accessLog, .learnStep1, .learnStep4, .dangerCheck, .patterns, .patternsSummary, .selfCheck, .flags, .values, .swaps, .talk, .wins, .kinder, .reading(.named("grief")), .ahead, .boundaries, .goals, .toolkit, .planDays,
    ])
    func lockedGoesToUnlock(route: SiteRoute) async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post(SiteRoute.lock.path)
            let page = try await browser.get(route.path)
            #expect(page.status == .seeOther)
            #expect(page.location == SiteRoute.unlock.path)
        }
    }

    @Test("a notice is shown only when it is one of the section's own; anything else in the address shows nothing")
    func typedNotices() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            #expect(try await browser.get("/notes?done=deleted").body.contains(NoteNotice.deleted.message))
            let bogus = try await browser.get("/notes?done=%3Cscript%3E")
            #expect(bogus.status == .ok)
            #expect(!bogus.body.contains("script%3E") && !bogus.body.contains("<script>"))
            #expect(try await browser.get("/journal?done=saved").body.contains(JournalNotice.saved.message))
            #expect(!(try await browser.get("/journal?done=checkin").body.contains(PauseNotice.checkin.message)))
            #expect(try await browser.get("/today?done=situation-missing").body.contains(ContactPages.situationMissing))
        }
    }

    @Test("today is the person's day: their chosen time zone moves the journal's default date")
    func personalToday() async throws {
        // The test clock reads 08:00 UTC on 15 Jan 2027: still the 14th in Honolulu.
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let computer = CalendarDay(app.clock.now, in: .current)
            #expect(try await browser.get("/journal/new").body.contains("name=\"date\" value=\"\(computer)\""))

            let store = try #require(try await app.home.existingStore())
            let vault = try await Vault(store: store).unlock(passphrase: testPassphrase, now: app.clock.now)
            var preferences = try await vault.document(Preferences.self)
            preferences.timeZoneID = "Pacific/Honolulu"
            try await vault.save(preferences, now: app.clock.now)
            try await browser.post(SiteRoute.lock.path)
            try await browser.unlock()

            #expect(try await browser.get("/journal/new").body.contains("name=\"date\" value=\"2027-01-14\""))
            let future = try await browser.post("/journal", ["date": "2027-01-15", "facts": "Tomorrow, for me"])
            #expect(future.status == .unprocessableContent)
        }
    }
}

@Suite("Escaping by bytes")
struct EscapingTests {
    @Test("text and attribute escaping cover every special character, keep everything else, and match a character-by-character escape")
    func escaping() {
        let samples = [
            "", "plain words", "a & b < c > d", "&lt; typed", "\"quoted\" and 'single'", "café · naïve 💬 日本語 <b>",
            "<script>alert('x')</script>", "&&&", "ends with &",
        ]
        for sample in samples {
            var text = ""
            var attribute = ""
            for character in sample {
                switch character {
                case "&": text += "&amp;"; attribute += "&amp;"
                case "<": text += "&lt;"; attribute += "&lt;"
                case ">": text += "&gt;"; attribute += "&gt;"
                case "\"": text.append(character); attribute += "&quot;"
                case "'": text.append(character); attribute += "&#39;"
                default: text.append(character); attribute.append(character)
                }
            }
            #expect(HTMLEscaping.escape(sample, quotes: false) == text)
            #expect(sample.htmlEscaped == attribute)
        }
        // Search snippets: marks are character offsets, whatever the characters are.
        let hit = SearchHit(kind: .journal, id: "1", date: "2026-11-30", title: "", snippet: "…café <x> naïve 💬 café & more", marks: [1..<5, 10..<15, 18..<22])
        #expect(SearchPages.highlighted(hit) == "…<mark>café</mark> &lt;x&gt; <mark>naïve</mark> 💬 <mark>café</mark> &amp; more")
        let outOfRange = SearchHit(kind: .journal, id: "1", date: "2026-11-30", title: "", snippet: "short", marks: [0..<2, 3..<40])
        #expect(SearchPages.highlighted(outOfRange) == "<mark>sh</mark>ort")
        let node: Node<HTML.BodyContext> = .p(.userText("<b>Tom & Jerry</b> &lt;"))
        #expect(node.render() == "<p>&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; &amp;lt;</p>")
    }
}

@Suite("The page frame, rendered once")
struct LayoutFrameTests {
    @Test("a page made from the kept frame is byte for byte the page rendered whole, for every kind of chrome")
    func sameAsWhole() {
        var chromes = [
            PageChrome(displayName: "Notes"),
            PageChrome(displayName: "Tom & <Jerry> \u{1}content\u{1}", csrf: "tok\"en", unlocked: true),
        ]
        for section in Section.allCases {
            var chrome = PageChrome(displayName: "Recipes", csrf: "abc", unlocked: true)
            chrome.section = section
            chrome.idleSeconds = 900
            chromes.append(chrome)
        }
        var help = PageChrome(displayName: "Notes")
        help.isHelpPage = true
        chromes.append(help)
        let content: Node<HTML.BodyContext> = .group(
            .h1(.text("Title")), .p(.class("lead"), .userText("A <b>bold</b> & plain line")),
            .form(.method(.post), .input(.type(.text), .name("q"), .safe("value", "\"quoted\""))), .raw("<svg></svg>")
        )
        for chrome in chromes {
            #expect(Layout.render(chrome: chrome, content: content) == Layout.document(chrome: chrome, content: content))
            // Twice: the second comes from the kept frame.
            #expect(Layout.render(chrome: chrome, content: .empty) == Layout.document(chrome: chrome, content: .empty))
        }
    }
}
