import ArgumentParser
import Foundation
import UntetherCore

struct CoachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "Check a draft reply before you send it: paste it on standard input.",
        discussion: "The check runs on this computer only. Nothing is sent, and the draft is not saved."
    )

    @Flag(help: "Print JSON: verdict (calm only when nothing is flagged), flags (kind, matched, suggestion), scores, rewrite (a calmer version and what it left out), wordCount and skeleton.") var json = false

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
            Terminal.out(review.verdict.summary)
            if !review.flags.isEmpty {
                for flag in review.flags {
                    Terminal.out("- \(flag.kind.rawValue): \"\(flag.matched)\"\n  \(flag.suggestion)")
                }
            }
            let scores = review.scores
            Terminal.out("Brief \(scores.brief), informative \(scores.informative), friendly \(scores.friendly), firm \(scores.firm) (out of 100).")
            if let rewrite = review.rewrite {
                Terminal.out("\nA calmer version of your message (edit it as you like; nothing is sent):\n\(rewrite.text)")
                if !rewrite.leftOut.isEmpty {
                    Terminal.out("\nLeft out:")
                    for item in rewrite.leftOut { Terminal.out("- \"\(item.sentence)\" (\(item.kind.rawValue))") }
                }
            }
        }
    }
}
