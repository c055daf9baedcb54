import Foundation

/// Checks a draft reply for business-only contact, privately and deterministically: plain word
/// lists and counts, no network, no model. Every flag quotes the words it matched and says what
/// to do instead. It never sends anything and keeps nothing.
public enum MessageCoach {
    /// What the coach can point out.
    public enum FlagKind: String, CaseIterable, Codable, Sendable {
        case tooLong = "too_long"
        case emotional
        case justifying
        case apologising
        case openQuestion = "open_question"
        case blame
        case shouting
        case offTopic = "off_topic"
        case noClose = "no_close"

        /// A plain suggestion for each kind.
        public var suggestion: String {
            switch self {
            case .tooLong: "Business-only messages work best short: a few sentences with the facts. Cut anything they don't need to act on."
            case .emotional: "Leave feelings out of this message. They deserve care, but with people who are safe for you."
            case .justifying: "You don't need to explain or defend your decision. State it once, plainly."
            case .apologising: "Only apologise for things that are yours. Here, a plain statement of the facts is enough."
            case .openQuestion: "An open question invites a long reply. Ask only a yes-or-no question, or state what will happen."
            case .blame: "Words like \"always\" and \"never\", or pointing at what they did, tend to start an argument. Stick to what happens next."
            case .shouting: "Capitals, sarcasm and strings of ! or ? can read as anger. Plain punctuation keeps it calm."
            case .offTopic: "Keep to the matter at hand (children, work, money). The past and the relationship are not part of this message."
            case .noClose: "End with a short, firm line, such as \"Thanks.\" or \"I'll confirm by Friday.\", so there is nothing left to answer."
            }
        }
    }

    /// One thing the coach noticed.
    public struct Flag: Codable, Sendable, Equatable {
        public let kind: FlagKind
        /// The exact words in the draft that led to the flag.
        public let matched: String
        public let suggestion: String
    }

    /// Scores from 0 to 100 against the four qualities of a business-only reply.
    public struct Scores: Codable, Sendable, Equatable {
        public let brief: Int
        public let informative: Int
        public let friendly: Int
        public let firm: Int
    }

    /// The coach's view of a draft.
    public struct Review: Codable, Sendable, Equatable {
        public let flags: [Flag]
        public let scores: Scores
        public let wordCount: Int
        /// A neutral outline to fill in.
        public let skeleton: String

        public var kinds: Set<FlagKind> { Set(flags.map(\.kind)) }
    }

    /// More words than this is long for a business-only message.
    public static let wordLimit = 80

    public static let skeleton = """
        Hi [name],
        [One sentence with the fact or decision: what, when, where.]
        [If needed, one yes-or-no question.]
        Thanks.
        """

    static let emotionalWords = [
        "i feel", "i felt", "hurt me", "you hurt", "heartbroken", "devastated", "i miss", "miss you", "love you", "i love",
        "i hate", "hate you", "i'm scared", "i am scared", "i'm so tired", "can't take", "cannot take", "crying", "i cried",
        "lonely", "please understand", "i need you", "broke my heart", "so angry", "furious", "disgusted", "upset",
    ]
    static let justifyingWords = [
        "because i", "the reason", "i only", "i just wanted", "i had to", "i was only", "you have to understand",
        "let me explain", "to be fair", "in my defence", "in my defense", "it's not like", "it isn't like", "i didn't mean",
        "that's not what i", "that is not what i", "you know i", "i never said", "i was just", "only because",
    ]
    static let apologisingWords = ["i'm sorry", "i am sorry", "sorry for", "sorry if", "sorry that", "i apologise", "i apologize", "my fault", "forgive me"]
    static let openQuestionStarts = ["why", "how", "what", "when will you", "where were you", "who", "how could", "how come", "what do you"]
    static let blameWords = [
        "you always", "you never", "your fault", "because of you", "you made me", "you did this",
        "you're the one", "you are the one", "typical of you", "as usual", "you should be ashamed", "you ruined", "you don't care",
    ]
    static let sarcasmWords = ["yeah right", "oh great", "oh sure", "thanks a lot", "well done you", "how nice", "lol", "good for you"]
    /// Words that are dismissive only when they stand alone as a sentence ("Whatever.").
    static let dismissiveSentences = ["whatever", "fine whatever", "as if"]
    static let offTopicWords = [
        "our relationship", "remember when", "back together", "we used to", "new girlfriend", "new boyfriend", "new partner",
        "who are you seeing", "who you're seeing", "get back", "give us another", "another chance", "us again", "the old days",
        "what we had", "your mother", "your family",
    ]
    static let closings = ["thanks", "thank you", "regards", "best", "confirmed", "see you then", "ok", "okay", "noted", "cheers"]

    /// Reviews a draft.
    public static func review(_ draft: String) -> Review {
        let text = draft.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = text.lowercased()
        let words = text.split { $0.isWhitespace || $0.isNewline }.count
        var flags: [Flag] = []
        func flag(_ kind: FlagKind, _ matched: String) {
            guard !flags.contains(where: { $0.kind == kind }) else { return }
            flags.append(Flag(kind: kind, matched: matched, suggestion: kind.suggestion))
        }
        /// The phrase that appears first in the draft, quoted exactly as written.
        func firstPhrase(_ phrases: [String]) -> String? {
            let found = phrases.compactMap { range(of: $0, in: text) }.min { $0.lowerBound < $1.lowerBound }
            return found.map { String(text[$0]) }
        }

        if words > wordLimit { flag(.tooLong, "\(words) words") }
        if let hit = firstPhrase(emotionalWords) { flag(.emotional, hit) }
        if let hit = firstPhrase(justifyingWords) { flag(.justifying, hit) }
        if let hit = firstPhrase(apologisingWords) { flag(.apologising, hit) }
        if let question = sentences(text).first(where: { isOpenQuestion($0) }) { flag(.openQuestion, question) }
        if let hit = firstPhrase(blameWords) { flag(.blame, hit) }
        if let shout = shouting(text) { flag(.shouting, shout) }
        else if let hit = firstPhrase(sarcasmWords) { flag(.shouting, hit) }
        else if let hit = sentences(text).first(where: { sentence in
            dismissiveSentences.contains(sentence.lowercased().filter { $0.isLetter || $0 == " " }.trimmingCharacters(in: .whitespaces))
        }) { flag(.shouting, hit) }
        if let hit = firstPhrase(offTopicWords) { flag(.offTopic, hit) }
        if !text.isEmpty, !hasFirmClose(text) {
            flag(.noClose, sentences(text).last ?? text)
        }

        let kinds = Set(flags.map(\.kind))
        let brief = words <= 50 ? 100 : max(0, 100 - (words - 50) * 100 / 150)
        let informative = min(100, (text.rangeOfCharacter(from: .decimalDigits) != nil ? 50 : 0)
            + (containsAny(lower, ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "pick up", "drop off", "school", "am", "pm", "at "]) ? 50 : 20))
        let friendly = max(0, 100 - [FlagKind.blame, .shouting, .emotional].filter(kinds.contains).count * 35
            + (containsAny(lower, ["hi ", "hello", "thanks", "thank you"]) ? 0 : -10))
        let firm = max(0, 100 - [FlagKind.apologising, .justifying, .openQuestion, .noClose, .offTopic].filter(kinds.contains).count * 25)
        return Review(
            flags: flags, scores: Scores(brief: brief, informative: informative, friendly: min(100, friendly), firm: firm),
            wordCount: words, skeleton: skeleton
        )
    }

    /// A phrase as whole words, ignoring case, as a range of the draft itself
    /// (so "upset" does not match inside "upsetting", and the quote is exactly what was typed).
    static func range(of phrase: String, in text: String) -> Range<String.Index>? {
        var searchStart = text.startIndex
        while let found = text.range(of: phrase, options: .caseInsensitive, range: searchStart..<text.endIndex) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            let boundaryBefore = before.map { !$0.isLetter && $0 != "'" } ?? true
            let boundaryAfter = after.map { !$0.isLetter } ?? true
            if boundaryBefore && boundaryAfter { return found }
            searchStart = found.upperBound
        }
        return nil
    }

    static func containsAny(_ lower: String, _ phrases: [String]) -> Bool {
        phrases.contains { lower.contains($0) }
    }

    /// Sentences, keeping their end punctuation.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "." || character == "?" || character == "!" || character == "\n" {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty && trimmed.contains(where: \.isLetter) { result.append(trimmed) }
                if !trimmed.isEmpty && !trimmed.contains(where: \.isLetter), !result.isEmpty { result[result.count - 1] += trimmed }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { result.append(rest) }
        return result
    }

    static func isOpenQuestion(_ sentence: String) -> Bool {
        guard sentence.hasSuffix("?") else { return false }
        let lower = sentence.lowercased()
        return openQuestionStarts.contains { start in
            lower.hasPrefix(start + " ") || lower.hasPrefix(start + "?") || lower.contains(", " + start + " ")
        }
    }

    /// Words in capitals (three or more letters, at least two such words) or runs of ! and ?.
    static func shouting(_ text: String) -> String? {
        if let run = text.range(of: #"[!?]{2,}"#, options: .regularExpression) { return String(text[run]) }
        let capitals: [String] = text.split { !$0.isLetter }.map(String.init).filter { word in
            word.count >= 3 && word.allSatisfy(\.isUppercase)
        }
        return capitals.count >= 2 ? Array(capitals.prefix(3)).joined(separator: " ") : nil
    }

    /// The message ends on a calm statement or a sign-off, not a question, an exclamation or a trailing thought.
    static func hasFirmClose(_ text: String) -> Bool {
        guard let last = sentences(text).last else { return false }
        let lower = last.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        if closings.contains(where: { lower == $0 || lower.hasPrefix($0 + ",") || lower.hasPrefix($0 + " ") }) { return true }
        if last.hasSuffix("...") || last.hasSuffix("…") { return false }
        if last.hasSuffix("?") {
            // A yes-or-no question as the last line is allowed: the answer closes it.
            return !isOpenQuestion(last)
        }
        return last.hasSuffix(".")
    }
}
