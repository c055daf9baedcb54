import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore
import UntetherVault

struct NoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Write and read private notes.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self, Import.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save a note. The text of the note is read from standard input.")

        @OptionGroup var vault: VaultOptions
        @Option(help: "The note's title.") var title: String

        func run() async throws {
            try await reportingFailures {
                let body = try StandardInput.readAll()
                let draft = try NoteDraft(title: title, body: body)
                let store = try vault.openExistingStore()
                let unlocked = try await vault.unlock(store)
                let note = try await unlocked.log(Note.self).add(draft, now: Date())
                Terminal.out("Saved note \(note.id.uuidString.lowercased())")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List notes, newest first.")

        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: an array of notes with id, title, body, createdAt and updatedAt.") var json = false

        func run() async throws {
            try await reportingFailures {
                let store = try vault.openExistingStore()
                let notes = try await vault.unlock(store).log(Note.self).all()
                if json {
                    Terminal.out(try NoteJSON.encode(notes))
                } else if notes.isEmpty {
                    Terminal.out("No notes yet.")
                } else {
                    for note in notes {
                        Terminal.out("\(note.id.uuidString.lowercased())  \(NoteJSON.timestamp(note.createdAt))  \(note.title)")
                    }
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one note.")

        @OptionGroup var vault: VaultOptions
        @Argument(help: "The note's id, as shown by 'note list'.") var id: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingFailures {
                let noteID = try NoteID.parse(id)
                let store = try vault.openExistingStore()
                let notes = try await vault.unlock(store).log(Note.self)
                guard let note = try await notes.value(noteID) else { throw StoreError.notFound }
                if json {
                    Terminal.out(try NoteJSON.encode(note))
                } else {
                    Terminal.out("\(note.title)\n\(NoteJSON.timestamp(note.createdAt))\n\n\(note.body)")
                }
            }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a note's title, or its text (read from standard input with --body).")

        @OptionGroup var vault: VaultOptions
        @Argument(help: "The note's id.") var id: String
        @Option(help: "A new title.") var title: String?
        @Flag(help: "Replace the note's text with standard input.") var body = false

        func validate() throws {
            guard title != nil || body else { throw ValidationError("Say what to change: --title, --body, or both.") }
        }

        func run() async throws {
            try await reportingFailures {
                let noteID = try NoteID.parse(id)
                let newBody = body ? try StandardInput.readAll() : nil
                let store = try vault.openExistingStore()
                let notes = try await vault.unlock(store).log(Note.self)
                guard let current = try await notes.value(noteID) else { throw StoreError.notFound }
                let draft = try NoteDraft(title: title ?? current.title, body: newBody ?? current.body)
                try await notes.update(id: noteID, with: draft, now: Date())
                Terminal.out("Saved note \(id.lowercased())")
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a note for good.")

        @OptionGroup var vault: VaultOptions
        @Argument(help: "The note's id.") var id: String

        func run() async throws {
            try await reportingFailures {
                let noteID = try NoteID.parse(id)
                let store = try vault.openExistingStore()
                let notes = try await vault.unlock(store).log(Note.self)
                try await notes.delete(noteID)
                Terminal.out("Deleted note \(id.lowercased())")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save many notes from standard input: one JSON object per line, with \"title\" and \"body\".",
            discussion: "Each note is saved on its own; a line 'Saved note ID' is printed as soon as it is safely on disk."
        )

        @OptionGroup var vault: VaultOptions

        struct Line: Decodable {
            let title: String
            let body: String?
        }

        func run() async throws {
            try await reportingFailures {
                let store = try vault.openExistingStore()
                let notes = try await vault.unlock(store).log(Note.self)
                var lineNumber = 0
                var failed = 0
                while let line = readLine(strippingNewline: true) {
                    lineNumber += 1
                    if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                    do {
                        guard let parsed = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)) else {
                            throw CLIError("is not a JSON object with a \"title\"")
                        }
                        let note = try await notes.add(NoteDraft(title: parsed.title, body: parsed.body ?? ""), now: Date())
                        Terminal.out("Saved note \(note.id.uuidString.lowercased())")
                    } catch {
                        failed += 1
                        Terminal.error("line \(lineNumber) was not saved: \(userMessage(for: error))")
                    }
                }
                if failed > 0 {
                    throw CLIError("\(failed) line(s) were not saved; every other note was saved.")
                }
            }
        }
    }
}

enum NoteID {
    static func parse(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw CLIError("'\(text.prefix(40))' is not a note id. Ids look like the ones 'untether note list' prints.")
        }
        return id
    }
}

enum StandardInput {
    /// The bytes of a JSON argument: a file's path, or "-" for standard input.
    static func data(fromFileOrDash path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let contents = FileManager.default.contents(atPath: (path as NSString).expandingTildeInPath) else {
            throw CLIError("The file \(path) could not be read. Check the path and that you may read it.")
        }
        return contents
    }

    /// A JSON argument decoded as `type`; `message` says what was expected when it doesn't fit.
    static func json<Value: Decodable>(_ type: Value.Type, fromFileOrDash path: String, orSay message: String) throws -> Value {
        guard let value = try? JSONDecoder().decode(type, from: try data(fromFileOrDash: path)) else { throw CLIError(message) }
        return value
    }

    /// A moment written in ISO 8601 (`at` in every JSON input), with or without fractions of a second.
    static func moment(_ text: String) throws -> Date {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = ISO8601DateFormatter().date(from: text) ?? withFraction.date(from: text) else {
            throw CLIError("'at' must be a date and time like 2026-11-20T21:40:00Z or 2026-11-20T21:40:00+01:00.")
        }
        return date
    }

    static func readAll() throws -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("The note's text is not valid UTF-8 text. Nothing was saved.")
        }
        return text
    }
}

/// The JSON shape of notes printed by `note list --json` and `note show --json`.
enum NoteJSON {
    struct Item: Encodable {
        let id: String
        let title: String
        let body: String
        let createdAt: String
        let updatedAt: String
    }

    static func item(_ note: Note) -> Item {
        Item(id: note.id.uuidString.lowercased(), title: note.title, body: note.body,
             createdAt: timestamp(note.createdAt), updatedAt: timestamp(note.updatedAt))
    }

    static func encode(_ notes: [Note]) throws -> String {
        try string(notes.map(item))
    }

    static func encode(_ note: Note) throws -> String {
        try string(item(note))
    }

    /// Pretty, sorted JSON with dates in the log's canonical form.
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(EvidenceChain.canonicalDate(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted))
    }
}
