import Foundation
import UntetherCore
import UntetherStore

extension UnlockedVault {
    /// Makes an evidence bundle of the log and records the export in the access log: the one way
    /// both the web app and the command line export.
    public func exportEvidence(
        _ options: ExportOptions, now: Date, progress: @Sendable (String) -> Void = { _ in }
    ) async throws -> Data {
        let zip = try await EvidenceBundle.make(from: evidence, options: options, now: now, progress: progress)
        try await store.append(AccessEvent(id: UUID(), kind: .exported, at: now))
        return zip
    }
}

extension EvidenceBundle {
    /// The name a bundle is offered under: bland, with the person's day.
    public static func fileName(today: CalendarDay) -> String { "records-\(today).zip" }
}
