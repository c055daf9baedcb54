// Measures the withdrawal trends page with five years of daily data: 1,826 check-ins, about
// 900 urges and 60 contacts in an SQLite vault on disk. Each request goes through the whole app
// (routing, security headers, session, reading and opening every record, the calculations and
// the SVG), using Hummingbird's in-process test client, so only the network is left out.
// Run: swift run -c release trends-benchmark
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Logging
import UntetherCore
import UntetherStore
import UntetherVault
import UntetherWeb

let days = 1_826
let runs = 41
let passphrase = "benchmark passphrase"

func milliseconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * 1000
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("untether-trends-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: directory) }
let now = Date()

// Five years of writing, oldest first.
let setup = try await milliseconds {
    let store = try SQLiteVaultStore(directory: directory)
    let vault = try await Vault(store: store).create(passphrase: passphrase, kdf: .insecureForTestsOnly, now: now).vault
    var generator = SystemRandomNumberGenerator()
    for day in 0..<days {
        let at = now.addingTimeInterval(-Double(days - day) * 86_400 + 3_600)
        // Withdrawal easing over the years, with noise.
        let level = max(0, min(4, Int((4.0 * Double(days - day) / Double(days)).rounded()) + Int.random(in: -1...1, using: &generator)))
        let ratings = Dictionary(uniqueKeysWithValues: Symptoms.all.map { ($0.id, max(0, min(4, level + Int.random(in: -1...1, using: &generator)))) })
        try await vault.log(CheckIn.self).add(try CheckIn.validated(id: UUID(), at: at, ratings: ratings, sleepHours: 7, note: "A line about the day."))
        if day % 2 == 0 {
            let before = Int.random(in: 4...10, using: &generator)
            try await vault.log(Urge.self).add(try Urge.validated(
                id: UUID(), at: at.addingTimeInterval(7_200), before: before, after: max(0, before - Int.random(in: 0...6, using: &generator)),
                triggers: [UrgeTrigger.allCases.randomElement(using: &generator)!], helped: [CopingAction.allCases.randomElement(using: &generator)!],
                contacted: false
            ))
        }
        if day % 30 == 0 {
            try await vault.log(ContactEvent.self).add(ContactEvent(id: UUID(), at: at, channel: .email, initiatedBy: .them, necessary: true))
        }
    }
}
print(String(format: "setup: %d days of check-ins, urges and contacts written in %.1f s", days, setup / 1000))

// The parts on their own: reading and opening the records, then the calculations.
do {
    let store = try SQLiteVaultStore(directory: directory)
    let vault = try await Vault(store: store).unlock(passphrase: passphrase, now: now)
    var read: [Double] = []
    var series: [Double] = []
    var helps: [Double] = []
    for _ in 0..<runs {
        var checkIns: [CheckIn] = []
        var urges: [Urge] = []
        var contacts: [ContactEvent] = []
        read.append(try await milliseconds {
            checkIns = try await vault.log(CheckIn.self).all()
            urges = try await vault.log(Urge.self).all()
            contacts = try await vault.log(ContactEvent.self).all()
        })
        series.append(await milliseconds {
            _ = Trends.series(checkIns: checkIns, urges: urges, contacts: contacts, scale: .month, now: now, timeZone: .current)
        })
        helps.append(await milliseconds { _ = Trends.whatHelps(urges: urges, timeZone: .current) })
    }
    print(String(format: "parts: read and open %d records %.1f ms, monthly series %.1f ms, what helps %.1f ms (medians)",
                 days + days / 2 + days / 30 + 2, median(read), median(series), median(helps)))
}

let environment = WebEnvironment(
    home: DirectoryVaultHome(directory: directory), kdf: .insecureForTestsOnly, logger: Logger(label: "benchmark") { _ in SwiftLogNoOpLogHandler() }
)
let app = Application(router: buildRouter(environment: environment, sessions: SessionManager()))
try await app.test(.router) { client in
    var cookie = ""
    func remember(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] where header.hasPrefix("session=") {
            cookie = String(header.dropFirst("session=".count).prefix { $0 != ";" })
        }
    }
    func token(_ html: String) -> String {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return "" }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
    let unlockPage = try await client.execute(uri: "/unlock", method: .get)
    remember(unlockPage)
    var headers: HTTPFields = [.cookie: "session=\(cookie)", .contentType: "application/x-www-form-urlencoded"]
    headers[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
    headers[HTTPField.Name("Origin")!] = "http://localhost"
    let body = "csrf=\(token(String(buffer: unlockPage.body)))&passphrase=\(passphrase.replacingOccurrences(of: " ", with: "+"))"
    let unlocked = try await client.execute(uri: "/unlock", method: .post, headers: headers, body: ByteBuffer(string: body))
    remember(unlocked)
    precondition(unlocked.status == .seeOther, "unlock failed: \(unlocked.status)")

    for (label, uri) in [("automatic (months)", "/trends"), ("by week", "/trends?by=week"), ("by day", "/trends?by=day")] {
        var times: [Double] = []
        var size = 0
        for _ in 0..<runs {
            times.append(try await milliseconds {
                let response = try await client.execute(uri: uri, method: .get, headers: [.cookie: "session=\(cookie)"])
                precondition(response.status == .ok && String(buffer: response.body).contains("id=\"trend-chart\""))
                size = response.body.readableBytes
            })
        }
        print(String(format: "GET %@ %@: median %.1f ms (min %.1f, max %.1f) over %d requests, page %d KB",
                     uri, label, median(times), times.min()!, times.max()!, runs, size / 1024))
    }
}
