import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore

/// Help lines for a region; no vault or passphrase needed.
struct HelpLinesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help-lines",
        abstract: "Show help lines: the emergency number, domestic abuse lines and crisis lines. No passphrase needed.",
        discussion: "Without --region, lists the regions. GB shows England, Scotland, Wales and Northern Ireland."
    )

    @Option(help: ArgumentHelp("A region code, such as US, GB, GB-SCT or AU.", valueName: "code")) var region: String?
    @Option(help: ArgumentHelp("A help-line file that adds to or replaces regions of the built-in list, as for 'serve'.", valueName: "file")) var helpLines: String?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await reportingFailures {
            var directory = HelpLineDirectory.builtIn
            if let helpLines {
                guard let data = FileManager.default.contents(atPath: (helpLines as NSString).expandingTildeInPath) else {
                    throw CLIError("The help-line file \(helpLines) could not be read. Check the path.")
                }
                directory = directory.extended(by: try HelpLineDirectory.load(data))
            }
            guard let region else {
                if json {
                    Terminal.out(try NoteJSON.string(directory.regions.map { ["code": $0.code, "name": $0.name] }))
                } else {
                    for item in directory.regions.sorted(by: { $0.name < $1.name }) { Terminal.out("\(item.code)  \(item.name)") }
                }
                return
            }
            let found = directory.regions(matching: region)
            guard !found.isEmpty else {
                throw CLIError("There is no help-line list for '\(region)' yet. Run 'untether help-lines' to see the regions.")
            }
            if json {
                Terminal.out(try NoteJSON.string(found))
                return
            }
            for (index, item) in found.enumerated() {
                if index > 0 { Terminal.out("") }
                Terminal.out("\(item.name)")
                Terminal.out("  In danger now: \(item.emergency.number)")
                if let note = item.emergency.note { Terminal.out("    \(note)") }
                for line in item.domesticAbuse + item.crisis {
                    let area = line.area.map { " (\($0))" } ?? ""
                    Terminal.out("  \(line.name)\(area): \(line.number)" + (line.hours.map { ", \($0)" } ?? ""))
                    if let text = line.text {
                        Terminal.out("    \(text.app ?? "Text"): \(text.body.map { "\($0) to " } ?? "")\(text.number)")
                    }
                }
            }
        }
    }
}

/// The safety plan, from the command line.
struct SafetyPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safety-plan",
        abstract: "Show your safety plan.",
        subcommands: [Show.self]
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the safety plan: each part that fits your situation, with your notes.")

        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: the situation and, for each part, its id, title, notes and ticked items.") var json = false

        struct Part: Encodable {
            let id: String
            let title: String
            let notes: String
            let ticked: [String]
        }

        struct Output: Encodable {
            let situation: String?
            let parts: [Part]
        }

        func run() async throws {
            try await reportingFailures {
                let plan = try await vault.unlock().document(SafetyPlan.self)
                let parts = plan.sections.map { section in
                    Part(id: section.rawValue, title: section.title, notes: plan.answer(section), ticked: plan.ticked(section).map(\.label))
                }
                if json {
                    Terminal.out(try NoteJSON.string(Output(situation: plan.situation?.rawValue, parts: parts)))
                    return
                }
                if plan.isEmpty { Terminal.out("Your safety plan is empty. You can fill it in on the web page (Help, then Your safety plan).") }
                for part in parts where !part.notes.isEmpty || !part.ticked.isEmpty {
                    Terminal.out("\(part.title)")
                    for item in part.ticked { Terminal.out("  [x] \(item)") }
                    if !part.notes.isEmpty { Terminal.out(part.notes.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")) }
                }
            }
        }
    }
}

/// The person's safe people.
struct PeopleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Your safe people: who to lean on, and how to reach them.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add someone you trust, given as JSON: {\"name\", \"reach\", \"helpsWith\"}.",
            discussion: "The details are read from a file or standard input, not typed on the command line, so they stay out of your shell history and the list of running programs."
        )

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("A JSON file, or - for standard input.", valueName: "file")) var json: String

        struct Input: Decodable {
            let name: String
            let reach: String?
            let helpsWith: String?
        }

        func run() async throws {
            try await reportingFailures {
                let input = try StandardInput.json(Input.self, fromFileOrDash: json, orSay: "That is not a person in JSON. It needs a name; reach and helpsWith are optional.")
                let person = try SafePerson.validated(id: UUID(), name: input.name, reach: input.reach ?? "", helpsWith: input.helpsWith ?? "", addedAt: Date())
                try await vault.unlock().log(SafePerson.self).add(person)
                Terminal.out("Added \(person.name).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List your safe people, in the order you added them.")

        @OptionGroup var vault: VaultOptions
        @Flag(help: "Print JSON: id, name, reach, helpsWith.") var json = false

        struct Item: Encodable {
            let id: String
            let name: String
            let reach: String
            let helpsWith: String
        }

        func run() async throws {
            try await reportingFailures {
                let people = try await vault.unlock().log(SafePerson.self).inOrderAdded()
                if json {
                    Terminal.out(try NoteJSON.string(people.map {
                        Item(id: $0.id.uuidString.lowercased(), name: $0.name, reach: $0.reach, helpsWith: $0.helpsWith)
                    }))
                } else if people.isEmpty {
                    Terminal.out("No safe people yet. You can add them on the web page (Help, then Your safe people).")
                } else {
                    for person in people {
                        Terminal.out([person.name, person.reach, person.helpsWith].filter { !$0.isEmpty }.joined(separator: "  ·  "))
                    }
                }
            }
        }
    }
}
