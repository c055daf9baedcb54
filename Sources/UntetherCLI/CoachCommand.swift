import ArgumentParser
import Foundation
import UntetherCore

struct CoachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "Check a draft reply before you send it: paste it on standard input.",
        discussion: "The check runs on this computer only. Nothing is sent, and the draft is not saved."
    )

    @Flag(help: "Print JSON: flags (kind, matched, suggestion), scores, wordCount and skeleton.") var json = false

    func run() async throws {
        try await reportingFailures {
            let draft = try StandardInput.readAll()
            guard !draft.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw CLIError("There was no draft to check. Paste or pipe the message on standard input.")
            }
            let review = MessageCoach.review(draft)
            if json {
                Terminal.out(try NoteJSON.string(review))
                return
            }
            if review.flags.isEmpty {
                Terminal.out("Nothing to flag: this reads as brief, informative and firm.")
            } else {
                for flag in review.flags {
                    Terminal.out("- \(flag.kind.rawValue): \"\(flag.matched)\"\n  \(flag.suggestion)")
                }
            }
            let scores = review.scores
            Terminal.out("Brief \(scores.brief), informative \(scores.informative), friendly \(scores.friendly), firm \(scores.firm) (out of 100).")
            if !review.flags.isEmpty {
                Terminal.out("\nA neutral outline to fill in:\n\(review.skeleton)")
            }
        }
    }
}
