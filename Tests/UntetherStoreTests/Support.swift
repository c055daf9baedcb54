import Foundation
@testable import UntetherStore
import UntetherVault

/// Every store backend; contract tests run against each of them.
enum Backend: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory
    case sqliteInMemory
    case sqliteFile

    var description: String { rawValue }

    func make() throws -> any VaultStore {
        switch self {
        case .memory: MemoryVaultStore()
        case .sqliteInMemory: try SQLiteVaultStore()
        case .sqliteFile: try SQLiteVaultStore(directory: TemporaryDirectory.make())
        }
    }
}

enum TemporaryDirectory {
    static func make() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("untether-tests-\(UUID().uuidString.lowercased())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

let testKDF = KDFParameters.insecureForTestsOnly
let testPassphrase = "correct horse battery staple"

/// A fixed, advancing clock for tests.
final class TestClock: @unchecked Sendable {
    private var current: Date
    private let lock = NSLock()

    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        current = start
    }

    /// The current time, then moves one second on so every event has its own time.
    func tick() -> Date {
        lock.lock()
        defer { lock.unlock() }
        let now = current
        current = current.addingTimeInterval(1)
        return now
    }
}
