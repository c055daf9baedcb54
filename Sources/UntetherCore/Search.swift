import Foundation

/// Something the person wrote, ready to be searched. Built from decrypted records and held in
/// memory only.
public struct SearchDocument: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case note, journal, log, decision, contact, urge

        public var label: String {
            switch self {
            case .note: "Notes"
            case .journal: "Journal"
            case .log: "Log"
            case .decision: "Decisions"
            case .contact: "Contact"
            case .urge: "Urges"
            }
        }
    }

    public let kind: Kind
    public let id: String
    /// The day it is about, YYYY-MM-DD.
    public let date: String
    public let title: String
    public let text: String

    public init(kind: Kind, id: String, date: String, title: String, text: String) {
        self.kind = kind
        self.id = id
        self.date = date
        self.title = title
        self.text = text
    }
}

/// What the person is looking for: words (each must appear, as a word or the start of one) and
/// "quoted phrases" (the words in that order), with optional kinds and days.
public struct SearchQuery: Sendable, Equatable {
    public var words: [String]
    public var phrases: [[String]]
    public var kinds: Set<SearchDocument.Kind>
    public var from: String?
    public var to: String?

    public var isEmpty: Bool { words.isEmpty && phrases.isEmpty }

    /// Reads what was typed: `"went out" angry` is one phrase and one word. Case and accents
    /// never matter.
    public static func parse(_ text: String, kinds: Set<SearchDocument.Kind> = [], from: String? = nil, to: String? = nil) -> SearchQuery {
        var words: [String] = []
        var phrases: [[String]] = []
        for (index, part) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            let tokens = SearchIndex.tokens(of: SearchIndex.fold(String(part))).map(\.text)
            if index % 2 == 1 && tokens.count > 1 {
                phrases.append(tokens)
            } else {
                words += tokens
            }
        }
        var seen = Set<String>()
        return SearchQuery(words: words.filter { seen.insert($0).inserted }, phrases: phrases, kinds: kinds, from: from, to: to)
    }
}

/// One result: where it is, and a snippet with the matching words marked.
public struct SearchHit: Sendable, Equatable {
    public let kind: SearchDocument.Kind
    public let id: String
    public let date: String
    public let title: String
    public let snippet: String
    /// Character offsets in `snippet` of each matching word, in order.
    public let marks: [Range<Int>]
}

/// A word index over everything the person wrote, held in memory for one unlocked session.
public struct SearchIndex: Sendable {
    public let documents: [SearchDocument]
    /// Each document's words, folded, joined by single spaces, with a space at each end.
    let normalised: [String]
    /// Word to the documents that contain it, in document order.
    let postings: [String: [Int32]]
    /// Every indexed word, sorted, to find words that start with a prefix.
    let vocabulary: [String]

    /// Lower case, without accents: "Éclair" and "eclair" are the same word.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    struct Token {
        let text: String
        let range: Range<String.Index>
    }

    /// Words: runs of letters and digits (an apostrophe inside a word belongs to it).
    static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var start: String.Index?
        var index = text.startIndex
        func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let inWord = isWordCharacter(character)
                || (start != nil && (character == "'" || character == "’") && next < text.endIndex && isWordCharacter(text[next]))
            if inWord {
                if start == nil { start = index }
            } else if let begin = start {
                tokens.append(Token(text: String(text[begin..<index]).replacingOccurrences(of: "’", with: "'"), range: begin..<index))
                start = nil
            }
            index = next
        }
        if let begin = start {
            tokens.append(Token(text: String(text[begin...]).replacingOccurrences(of: "’", with: "'"), range: begin..<text.endIndex))
        }
        return tokens
    }

    public init(_ documents: [SearchDocument]) {
        self.documents = documents
        var postings: [String: [Int32]] = [:]
        var normalised: [String] = []
        normalised.reserveCapacity(documents.count)
        for (position, document) in documents.enumerated() {
            let words = Self.tokens(of: Self.fold(document.title + "\n" + document.text)).map(\.text)
            normalised.append(" " + words.joined(separator: " ") + " ")
            for word in Set(words) { postings[word, default: []].append(Int32(position)) }
        }
        self.normalised = normalised
        self.postings = postings
        vocabulary = postings.keys.sorted()
    }

    /// Documents holding `word`, or a word that starts with it (for words of three letters or more).
    func matching(_ word: String) -> Set<Int32> {
        guard word.count >= 3 else { return Set(postings[word] ?? []) }
        var result = Set<Int32>()
        var low = 0
        var high = vocabulary.count
        while low < high {
            let middle = (low + high) / 2
            if vocabulary[middle] < word { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < vocabulary.count, vocabulary[index].hasPrefix(word) {
            result.formUnion(postings[vocabulary[index]] ?? [])
            index += 1
        }
        return result
    }

    /// Matching documents, newest day first, each with a snippet.
    public func search(_ query: SearchQuery, limit: Int = 200) -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        var candidates: Set<Int32>?
        for word in query.words + query.phrases.flatMap({ $0 }) {
            let found = query.words.contains(word) ? matching(word) : Set(postings[word] ?? [])
            candidates = candidates.map { $0.intersection(found) } ?? found
            if candidates?.isEmpty == true { return [] }
        }
        let phrases = query.phrases.map { " " + $0.joined(separator: " ") + " " }
        let chosen = (candidates ?? []).filter { position in
            let document = documents[Int(position)]
            if !query.kinds.isEmpty && !query.kinds.contains(document.kind) { return false }
            if let from = query.from, document.date < from { return false }
            if let to = query.to, document.date > to { return false }
            return phrases.allSatisfy { normalised[Int(position)].contains($0) }
        }.sorted { left, right in
            let a = documents[Int(left)]
            let b = documents[Int(right)]
            return a.date != b.date ? a.date > b.date : left < right
        }
        return chosen.prefix(limit).map { hit(documents[Int($0)], query: query) }
    }

    /// A snippet of about `width` characters around the first match, with every match in it marked.
    func hit(_ document: SearchDocument, query: SearchQuery, width: Int = 180) -> SearchHit {
        let source = document.text.isEmpty ? document.title : document.text
        let tokens = Self.tokens(of: source)
        let folded = tokens.map { Self.fold($0.text) }
        var marked: [Range<String.Index>] = []
        var index = 0
        while index < tokens.count {
            var matched = 0
            for phrase in query.phrases where index + phrase.count <= folded.count && Array(folded[index..<(index + phrase.count)]) == phrase {
                matched = max(matched, phrase.count)
            }
            if matched == 0, query.words.contains(where: { word in folded[index] == word || (word.count >= 3 && folded[index].hasPrefix(word)) }) {
                matched = 1
            }
            if matched > 0 {
                marked.append(tokens[index].range.lowerBound..<tokens[index + matched - 1].range.upperBound)
                index += matched
            } else {
                index += 1
            }
        }
        let first = marked.first?.lowerBound ?? source.startIndex
        let lead = source.distance(from: source.startIndex, to: first)
        var start = source.index(first, offsetBy: -min(lead, width / 3))
        // Start at a word boundary where possible.
        if start > source.startIndex, let space = source[start..<first].firstIndex(where: \.isWhitespace) {
            start = source.index(after: space)
        }
        let end = source.index(start, offsetBy: width, limitedBy: source.endIndex) ?? source.endIndex
        let prefix = start > source.startIndex ? "…" : ""
        let suffix = end < source.endIndex ? "…" : ""
        let body = String(source[start..<end]).replacingOccurrences(of: "\n", with: " ")
        let offset = prefix.count
        let marks = marked.compactMap { range -> Range<Int>? in
            guard range.lowerBound >= start, range.upperBound <= end else { return nil }
            let lower = source.distance(from: start, to: range.lowerBound) + offset
            return lower..<(lower + source.distance(from: range.lowerBound, to: range.upperBound))
        }
        return SearchHit(kind: document.kind, id: document.id, date: document.date, title: document.title,
                         snippet: prefix + body + suffix, marks: marks)
    }
}
