import Foundation
import Testing
import UntetherCore
import UntetherStore
@testable import UntetherWeb

@Suite("Step 3 pages: Pause, check-ins, trends, urges and tools")
struct WithdrawalPageTests {
    @Test("the Pause button is on every unlocked page, and not before unlocking", arguments: [
        "/today", "/notes", "/log", "/settings", "/days", "/trends", "/checkin", "/tools", "/reply",
    ])
    func pauseEverywhere(path: String) async throws {
        try await TestApp().run { browser in
            let welcome = try await browser.get("/welcome")
            #expect(!welcome.body.contains("id=\"reach-out\""))
            try await browser.setUp()
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains("<a id=\"reach-out\" class=\"pause\" href=\"/pause\""))
            try await browser.post("/lock")
            #expect(!(try await browser.get("/unlock").body.contains("id=\"reach-out\"")))
        }
    }

    @Test("a new Pause screen invites the person to write their reasons and plan; the log reminder is off")
    func emptyPause() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/log/new", ["occurred_on": "2026-11-01", "description": "They broke my phone"])
            let page = try await browser.get("/pause")
            #expect(page.body.contains("Write your reasons"))
            #expect(page.body.contains("Make your plan"))
            #expect(!page.body.contains("id=\"part-reminder\""))
            #expect(!page.body.contains("They broke my phone"), "nothing from the log unless the person opts in")
            #expect(page.body.contains("id=\"urge-timer\" class=\"urge-timer\" data-seconds=\"600\""))
            for tool in GuidedTool.allCases {
                #expect(page.body.contains("href=\"/tools/\(tool.rawValue)\""))
            }
        }
    }

    @Test("set-up: reasons, people, actions, the reminder and the timer appear on Pause, in the chosen order")
    func setupAndOrder() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/log/new", ["occurred_on": "2026-10-01", "description": "Older entry"])
            try await browser.post("/log/new", ["occurred_on": "2026-11-02", "description": "They shouted at the kids"])
            let saved = try await browser.post("/pause/setup", [
                "reasons": "I was scared all the time\n\nI want calm", "people": "Sam 07700 900123", "actions": "Walk to the park",
                "show_reminder": "on", "timer_minutes": "15",
            ])
            #expect(saved.location == "/pause/setup?done=setup")
            let pause = try await browser.get("/pause")
            #expect(pause.body.contains("<li>I was scared all the time</li><li>I want calm</li>"))
            #expect(pause.body.contains("Sam 07700 900123"))
            #expect(pause.body.contains("Walk to the park"))
            #expect(pause.body.contains("On 2 Nov 2026 you wrote:"))
            #expect(pause.body.contains("They shouted at the kids"))
            #expect(pause.body.contains("data-seconds=\"900\""))
            #expect(pause.body.contains("15:00"))

            try await browser.post("/pause/order", ["part": "timer", "direction": "up"])
            try await browser.post("/pause/order", ["part": "timer", "direction": "up"])
            let reordered = try await browser.get("/pause")
            let order = ["part-reasons", "part-timer", "part-reminder", "part-crisis-plan", "part-tools"].map { id in
                reordered.body.range(of: "id=\"\(id)\"").map { reordered.body.distance(from: reordered.body.startIndex, to: $0.lowerBound) } ?? -1
            }
            #expect(order.allSatisfy { $0 >= 0 })
            #expect(order == order.sorted(), "timer moved up two places, above the reminder and the crisis plan")

            let refused = try await browser.post("/pause/setup", ["reasons": "kept", "timer_minutes": "0"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("The timer can be from 1 to 60 minutes."))
            #expect(refused.body.contains(">kept</textarea>"))
        }
    }

    @Test("the after-questions: nothing is required, numbers are checked, and a saved urge shows in the log")
    func afterQuestions() async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            let empty = try await browser.post("/pause", [:])
            #expect(empty.location == "/today")
            #expect(try await app.home.existingStore()?.recordCounts()["urge", default: 0] == 0)

            let bad = try await browser.post("/pause", ["before": "12", "note": "kept as typed"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Strength is from 0"))
            #expect(bad.body.contains("value=\"kept as typed\""))

            let saved = try await browser.post("/pause", [
                "before": "8", "after": "3", "helped_box_breathing": "on", "helped_called_someone": "on",
                "trigger_message_from_them": "on", "trigger_note": "saw their car", "contacted": "no",
            ])
            #expect(saved.location == "/pause?done=saved")
            let log = try await browser.get("/pause/log")
            #expect(log.body.contains("Strength 8 at the start, 3 after (out of 10)"))
            #expect(log.body.contains("Set off by: a message from them, saw their car"))
            #expect(log.body.contains("Helped: box breathing, talking to someone"))
            #expect(log.body.contains("No contact"))
        }
    }

    @Test("saying yes, I got in touch on Pause also logs a contact, started by whoever the person says", arguments: [("yes", "me"), ("them", "them")])
    func pauseContactLogged(answer: String, initiator: String) async throws {
        let app = TestApp()
        try await app.run { browser in
            try await browser.setUp()
            #expect(try await browser.get("/pause").body.contains("id=\"contacted-them\""))
            try await browser.post("/pause", ["before": "7", "contacted": answer])
            let store = try #require(try await app.home.existingStore())
            let vault = try await Vault(store: store).unlock(passphrase: testPassphrase, now: app.clock.now)
            let contacts = try await vault.log(ContactEvent.self).all()
            #expect(contacts.count == 1)
            #expect(contacts.first?.initiatedBy.rawValue == initiator)
            #expect(try await vault.log(Urge.self).all().first?.contacted == true)
        }
    }

    @Test("a check-in is saved and shows in the chart and the table; a bad rating is refused with the form kept")
    func checkIn() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            let empty = try await browser.get("/trends")
            #expect(empty.body.contains("No check-ins yet"))
            #expect(!empty.body.contains("id=\"trend-table\""))

            let form = try await browser.get("/checkin")
            for symptom in Symptoms.all {
                #expect(form.body.contains("name=\"s_\(symptom.id)\" value=\"4\""))
            }
            let refused = try await browser.post("/checkin", ["s_nausea": "7", "note": "kept line"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Each rating is from 0"))
            #expect(refused.body.contains("value=\"kept line\""))
            #expect(try await browser.post("/checkin", [:]).status == .unprocessableContent, "an empty check-in says so")

            let saved = try await browser.post("/checkin", ["s_nausea": "4", "s_sleep": "2", "s_longing": "3", "sleep_hours": "5.5"])
            #expect(saved.location == "/trends?done=checkin")
            let trends = try await browser.get("/trends")
            #expect(trends.body.contains("<svg id=\"trend-chart\" class=\"chart\""))
            #expect(trends.body.contains("role=\"img\" aria-labelledby=\"trend-chart-title trend-chart-desc\""))
            #expect(trends.body.contains("One check-in so far"))
            #expect(trends.body.contains("id=\"trend-table\""))
            #expect(trends.body.contains("<td>3.0</td><td>3.0</td><td>–</td><td>3.0</td>"), "body 3, feelings 3, thinking not rated, overall 3")
            #expect(trends.body.contains("class=\"dot s-overall\""), "a single point is drawn as a dot")
        }
    }

    @Test("what helps: nothing ranked before five measured urges, then ranked by average drop")
    func whatHelps() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/pause", ["before": "9", "after": "2", "helped_grounding": "on"])
            #expect(try await browser.get("/trends").body.contains("So far: 1."))
            for (before, after, tool) in [(8, 4, "movement"), (7, 1, "grounding"), (6, 5, "movement"), (9, 9, "waited")] {
                try await browser.post("/pause", ["before": String(before), "after": String(after), "helped_\(tool)": "on"])
            }
            let page = try await browser.get("/trends")
            #expect(!page.body.contains("id=\"not-enough\""))
            #expect(page.body.contains("<li><strong>5-4-3-2-1 grounding</strong>: eased it by 6.5 points on average, used twice.</li><li><strong>Moving my body</strong>: eased it by 2.5 points"))
            #expect(page.body.contains("Tried too few times to compare yet: just waiting (once)."))
        }
    }

    @Test("trends can be shown by day, week or month; an unknown scale falls back to automatic")
    func scales() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            try await browser.post("/checkin", ["s_low": "2"])
            for scale in Trends.Scale.allCases {
                let page = try await browser.get("/trends?by=\(scale.rawValue)")
                #expect(page.body.contains("Withdrawal over time, by \(scale.rawValue)"))
            }
            #expect(try await browser.get("/trends?by=decade").body.contains("Withdrawal over time, by day"))
        }
    }

    @Test("every tool has its own page; the breathing ones carry their timing")
    func tools() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            for tool in GuidedTool.allCases {
                let page = try await browser.get("/tools/\(tool.rawValue)")
                #expect(page.status == .ok)
                #expect(page.body.components(separatedBy: "<h1").count == 2)
                #expect(page.body.contains("id=\"breather\"") == (tool.breathing != nil))
            }
            #expect(try await browser.get("/tools/box-breathing").body.contains("data-seconds=\"4,4,4,4\""))
            #expect(try await browser.get("/tools/nope").status == .notFound)
        }
    }

    @Test("words typed into Step 3 never reach the disk or the log in clear")
    func canaryNeverOnDisk() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("untether-step3-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = TestApp(home: DirectoryVaultHome(directory: directory))
        let canary = "CANARY\(UUID().uuidString.prefix(8))"
        try await app.run { browser in
            try await browser.setUp()
            try await browser.post("/checkin", ["s_low": "2", "note": "\(canary)-checkin"])
            try await browser.post("/pause", ["before": "5", "trigger_note": "\(canary)-trigger", "note": "\(canary)-note"])
            try await browser.post("/pause/setup", ["reasons": "\(canary)-reason", "people": "\(canary)-person", "actions": "\(canary)-action", "timer_minutes": "10"])
            #expect(try await browser.get("/pause").body.contains("\(canary)-reason"))
        }
        let bytes = try VaultFiles.bytes(in: directory)
        #expect(!bytes.isEmpty)
        #expect(bytes.range(of: Data(canary.utf8)) == nil)
        #expect(!app.logs.text.contains(canary))
    }
}

@Suite("The trend chart")
struct TrendChartTests {
    static let zone = TimeZone(identifier: "Europe/London")!
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func chart(days: Int, scale: Trends.Scale) -> TrendChart {
        let checkIns = (0..<days).map { day in
            try! CheckIn.validated(id: UUID(), at: now.addingTimeInterval(-Double(day) * 86_400),
                                   ratings: ["low": day % 5, "pain": (day / 7) % 5, "focus": 2])
        }
        let contacts = stride(from: 0, to: days, by: 30).map { day in
            ContactEvent(id: UUID(), at: now.addingTimeInterval(-Double(day) * 86_400), channel: .text, initiatedBy: .them, necessary: true)
        }
        let points = Trends.series(checkIns: checkIns, urges: [], contacts: contacts, scale: scale, now: now, timeZone: zone)
        return TrendChart(points: points, scale: scale, from: nil, now: now, timeZone: zone)
    }

    /// Checks the SVG is well formed enough to be drawn: every tag closed in order, quotes
    /// balanced inside tags, and every `&` starting an entity.
    static func isWellFormed(_ svg: String) -> Bool {
        var stack: [Substring] = []
        var rest = Substring(svg)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return false }
            let tag = rest[rest.index(after: open)..<close]
            guard tag.filter({ $0 == "\"" }).count % 2 == 0 else { return false }
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter }
            if tag.hasPrefix("/") {
                guard stack.popLast() == name else { return false }
            } else if !tag.hasSuffix("/") {
                stack.append(name)
            }
            let text = rest[close...].dropFirst().prefix { $0 != "<" }
            if text.contains("&") && text.range(of: "&(amp|lt|gt|quot|#[0-9]+);", options: .regularExpression) == nil { return false }
            rest = rest[rest.index(after: close)...]
        }
        return stack.isEmpty && svg.hasPrefix("<svg") && svg.hasSuffix("</svg>")
    }

    @Test("no data: a well-formed chart that says so")
    func empty() {
        let chart = TrendChart(points: [], scale: .day, from: nil, now: Self.now, timeZone: Self.zone)
        let svg = chart.svg(id: "c")
        #expect(Self.isWellFormed(svg))
        #expect(svg.contains("No check-ins yet"))
        #expect(!svg.contains("<polyline"))
        #expect(chart.summary == "No check-ins yet.")
    }

    @Test("one point: a dot in the middle, no line")
    func onePoint() {
        let chart = Self.chart(days: 1, scale: .day)
        let svg = chart.svg(id: "c")
        #expect(Self.isWellFormed(svg))
        #expect(!svg.contains("<polyline"))
        #expect(svg.contains("<circle class=\"dot s-overall\" cx=\"188.0\""), "centred between the margins")
        #expect(chart.summary.hasPrefix("One check-in so far"))
    }

    @Test("five years of daily data: every day drawn inside the frame, and summarised", arguments: Trends.Scale.allCases)
    func fiveYears(scale: Trends.Scale) throws {
        let chart = Self.chart(days: 1826, scale: scale)
        let svg = chart.svg(id: "c")
        #expect(Self.isWellFormed(svg))
        let overall = try #require(svg.range(of: "<polyline class=\"line s-overall\" points=\"[^\"]*\"", options: .regularExpression))
        let coordinates = svg[overall].split(separator: "\"")[3].split(separator: " ")
        #expect(coordinates.count == chart.points.count)
        for pair in coordinates {
            let parts = pair.split(separator: ",").compactMap { Double($0) }
            #expect(parts.count == 2)
            #expect(parts[0] >= TrendChart.left - 0.05 && parts[0] <= TrendChart.width - TrendChart.right + 0.05)
            #expect(parts[1] >= TrendChart.top - 0.05 && parts[1] <= TrendChart.top + TrendChart.plotHeight + 0.05)
        }
        #expect(svg.contains("class=\"m-contact\""))
        #expect(chart.summary.contains("with contact"))
        #expect(svg.contains("<circle class=\"dot") == (chart.points.count <= 60))
    }
}

@Suite("Numbers in charts")
struct ChartNumberTests {
    @Test("one decimal place, rounded, with the sign kept", arguments: [
        (0.0, "0.0"), (2.25, "2.3"), (2.24, "2.2"), (4.0, "4.0"), (-1.25, "-1.3"), (-0.04, "0.0"), (183.333, "183.3"), (-12.06, "-12.1"),
    ])
    func format(value: Double, expected: String) {
        #expect(TrendChart.number(value) == expected)
    }
}
