import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore
import UntetherVault

/// `untether checkin`: the symptom list, and saving a check-in.
struct CheckInCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Withdrawal check-ins: the symptoms, and saving one.",
        subcommands: [SymptomList.self, Add.self]
    )

    struct SymptomList: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "symptoms", abstract: "List the symptom ids and their groups.")

        @Flag(help: "Print JSON: an array of {id, group, label}, and the rating range.") var json = false

        struct Item: Encodable {
            let id: String
            let group: String
            let label: String
        }

        struct Output: Encodable {
            let symptoms: [Item]
            let groups: [String]
            let min: Int
            let max: Int
        }

        func run() async throws {
            let items = Symptoms.all.map { Item(id: $0.id, group: $0.group.rawValue, label: $0.label) }
            if json {
                Terminal.out(try NoteJSON.string(Output(
                    symptoms: items, groups: SymptomGroup.allCases.map(\.rawValue),
                    min: Symptoms.rating.lowerBound, max: Symptoms.rating.upperBound
                )))
            } else {
                for item in items { Terminal.out("\(item.id)\t\(item.group)\t\(item.label)") }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save one check-in, given as JSON.",
            discussion: "Required: at (ISO 8601) and ratings (an object from symptom id to 0–4; see `untether checkin symptoms`). Optional: sleepHours (0–24), note."
        )

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("A JSON file, or - for standard input.", valueName: "file")) var json: String

        struct Input: Decodable {
            let at: String
            let ratings: [String: Int]
            let sleepHours: Double?
            let note: String?
        }

        func run() async throws {
            try await reportingFailures {
                let input = try StandardInput.json(Input.self, fromFileOrDash: json, orSay: Self.shapeHint)
                let checkIn = try Self.checkIn(input)
                let unlocked = try await vault.unlock()
                try await unlocked.log(CheckIn.self).add(checkIn)
                Terminal.out("Saved check-in \(checkIn.id.uuidString.lowercased())")
            }
        }

        static let shapeHint = "That is not a check-in in JSON. It needs at and ratings, like {\"at\": \"2026-11-20T21:40:00Z\", \"ratings\": {\"sleep\": 3}}."

        /// The check-in an input describes, checked.
        static func checkIn(_ input: Input) throws -> CheckIn {
            try CheckIn.validated(id: UUID(), at: try StandardInput.moment(input.at), ratings: input.ratings, sleepHours: input.sleepHours, note: input.note ?? "")
        }
    }
}

/// `untether urge add`.
struct UrgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "urge",
        abstract: "The urge log: times you wanted to reach out.",
        subcommands: [Add.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save one urge, given as JSON.",
            discussion: "Required: at (ISO 8601), before and after (0–10), helped (an array of: \(CopingAction.allCases.map(\.rawValue).joined(separator: ", "))), contacted (true/false). Optional: triggers (\(UrgeTrigger.allCases.map(\.rawValue).joined(separator: ", "))), triggerNote, note."
        )

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("A JSON file, or - for standard input.", valueName: "file")) var json: String

        struct Input: Decodable {
            let at: String
            let before: Int
            let after: Int
            let helped: [String]
            let contacted: Bool
            let triggers: [String]?
            let triggerNote: String?
            let note: String?
        }

        func run() async throws {
            try await reportingFailures {
                let input = try StandardInput.json(Input.self, fromFileOrDash: json, orSay: Self.shapeHint)
                let urge = try Self.urge(input)
                let unlocked = try await vault.unlock()
                try await unlocked.log(Urge.self).add(urge)
                Terminal.out("Saved urge \(urge.id.uuidString.lowercased())")
            }
        }

        static let shapeHint = "That is not an urge in JSON. It needs at, before, after, helped and contacted."

        /// The urge an input describes, checked.
        static func urge(_ input: Input) throws -> Urge {
                let at = try StandardInput.moment(input.at)
                let helped = try input.helped.map { id in
                    guard let action = CopingAction(rawValue: id) else {
                        throw CLIError("\"\(id)\" is not a tool or action. Use: \(CopingAction.allCases.map(\.rawValue).joined(separator: ", ")).")
                    }
                    return action
                }
                let triggers = try (input.triggers ?? []).map { id in
                    guard let trigger = UrgeTrigger(rawValue: id) else {
                        throw CLIError("\"\(id)\" is not a trigger. Use: \(UrgeTrigger.allCases.map(\.rawValue).joined(separator: ", ")).")
                    }
                    return trigger
                }
                return try Urge.validated(
                    id: UUID(), at: at, before: input.before, after: input.after, triggers: triggers,
                    triggerNote: input.triggerNote ?? "", helped: helped, note: input.note ?? "", contacted: input.contacted
                )
        }
    }
}

/// `untether trends`: withdrawal over time and what helps.
struct TrendsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "Withdrawal over time, urge counts, and what helps with urges."
    )

    @OptionGroup var vault: VaultOptions
    @Flag(help: "Print JSON: points (group averages and urge counts per day, week or month) and whatHelps.") var json = false
    @Option(help: "day, week or month.") var by: String = "day"

    func validate() throws {
        if Trends.Scale(rawValue: by) == nil { throw ValidationError("--by must be day, week or month.") }
    }

    struct Output: Encodable {
        let scale: String
        let points: [Trends.Point]
        let urges: Int
        let whatHelps: Trends.WhatHelps
    }

    func run() async throws {
        try await reportingFailures {
            let unlocked = try await vault.unlock()
            let urges = try await unlocked.log(Urge.self).all()
            let scale = Trends.Scale(rawValue: by) ?? .day
            let clock = try await vault.clock(unlocked)
            let points = Trends.series(
                checkIns: try await unlocked.log(CheckIn.self).all(), urges: urges, contacts: try await unlocked.log(ContactEvent.self).all(),
                scale: scale, now: clock.now, timeZone: clock.timeZone
            )
            let helps = Trends.whatHelps(urges: urges, timeZone: clock.timeZone)
            if json {
                Terminal.out(try NoteJSON.string(Output(scale: scale.rawValue, points: points, urges: urges.count, whatHelps: helps)))
                return
            }
            if points.isEmpty { Terminal.out("No check-ins or urges yet.") }
            for point in points {
                let overall = point.overall.map { String(format: "%.1f", $0) } ?? "-"
                Terminal.out("\(point.day)\toverall \(overall)\turges \(point.urges)\(point.contact ? "\tcontact" : "")")
            }
            if helps.enoughData {
                for stat in helps.ranking {
                    Terminal.out("\(stat.action.label): eased by \(String(format: "%.1f", stat.averageDrop)) on average over \(stat.uses) urges")
                }
            } else {
                Terminal.out("What helps: \(helps.measured) of \(Trends.minimumMeasuredUrges) urges with a before and after so far.")
            }
        }
    }
}
