// Measures exporting a large log: 1,000 entries with 200 photo attachments (about 300 KB each),
// into one evidence bundle, then verifying it. Run: swift run -c release export-benchmark
import Foundation
import UntetherCore
import UntetherExport
import UntetherStore
import UntetherVault

let entries = 1_000
let photos = 200
let photoSize = 300 * 1024
let runs = 5

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("untether-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: directory) }
let store = try SQLiteVaultStore(directory: directory)
let vault = try await Vault(store: store).create(passphrase: "benchmark passphrase", kdf: .insecureForTestsOnly, now: Date()).vault
let log = vault.evidence

var generator = SystemRandomNumberGenerator()
let setup = try await seconds {
    var ids: [UUID] = []
    for index in 0..<entries {
        let day = String(format: "2025-%02d-%02d", index % 12 + 1, index % 28 + 1)
        let incident = try await log.record(
            IncidentDraft(occurredOn: day, occurredAt: "21:30", location: "Home", description: String(repeating: "What happened, in words. ", count: 20),
                          categories: [.emotionalVerbal, .threats], severity: .three, phase: .incident),
            now: Date(), today: "2026-11-25")
        ids.append(incident.id)
    }
    for index in 0..<photos {
        var bytes = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xDA, 0x00, 0x02])
        bytes += Data((0..<photoSize).map { _ in UInt8.random(in: 0...254, using: &generator) })
        bytes += Data([0xFF, 0xD9])
        try await log.attach(bytes, fileName: "photo-\(index).jpg", to: ids[index * (entries / photos)], now: Date())
    }
}
print(String(format: "setup: %d entries and %d photos written in %.1f s", entries, photos, setup))

var exportTimes: [Double] = []
var verifyTimes: [Double] = []
var size = 0
for _ in 0..<runs {
    var zip = Data()
    exportTimes.append(try await seconds {
        zip = try await EvidenceBundle.make(from: log, options: ExportOptions(stripLocation: true), now: Date())
    })
    size = zip.count
    verifyTimes.append(await seconds {
        precondition(EvidenceBundle.verify(zip).isIntact)
    })
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
print(String(format: "export: median %.2f s over %d runs (min %.2f, max %.2f), bundle %.1f MB",
             median(exportTimes), runs, exportTimes.min()!, exportTimes.max()!, Double(size) / 1_048_576))
print(String(format: "verify: median %.2f s", median(verifyTimes)))
