import Foundation

/// Checks a draft reply for business-only contact, privately and deterministically: plain word
/// lists, patterns and counts, no network, no model. Every flag quotes the words it matched and
/// says what to do instead. It never sends anything and keeps nothing.
public enum MessageCoach {
    /// What the coach can point out.
    public enum FlagKind: String, CaseIterable, Codable, Sendable {
        case threat
        case insult
        case hostileCommand = "hostile_command"
        case childrenLeverage = "children_leverage"
        case pleading
        case sarcasm
        case blame
        case shouting
        case emotional
        case overExplaining = "over_explaining"
        case apologising
        case offTopic = "off_topic"
        case openQuestion = "open_question"
        case tooLong = "too_long"
        case noClose = "no_close"

        /// A plain line on why it matters and what to do instead.
        public var suggestion: String {
            switch self {
            case .threat: "This reads as a threat. It could make things worse, and it could be used against you later, even in court. Say only what happens next. Leave legal steps to your lawyer."
            case .insult: "Name-calling can escalate things, and it can be used against you later. Leave out any word about them as a person; keep to the arrangement."
            case .hostileCommand: "Orders like this tend to start a fight. If you need a boundary, state it once, calmly: \"Please contact me by email only.\""
            case .childrenLeverage: "Keep the children out of the middle: don't pass messages through them or use time with them as pressure. Talk about arrangements only."
            case .pleading: "This is the pull of the bond, and it's not a fault. A message like this can reopen the door you are working to close. Save these words for your journal or a friend, and keep this message to the arrangement."
            case .sarcasm: "Sarcasm usually reads as anger, and it invites a sharp reply. Say the plain fact instead."
            case .blame: "Words like \"always\" and \"never\", or pointing at what they did, tend to start an argument. Stick to what happens next."
            case .shouting: "Capitals and strings of ! or ? read as shouting. Plain punctuation keeps it calm."
            case .emotional: "Leave feelings out of this message. They deserve care, but with people who are safe for you."
            case .overExplaining: "You don't need to explain or defend your decision. A chain of reasons invites an argument about each one. State it once, plainly."
            case .apologising: "Only apologise for things that are yours. Here, a plain statement of the facts is enough."
            case .offTopic: "Keep to the matter at hand (children, work, money). The past and the relationship are not part of this message."
            case .openQuestion: "An open question invites a long reply. Ask only a yes-or-no question, or state what will happen."
            case .tooLong: "Business-only messages work best short: a few sentences with the facts. Cut anything they don't need to act on."
            case .noClose: "End with a short, firm line, such as \"Thanks.\" or \"I'll confirm by Friday.\", so there is nothing left to answer."
            }
        }

        /// Kinds that may escalate things or be used against the person.
        public var isRisky: Bool { [.threat, .insult, .hostileCommand, .childrenLeverage].contains(self) }
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

    /// The one-line view of a draft. `calm` only when nothing is flagged.
    public enum Verdict: String, Codable, Sendable {
        case calm
        /// Something to change before sending.
        case change
        /// Something that may escalate things or be used against the person.
        case risky

        public var summary: String {
            switch self {
            case .calm: "Nothing to flag. This reads as brief and calm."
            case .change: "A few things to change before you send it."
            case .risky: "Please wait before sending this. Parts of it may make things worse, or be used against you later."
            }
        }
    }

    /// A calmer version of the person's own message, and what was left out of it and why.
    public struct Rewrite: Codable, Sendable, Equatable {
        public let text: String
        public let leftOut: [LeftOut]

        public struct LeftOut: Codable, Sendable, Equatable {
            public let sentence: String
            public let kind: FlagKind
        }
    }

    /// The coach's view of a draft.
    public struct Review: Codable, Sendable, Equatable {
        public let flags: [Flag]
        public let scores: Scores
        public let wordCount: Int
        public let verdict: Verdict
        /// The person's message, calmer; nil when there was nothing to change.
        public let rewrite: Rewrite?
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

    /// Reviews a draft.
    public static func review(_ draft: String) -> Review {
        review(draft, model: CoachModel.shipped)
    }

    /// The review, with `model` as the second opinion (nil: the rules alone).
    public static func review(_ draft: String, model: CoachModel?) -> Review {
        let text = draft.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = text.split { $0.isWhitespace || $0.isNewline }.count
        let sentenceList = sentences(text)
        var flags: [Flag] = []
        for (kind, matched) in detect(text, sentences: sentenceList, words: words, model: model) {
            flags.append(Flag(kind: kind, matched: matched, suggestion: kind.suggestion))
        }
        let kinds = Set(flags.map(\.kind))
        let verdict: Verdict = flags.isEmpty ? .calm : kinds.contains(where: \.isRisky) ? .risky : .change
        return Review(
            flags: flags, scores: scores(text, words: words, kinds: kinds), wordCount: words, verdict: verdict,
            rewrite: flags.isEmpty ? nil : rewrite(sentenceList), skeleton: skeleton
        )
    }

    /// Every kind found, with the words that show it, in the order of `FlagKind`.
    static func detect(_ text: String, sentences: [String], words: Int, model: CoachModel? = CoachModel.shipped) -> [(FlagKind, String)] {
        var found: [FlagKind: String] = [:]
        let folded = fold(text)
        for kind in FlagKind.allCases {
            if let hit = match(kind, text: text, folded: folded, sentences: sentences, words: words) { found[kind] = hit }
        }
        // Sarcasm is the sharper reading of the same words; don't name it twice.
        if found[.sarcasm] != nil, let shout = found[.shouting], found[.sarcasm]!.contains(shout) { found[.shouting] = nil }
        // The second opinion, for kinds the rules did not find: it quotes the words that weighed most.
        if let model {
            let (expanded, origin) = CoachShorthand.expand(folded)
            let features = CoachModel.features(expanded)
            // A threat is aimed at them: without "you" it is the person saying what they will do
            // ("My solicitor will apply to court"), which the rules judge on their own.
            let aimed = CoachStructure.has(CoachStructure.second, expanded)
            for kind in CoachModel.kinds where found[kind] == nil && (kind != .threat || aimed) {
                let (probability, strongest) = model.judge(kind, features)
                guard probability >= model.threshold, let strongest,
                      let quote = quote(strongest.range, origin: origin, text: text, folded: folded) else { continue }
                found[kind] = quote
            }
        }
        return FlagKind.allCases.compactMap { kind in found[kind].map { (kind, $0) } }
    }

    static func match(_ kind: FlagKind, text: String, folded: String, sentences: [String], words: Int) -> String? {
        /// The first sentence a structural rule finds, quoted as written.
        func sentence(_ rule: (String) -> Bool) -> String? { sentences.first { rule(CoachShorthand.expand(fold($0)).text) } }
        switch kind {
        case .threat: return firstMatch(CoachPatterns.threat, in: text, folded: folded) ?? sentence(CoachStructure.isThreat)
        case .insult: return firstMatch(CoachPatterns.insult, in: text, folded: folded) ?? sentence(CoachStructure.isInsult)
        case .hostileCommand: return firstMatch(CoachPatterns.hostileCommand, in: text, folded: folded) ?? sentence(CoachStructure.isHostileCommand)
            ?? sentences.first { sentence in
                // A whole order in capitals is shouted: "CHECK YOUR ACCOUNT."
                let letters = sentence.filter(\.isLetter)
                return letters.count >= 6 && letters.allSatisfy(\.isUppercase) && CoachStructure.isCommand(fold(sentence))
            }
        case .childrenLeverage: return firstMatch(CoachPatterns.childrenLeverage, in: text, folded: folded) ?? sentence(CoachStructure.isChildrenLeverage)
        case .pleading: return firstMatch(CoachPatterns.pleading, in: text, folded: folded) ?? sentence(CoachStructure.isPleading)
        case .sarcasm: return firstMatch(CoachPatterns.sarcasm, in: text, folded: folded)
            ?? sentences.enumerated().first { index, sentence in
                let bare = fold(sentence).filter { $0.isLetter || $0 == " " }.trimmingCharacters(in: .whitespaces)
                // "k." or "sure." to open a plain answer is an acknowledgement; left alone at the end, a brush-off.
                // "k" or "sure" as the whole reply is an answer, not a brush-off.
                return CoachPatterns.dismissive.contains(bare) && (!["k", "sure"].contains(bare) || (index == sentences.count - 1 && sentences.count > 1))
            }?.element
            ?? sentence(CoachStructure.isSarcasm)
        case .blame: return firstMatch(CoachPatterns.blame, in: text, folded: folded)
        case .shouting: return shouting(text)
        case .emotional: return firstMatch(CoachPatterns.emotional, in: text, folded: folded)
        case .overExplaining: return overExplaining(text, folded: folded)
        case .apologising: return apologising(text, folded: folded)
        case .offTopic: return firstMatch(CoachPatterns.offTopic, in: text, folded: folded) ?? sentence(CoachStructure.isOffTopic)
        case .openQuestion: return sentences.first(where: isOpenQuestion)
        case .tooLong: return words > wordLimit ? "\(words) words" : nil
        case .noClose: return !text.isEmpty && !hasFirmClose(sentences) ? (sentences.last ?? text) : nil
        }
    }

    /// Over-apologising: an apology that is too much on its own, or two apologies in one message.
    /// Sympathy, reassurance and denial ("sorry to hear about your mum", "no apologies needed")
    /// are not apologies.
    static func apologising(_ text: String, folded: String) -> String? {
        if let hit = firstMatch(CoachPatterns.apologising, in: text, folded: folded) { return hit }
        let (expanded, _) = CoachShorthand.expand(folded)
        let range = NSRange(expanded.startIndex..., in: expanded)
        let notApologies = CoachPatterns.notApology.reduce(0) { $0 + $1.numberOfMatches(in: expanded, range: range) }
        let apologies = CoachPatterns.apologyWord.reduce(0) { $0 + $1.numberOfMatches(in: expanded, range: range) }
        return apologies - notApologies >= 2 ? firstMatch(CoachPatterns.apologyWord, in: text, folded: folded) : nil
    }

    static func scores(_ text: String, words: Int, kinds: Set<FlagKind>) -> Scores {
        let lower = fold(text)
        var brief = words <= 50 ? 100 : max(0, 100 - (words - 50) * 100 / 150)
        let informative = min(100, (text.rangeOfCharacter(from: .decimalDigits) != nil ? 50 : 0)
            + (CoachPatterns.businessWords.contains { lower.contains($0) } ? 50 : 20))
        let harsh = [FlagKind.blame, .shouting, .emotional, .sarcasm, .pleading].filter(kinds.contains).count
        let risky = kinds.filter(\.isRisky).count
        var friendly = 100 - harsh * 35 - risky * 50 + (CoachPatterns.greetings.contains { lower.contains($0) } ? 0 : -10)
        // The scores never say "calm" about a message with a threat or an insult in it.
        if risky > 0 { friendly = min(friendly, 30) }
        if !kinds.isEmpty { brief = min(brief, 100 - 5 * kinds.count) }
        let firm = max(0, 100 - [FlagKind.apologising, .overExplaining, .openQuestion, .noClose, .offTopic, .pleading].filter(kinds.contains).count * 25)
        return Scores(brief: max(0, brief), informative: informative, friendly: max(0, min(100, friendly)), firm: firm)
    }

    /// The person's own message, calmer: the sentences that carry the business (dates, times,
    /// places, the children's arrangements, money) stay, flagged ones go, with a neutral
    /// greeting and a firm close. Built the same way every time.
    static func rewrite(_ sentences: [String]) -> Rewrite {
        var kept: [String] = []
        var leftOut: [Rewrite.LeftOut] = []
        for sentence in sentences {
            let folded = fold(sentence)
            let bad = FlagKind.allCases.filter { ![.tooLong, .noClose, .openQuestion, .shouting].contains($0) }.first { kind in
                match(kind, text: sentence, folded: folded, sentences: [sentence], words: 0) != nil
            }
            if let bad {
                leftOut.append(.init(sentence: sentence, kind: bad))
                continue
            }
            if isGreeting(folded) || isClosing(folded) { continue }
            if isOpenQuestion(sentence) {
                leftOut.append(.init(sentence: sentence, kind: .openQuestion))
                continue
            }
            kept.append(calmed(sentence))
        }
        let business = kept.filter { sentence in
            let lower = fold(sentence)
            return sentence.rangeOfCharacter(from: .decimalDigits) != nil || CoachPatterns.businessWords.contains { lower.contains($0) }
        }
        let body = business.isEmpty ? ["[One sentence with the fact or decision: what, when, where.]"] : business
        for sentence in kept where !business.contains(sentence) {
            leftOut.append(.init(sentence: sentence, kind: .offTopic))
        }
        return Rewrite(text: (["Hi,"] + body + ["Thanks."]).joined(separator: "\n"), leftOut: leftOut)
    }

    /// A sentence without shouting: capitals softened and runs of ! and ? made single.
    static func calmed(_ sentence: String) -> String {
        var text = sentence.replacingOccurrences(of: #"([!?])[!?]+"#, with: "$1", options: .regularExpression)
        text = text.replacingOccurrences(of: "!", with: ".")
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let letters = word.filter(\.isLetter)
            return letters.count >= 3 && letters.allSatisfy(\.isUppercase) ? word.lowercased() : String(word)
        }
        var result = words.joined(separator: " ")
        if let first = result.first, first.isLowercase { result = first.uppercased() + result.dropFirst() }
        if let last = result.last, !".?".contains(last) { result += "." }
        return result
    }

    static func isGreeting(_ folded: String) -> Bool {
        let bare = folded.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        return ["hi", "hello", "hey", "dear"].contains { bare == $0 || (bare.hasPrefix($0 + " ") && bare.split(separator: " ").count <= 2) }
    }

    static func isClosing(_ folded: String) -> Bool {
        let bare = folded.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        return CoachPatterns.closings.contains { bare == $0 }
    }

    /// The draft as the rules and the model read it: folded, with shorthand written out.
    public static func prepared(_ text: String) -> String {
        CoachShorthand.expand(fold(text)).text
    }

    /// Lower case, with curly apostrophes and quotes made plain, so "You’re" reads as "you're".
    static func fold(_ text: String) -> String {
        String(text.lowercased().map { character -> Character in
            switch character {
            case "\u{2019}", "\u{2018}", "`", "\u{00B4}": "'"
            case "\u{201C}", "\u{201D}": "\""
            default: character
            }
        })
    }

    /// The first match of any pattern, as the words of the draft itself.
    static func firstMatch(_ patterns: [NSRegularExpression], in text: String, folded: String) -> String? {
        // Patterns see the shorthand written out; `fold` keeps one character for one, and each
        // written-out character remembers where it came from, so a match is quoted as typed.
        let (expanded, origin) = CoachShorthand.expand(folded)
        var best: Range<String.Index>?
        for pattern in patterns {
            guard let found = pattern.firstMatch(in: expanded, range: NSRange(expanded.startIndex..., in: expanded)),
                  let range = Range(found.range, in: expanded) else { continue }
            // The earliest match; of two that start together, the shorter quotes the draft more exactly.
            if best == nil || range.lowerBound < best!.lowerBound
                || (range.lowerBound == best!.lowerBound && range.upperBound < best!.upperBound) { best = range }
        }
        guard let best else { return nil }
        let start = expanded.distance(from: expanded.startIndex, to: best.lowerBound)
        let length = expanded.distance(from: best.lowerBound, to: best.upperBound)
        return quote(start..<(start + length), origin: origin, text: text, folded: folded)?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    /// The draft's own characters behind `range` of the written-out text (`origin` maps each of
    /// its characters back), or the folded ones if folding changed the draft's length.
    static func quote(_ range: Range<Int>, origin: [Int], text: String, folded: String) -> String? {
        guard !range.isEmpty, range.upperBound <= origin.count else { return nil }
        let (textChars, foldedChars) = (Array(text), Array(folded))
        let source = foldedChars.count == textChars.count ? textChars : foldedChars
        let (from, to) = (origin[range.lowerBound], origin[range.upperBound - 1] + 1)
        return String(source[from..<min(to, source.count)])
    }

    /// A chain of reasons: several reason words, or one phrase that is defending by itself.
    static func overExplaining(_ text: String, folded: String) -> String? {
        if let strong = firstMatch(CoachPatterns.defending, in: text, folded: folded) { return strong }
        let range = NSRange(folded.startIndex..., in: folded)
        let reasons = CoachPatterns.reasonMarkers.flatMap { $0.matches(in: folded, range: range) }
        // A list of reasons without "because": four or more clauses in a longer message, with at
        // least one word that argues.
        let clauses = folded.components(separatedBy: ", ").count - 1 + folded.components(separatedBy: " also ").count - 1
            + folded.components(separatedBy: " then ").count - 1 + folded.components(separatedBy: ", and ").count - 1
        let wordCount = folded.split(separator: " ").count
        if reasons.count < 3, clauses >= 4, wordCount >= 25, !reasons.isEmpty || folded.contains("already") || folded.contains("anyway") {
            return sentences(text).max { $0.count < $1.count }.map { String($0.prefix(80)) + ($0.count > 80 ? "…" : "") }
        }
        if let chain = reasonChain(text, folded: folded, reasons: reasons.count) { return chain }
        guard reasons.count >= 3, let first = reasons.min(by: { $0.range.location < $1.range.location }),
              let found = Range(first.range, in: folded) else { return nil }
        let start = folded.distance(from: folded.startIndex, to: found.lowerBound)
        let chars = Array(text)
        guard start < chars.count else { return nil }
        let end = min(chars.count, start + 80)
        return String(chars[start..<end]).trimmingCharacters(in: .whitespaces) + (end < chars.count ? "…" : "")
    }

    /// Clauses that each say something the writer or others did or need ("I paid for most of
    /// it, my mum gave us the rest, and it won't fit"): four or more in one sentence, with a
    /// reason word or a refusal among them, is a chain of reasons even without "because".
    static func reasonChain(_ text: String, folded: String, reasons: Int) -> String? {
        let subjects: Set<String> = [
            "i", "i'm", "i've", "i'd", "i'll", "she", "she's", "he", "he's", "they", "they're", "they've", "it", "it's", "its", "my", "we",
            "we're", "there's", "that's", "which", "our",
        ]
        let fillers: Set<String> = ["and", "also", "plus", "so", "but", "because", "as", "tbh", "honestly", "then", "since", "which"]
        let refusal = CoachStructure.any(["not", "no", "can't", "won't", "don't", "didn't", "isn't", "keeping", "decided", "refuse", "fair", "only"])
        for sentence in sentences(text) {
            let expanded = CoachShorthand.expand(fold(sentence)).text
            let parts = expanded.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " because ", with: ",")
                .replacingOccurrences(of: ";", with: ",").split(separator: ",")
            let clauses = parts.filter { part in
                var words = part.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
                while let first = words.first, fillers.contains(first), words.count > 1 { words.removeFirst() }
                return words.count >= 3 && subjects.contains(words[0])
            }
            guard clauses.count >= 4, expanded.split(separator: " ").count >= 18 else { continue }
            guard reasons > 0 || CoachStructure.has(refusal, expanded) else { continue }
            return String(sentence.prefix(80)) + (sentence.count > 80 ? "…" : "")
        }
        return nil
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
        let lower = fold(sentence)
        // Asking for a time, a day or a place is arrangements, and has a short answer.
        if ["what time", "what day", "which day", "what date", "where do", "where should", "where shall", "when do", "when should", "when shall", "what size"].contains(where: { lower.hasPrefix($0) }) {
            return false
        }
        return CoachPatterns.openQuestionStarts.contains { start in
            lower.hasPrefix(start + " ") || lower.hasPrefix(start + "?") || lower.contains(", " + start + " ")
        }
    }

    /// Runs of ! and ?, or words in capitals (not known abbreviations): two side by side, three
    /// anywhere, two when one is six letters or more, or one everyday word that is only in
    /// capitals for emphasis ("It's YOUR fault"). Two short ones apart are more likely the names
    /// of services ("the CAMHS letter and the SDQ form").
    static func shouting(_ text: String) -> String? {
        if let run = text.range(of: #"[!?]{2,}"#, options: .regularExpression) { return String(text[run]) }
        // Words with the text between them; a curly apostrophe is part of a word ("DON’T").
        var words: [(word: String, letters: Int, gapBefore: String)] = []
        var current = "", gap = ""
        for character in text {
            if character.isLetter || character == "'" || character == "\u{2019}" {
                current.append(character)
            } else {
                if !current.isEmpty {
                    words.append((current, current.filter(\.isLetter).count, gap))
                    current = ""
                    gap = ""
                }
                gap.append(character)
            }
        }
        if !current.isEmpty { words.append((current, current.filter(\.isLetter).count, gap)) }
        func isCapitals(_ word: String) -> Bool {
            let letters = word.filter(\.isLetter)
            return letters.count >= 2 && letters.allSatisfy(\.isUppercase) && !CoachPatterns.abbreviations.contains(letters)
        }
        // Side by side: only spaces between them, within one sentence ("I SAID NO").
        if let pair = words.indices.dropFirst().first(where: { index in
            isCapitals(words[index - 1].word) && isCapitals(words[index].word) && words[index].gapBefore.allSatisfy { $0 == " " }
                && words[index - 1].letters + words[index].letters >= 5
        }) {
            return words[pair - 1].word
        }
        let capitals = words.filter { isCapitals($0.word) }
        let long = capitals.filter { $0.letters >= 3 }
        if long.count >= 3 || (long.count >= 2 && long.contains { $0.letters >= 6 }) { return long[0].word }
        if let emphatic = capitals.first(where: { CoachPatterns.emphatic.contains(fold($0.word)) }) { return emphatic.word }
        return nil
    }

    /// The message ends on a statement or a sign-off, not an open question, an exclamation or a trailing thought.
    static func hasFirmClose(_ sentences: [String]) -> Bool {
        guard let last = sentences.last else { return false }
        let lower = fold(last).trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        if CoachPatterns.closings.contains(where: { lower == $0 || lower.hasPrefix($0 + ",") || lower.hasPrefix($0 + " ") }) { return true }
        // A trailing thought or an exclamation leaves something hanging; a yes-or-no question is
        // fine (the answer closes it), and so is a text that simply stops without a full stop.
        if last.hasSuffix("...") || last.hasSuffix("…") { return false }
        // Good news with "!" is closed; an exclamation at them leaves something hanging.
        if last.hasSuffix("!") { return !CoachStructure.has(CoachStructure.second, CoachShorthand.expand(fold(last)).text) }
        if last.hasSuffix("?") { return !isOpenQuestion(last) }
        return true
    }
}
