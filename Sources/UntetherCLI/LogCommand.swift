import ArgumentParser
import Foundation
import UntetherCore
import UntetherExport
import UntetherStore
import UntetherVault

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Write down what happened, list the log, and export it for people who help.",
        subcommands: [Add.self, Amend.self, Attach.self, List.self, Export.self]
    )

    /// An entry id as typed, or an error saying what ids look like.
    static func entryID(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw CLIError("'\(text.prefix(40))' is not an entry id. Ids look like the ones 'untether log list' prints.")
        }
        return id
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save one entry, given as JSON (see the README for every field).",
            discussion: "Required: occurredAt (\"2026-11-20\" or \"2026-11-20T21:40\") and description. Often used: categories (ids such as emotional_verbal), severity (1–5)."
        )

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("A JSON file, or - for standard input.", valueName: "file")) var json: String

        func run() async throws {
            try await reportingFailures {
                let data = try StandardInput.data(fromFileOrDash: json)
                let draft = try LogJSON.draft(from: data)
                let store = try vault.openExistingStore()
                let unlocked = try await vault.unlock(store)
                let incident = try await unlocked.evidence.record(draft, now: Date(), today: try await vault.clock(unlocked).today)
                Terminal.out("Saved entry \(incident.id.uuidString.lowercased())")
            }
        }
    }

    struct Amend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a correction or addition to an entry. The entry itself never changes; both are kept."
        )

        @OptionGroup var vault: VaultOptions
        @Argument(help: "The entry's id, as shown by 'log list'.") var id: String
        @Option(help: ArgumentHelp("What to correct or add, in your words.", valueName: "text")) var change: String
        @Option(help: ArgumentHelp("Why, if you want to say.", valueName: "text")) var reason: String = ""

        func run() async throws {
            try await reportingFailures {
                let entryID = try LogCommand.entryID(id)
                let store = try vault.openExistingStore()
                let unlocked = try await vault.unlock(store)
                do {
                    try await unlocked.evidence.amend(entryID, change: change, reason: reason, now: Date())
                } catch StoreError.notFound {
                    throw CLIError("There is no entry \(entryID.uuidString.lowercased()) in the log, or it was removed. Nothing was saved.")
                }
                Terminal.out("Added to entry \(entryID.uuidString.lowercased())")
            }
        }
    }

    struct Attach: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Attach a photo, document or recording to an entry. The file is kept exactly, encrypted."
        )

        @OptionGroup var vault: VaultOptions
        @Argument(help: "The entry's id, as shown by 'log list'.") var id: String
        @Argument(help: ArgumentHelp("The file to attach (up to 25 MB).", valueName: "file")) var file: String

        func run() async throws {
            try await reportingFailures {
                let entryID = try LogCommand.entryID(id)
                let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
                guard let size else { throw CLIError("The file \(file) could not be read. Check the path and that you may read it.") }
                guard size <= AttachmentType.maxBytes else { throw AttachmentError.tooLarge }
                guard let bytes = FileManager.default.contents(atPath: url.path) else {
                    throw CLIError("The file \(file) could not be read. Check the path and that you may read it.")
                }
                let store = try vault.openExistingStore()
                let unlocked = try await vault.unlock(store)
                let attachment = try await unlocked.evidence.attach(bytes, fileName: url.lastPathComponent, to: entryID, now: Date())
                Terminal.out("Attached \(attachment.type.mediaType), SHA-256 \(attachment.sha256)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the log, most recent first.")

        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: every entry with its amendments, or its removal.") var json = false

        func run() async throws {
            try await reportingFailures {
                let store = try vault.openExistingStore()
                let entries = try await vault.unlock(store).evidence.entries()
                if json {
                    Terminal.out(try LogJSON.encode(entries))
                } else if entries.isEmpty {
                    Terminal.out("Nothing in the log yet.")
                } else {
                    for entry in entries {
                        if let incident = entry.incident {
                            let summary = incident.description.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                            Terminal.out("\(incident.id.uuidString.lowercased())  \(incident.occurredOn)  \(summary.prefix(80))")
                        } else {
                            Terminal.out("\(entry.id.uuidString.lowercased())  (removed)")
                        }
                    }
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a bundle for a lawyer, advocate or therapist: a printable report, the records and their hashes, in one zip.",
            discussion: "Anyone can check the bundle later with 'untether verify FILE.zip', without your passphrase."
        )

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("Where to write the zip file.", valueName: "file")) var out: String
        @Option(help: ArgumentHelp("First day to include (YYYY-MM-DD).", valueName: "date")) var from: String?
        @Option(help: ArgumentHelp("Last day to include (YYYY-MM-DD).", valueName: "date")) var to: String?
        @Option(name: .customLong("category"), help: ArgumentHelp("Only entries of this kind; repeat for more. Ids: \(IncidentCategory.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "id"))
        var categories: [String] = []
        @Flag(help: "Leave attached files out of the bundle.") var noAttachments = false
        @Flag(help: "Remove location data from copies of photos (originals stay untouched); photos that can't be cleaned are left out.")
        var stripLocation = false

        func validate() throws {
            for day in [from, to].compactMap({ $0 }) where CalendarDay(day) == nil {
                throw ValidationError("'\(day)' is not a date. Write it like 2026-11-25.")
            }
            for category in categories where IncidentCategory(rawValue: category) == nil {
                throw ValidationError("'\(category)' is not a category id. Use one of: \(IncidentCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let target = URL(fileURLWithPath: (out as NSString).expandingTildeInPath)
                guard !FileManager.default.fileExists(atPath: target.path) else {
                    throw CLIError("\(out) already exists. Choose a new file name, so no earlier export is overwritten.")
                }
                let store = try vault.openExistingStore()
                let unlocked = try await vault.unlock(store)
                let options = ExportOptions(
                    from: from.flatMap { CalendarDay($0) }, to: to.flatMap { CalendarDay($0) }, categories: Set(categories.compactMap(IncidentCategory.init(rawValue:))),
                    includeAttachments: !noAttachments, stripLocation: stripLocation, timeZone: try await vault.clock(unlocked).timeZone
                )
                let zip = try await unlocked.exportEvidence(options, now: Date()) { line in
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
                try zip.write(to: target, options: .withoutOverwriting)
                Terminal.out("Export written to \(target.path). Check it any time with: untether verify \(target.lastPathComponent)")
            }
        }
    }
}

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that records were not changed, removed or reordered.",
        discussion: "'untether verify FILE.zip' checks an exported bundle and needs no passphrase. 'untether verify --vault' checks the whole log in your vault."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: ArgumentHelp("An exported bundle (.zip).", valueName: "file")) var bundle: String?
    @Flag(name: .customLong("vault"), help: "Check the log in the vault instead of a bundle.") var checkVault = false

    func validate() throws {
        guard (bundle == nil) != !checkVault else {
            throw ValidationError("Give either a bundle file to check, or --vault.")
        }
    }

    func run() async throws {
        try await reportingFailures {
            if let bundle {
                guard let data = FileManager.default.contents(atPath: (bundle as NSString).expandingTildeInPath) else {
                    throw CLIError("The file \(bundle) could not be read. Check the path and that you may read it.")
                }
                let result = EvidenceBundle.verify(data)
                guard result.isIntact else { throw CLIError(result.summary) }
                Terminal.out(result.summary)
            } else {
                let store = try vault.openExistingStore()
                let report = try await vault.unlock(store).evidence.verify()
                guard report.isIntact else {
                    throw CLIError("Not intact: " + report.problems.map(\.description).joined(separator: "; "))
                }
                Terminal.out("Intact: all \(report.entries) entries check out. Check code: \(report.entries) · \(report.head?.chainHashHex ?? "(empty)")")
            }
        }
    }
}

/// The JSON accepted by `log add` and printed by `log list --json`.
enum LogJSON {
    struct Input: Decodable {
        let occurredAt: String
        let description: String?
        let categories: [String]?
        let severity: Int?
        let approximate: Bool?
        let location: String?
        let phase: String?
        let injuries: String?
        let witnesses: String?
        let childrenPresent: Bool?
        let reports: [Report]?
        let kindMoment: String?
        let dangerSigns: [String]?

        /// Every field an entry may have.
        static let fields: Set<String> = [
            "occurredAt", "description", "categories", "severity", "approximate", "location", "phase", "injuries", "witnesses",
            "childrenPresent", "reports", "kindMoment", "dangerSigns",
        ]

        struct Report: Decodable {
            let kind: String
            let reference: String?
        }
    }

    static func draft(from data: Data) throws -> IncidentDraft {
        let input: Input
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw CLIError("That is not an entry in JSON. It needs at least \"occurredAt\" and \"description\"; see the README.")
        }
        // Evidence is kept exactly: a field this version does not know would be lost, so it is refused.
        if let unknown = object.keys.sorted().first(where: { !Input.fields.contains($0) }) {
            throw CLIError("'\(unknown.prefix(40))' is not a field of an entry, so nothing was saved. Fields: \(Input.fields.sorted().joined(separator: ", ")).")
        }
        if let severity = object["severity"] as? Double, severity != severity.rounded() {
            throw CLIError("'severity' must be a whole number from 1 to 5, so nothing was saved.")
        }
        do {
            // The decoder takes a number for a number only: "3" and true are refused by name.
            input = try JSONDecoder().decode(Input.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            let field = context.codingPath.map(\.stringValue).filter { Int($0) == nil }.joined(separator: ".")
            throw CLIError("'\(field)' has the wrong kind of value, so nothing was saved; see the README for the entry format.")
        } catch {
            throw CLIError("That is not an entry in JSON. It needs at least \"occurredAt\" and \"description\"; see the README.")
        }
        let day = String(input.occurredAt.prefix(10))
        var time = ""
        if input.occurredAt.count >= 16 {
            let start = input.occurredAt.index(input.occurredAt.startIndex, offsetBy: 11)
            time = String(input.occurredAt[start...].prefix(5))
        }
        var categories: [IncidentCategory] = []
        for id in input.categories ?? [] {
            guard let category = IncidentCategory(rawValue: id) else {
                throw CLIError("'\(id.prefix(40))' is not a category id. Use: \(IncidentCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            categories.append(category)
        }
        let severity = try input.severity.map { value in
            guard let level = Severity(rawValue: value) else { throw CLIError("severity must be a whole number from 1 to 5.") }
            return level
        }
        let phase = try input.phase.map { value in
            guard let phase = CyclePhase(rawValue: value) else {
                throw CLIError("phase must be one of: \(CyclePhase.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return phase
        }
        let kindMoment = try input.kindMoment.map { value in
            guard let moment = KindMoment(rawValue: value) else {
                throw CLIError("kindMoment must be one of: \(KindMoment.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return moment
        }
        let reports = try (input.reports ?? []).map { report in
            guard let kind = IncidentReport.Kind(rawValue: report.kind) else {
                throw CLIError("a report's kind must be one of: \(IncidentReport.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return IncidentReport(kind: kind, reference: report.reference ?? "")
        }
        let signs = try (input.dangerSigns ?? []).map { id in
            guard let sign = DangerSign(rawValue: id) else {
                throw CLIError("'\(id.prefix(40))' is not a danger sign id. Use: \(DangerSign.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return sign
        }
        return IncidentDraft(
            kindMoment: kindMoment, occurredOn: day, occurredAt: time, approximate: input.approximate ?? false,
            location: input.location ?? "", description: input.description ?? "", categories: categories, severity: severity,
            phase: phase, injuries: input.injuries ?? "", witnesses: input.witnesses ?? "",
            childrenPresent: input.childrenPresent, reports: reports, dangerSigns: signs
        )
    }

    struct Output: Encodable {
        let id: String
        let sequence: Int
        let removed: Removed?
        let entry: Incident?
        let amendments: [Amendment]
        let attachments: [Attachment]

        struct Removed: Encodable {
            let at: Date
            let reason: String
        }
    }

    static func encode(_ entries: [LogEntry]) throws -> String {
        let output = entries.map { entry in
            Output(
                id: entry.id.uuidString.lowercased(), sequence: entry.sequence,
                removed: entry.removal.map { Output.Removed(at: $0.recordedAt, reason: $0.reason) },
                entry: entry.incident, amendments: entry.amendments, attachments: entry.attachments
            )
        }
        return try NoteJSON.string(output)
    }
}
