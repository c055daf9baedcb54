import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore

/// `untether import`: many records of any kind, with one unlock.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Save many records at once from a JSON file, unlocking once.",
        discussion: """
            The file holds a JSON array. Each item has "kind" (\(Kind.allCases.map(\.rawValue).joined(separator: ", "))) and the same \
            fields as that kind's add command: for example {"kind": "urge", "at": "2026-11-20T21:40:00Z", "before": 7, "after": 4, \
            "helped": ["grounding"], "contacted": false}. A note has "title" and "body". Every item is checked before anything \
            is saved: if one is refused, nothing is saved and the item is named.
            """
    )

    enum Kind: String, CaseIterable {
        case note, journal, log, checkin, urge, contact
    }

    @OptionGroup var vault: VaultOptions
    @Option(help: ArgumentHelp("A JSON file, or - for standard input.", valueName: "file")) var json: String

    struct NoteInput: Decodable {
        let title: String
        let body: String?
    }

    func run() async throws {
        try await reportingFailures {
            let data = try StandardInput.data(fromFileOrDash: json)
            guard let items = (try? JSONSerialization.jsonObject(with: data)) as? [Any] else {
                throw CLIError("That is not a list of records in JSON. The file should hold an array, like [{\"kind\": \"note\", \"title\": \"…\"}].")
            }
            let store = try vault.openExistingStore()
            let unlocked = try await vault.unlock(store)
            let clock = try await vault.clock(unlocked)
            var batch = VaultBatch(vault: unlocked)
            for (index, item) in items.enumerated() {
                do {
                    try add(item, to: &batch, clock: clock)
                } catch {
                    throw CLIError("Item \(index + 1) of \(items.count) was refused, so nothing was saved: \(error)")
                }
            }
            guard !batch.isEmpty else { throw CLIError("The list is empty, so there was nothing to save.") }
            try await batch.commit()
            let summary = batch.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            Terminal.out("Saved \(items.count) \(items.count == 1 ? "record" : "records"): \(summary).")
        }
    }

    func add(_ item: Any, to batch: inout VaultBatch, clock: PersonalClock) throws {
        guard var object = item as? [String: Any], let name = object.removeValue(forKey: "kind") as? String else {
            throw CLIError("each item needs \"kind\": one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard let kind = Kind(rawValue: name) else {
            throw CLIError("\"\(name.prefix(40))\" is not a kind. Use one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let fields = try JSONSerialization.data(withJSONObject: object)
        func decode<Input: Decodable>(_ type: Input.Type, hint: String) throws -> Input {
            guard let input = try? JSONDecoder().decode(type, from: fields) else { throw CLIError(hint) }
            return input
        }
        switch kind {
        case .note:
            let input = try decode(NoteInput.self, hint: "That is not a note. It needs \"title\", and \"body\" if it has text.")
            try batch.add(try NoteDraft(title: input.title, body: input.body ?? "").makeNote(id: UUID(), now: clock.now))
        case .journal:
            try batch.add(try JournalCommand.Add.entry(decode(JournalCommand.Add.Input.self, hint: JournalCommand.Add.shapeHint), clock: clock))
        case .log:
            try batch.record(try LogJSON.draft(from: fields), recordedAt: clock.now, today: clock.today)
        case .checkin:
            try batch.add(try CheckInCommand.Add.checkIn(decode(CheckInCommand.Add.Input.self, hint: CheckInCommand.Add.shapeHint)))
        case .urge:
            try batch.add(try UrgeCommand.Add.urge(decode(UrgeCommand.Add.Input.self, hint: UrgeCommand.Add.shapeHint)))
        case .contact:
            try batch.add(try ContactCommand.Add.event(decode(ContactCommand.Add.Input.self, hint: ContactCommand.Add.shapeHint)))
        }
    }
}
