import Foundation

/// Something the person wrote, ready to be searched. Built from decrypted records and held in
/// memory only.
public struct SearchDocument: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case note, journal, log, decision, contact, urge
        /// Notes about someone new, with the red and green flags they match.
        case flag
        /// The person's values and statement (one document), and their healthy swaps and tries.
        case values, swap
        /// Small wins, and the kinder-voice exercise.
        case win, kinder
        /// The maintenance plan and resilience notes (Step 7).
        case ahead
        /// Boundaries, practice lines and the times one was held (Step 6).
        case boundary
        /// Goals with their steps, and interests (Step 6).
        case goal
        /// The calming toolkit (Step 5).
        case toolkit

        public var label: String {
            switch self {
            case .note: "Notes"
            case .journal: "Journal"
            case .log: "Log"
            case .decision: "Decisions"
            case .contact: "Contact"
            case .urge: "Urges"
            case .flag: "Flags"
            case .values: "Values"
            case .swap: "Swaps"
            case .win: "Wins"
            case .kinder: "Kinder voice"
            case .ahead: "Keeping it going"
            case .boundary: "Boundaries"
            case .goal: "Goals"
            case .toolkit: "Toolkit"
            }
        }
    }

    public let kind: Kind
    public let id: String
    /// The day it is about.
    public let date: CalendarDay
    public let title: String
    public let text: String

    public init(kind: Kind, id: String, date: CalendarDay, title: String, text: String) {
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
    public var from: CalendarDay?
    public var to: CalendarDay?

    public var isEmpty: Bool { words.isEmpty && phrases.isEmpty }

    /// Reads what was typed: `"went out" angry` is one phrase and one word. Case and accents
    /// never matter.
    public static func parse(_ text: String, kinds: Set<SearchDocument.Kind> = [], from: CalendarDay? = nil, to: CalendarDay? = nil) -> SearchQuery {
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
    public let date: CalendarDay
    public let title: String
    public let snippet: String
    /// Character offsets in `snippet` of each matching word, in order.
    public let marks: [Range<Int>]
}

/// One page of results, and how many there are in all.
public struct SearchResults: Sendable, Equatable {
    /// Every matching document, for the count.
    public let total: Int
    /// The hits of the page asked for, newest day first, each with its snippet.
    public let hits: [SearchHit]
}

/// A word index over everything the person wrote, held in memory for one unlocked session.
/// It is updated in place when records change (`replace(kind:with:)`): a changed document is
/// dropped and added again, and the index is rebuilt only once many were dropped.
public struct SearchIndex: Sendable {
    /// The documents by position; nil where one was dropped.
    private(set) var slots: [SearchDocument?]
    /// Each document's words, folded, joined by single spaces, with a space at each end, as UTF-8.
    private(set) var normalised: [[UInt8]]
    /// Word to the positions that contain it, in position order (dropped positions included:
    /// they are skipped when searching).
    private(set) var postings: [String: [Int32]]
    /// Every indexed word, sorted, to find words that start with a prefix.
    private(set) var vocabulary: [String]
    /// Each kind's documents by id, with their positions.
    private var positions: [SearchDocument.Kind: [String: Int32]]
    /// Each position's place in the results, made once: the day, then the kind (see `orderKey`).
    private var orderKeys: [Int32]
    private var dropped = 0

    /// The documents held, in the order they were added.
    public var documents: [SearchDocument] { slots.compactMap { $0 } }

    /// How many documents are held.
    public var count: Int { slots.count - dropped }

    /// Lower case, without accents: "Éclair" and "eclair" are the same word. Plain ASCII, by far
    /// the most common case, only needs lower-casing, which is much quicker.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    struct Token {
        let text: String
        let range: Range<String.Index>
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// Words: runs of letters and digits (an apostrophe inside a word belongs to it).
    static func tokens(of text: String) -> [Token] {
        var scanner = TokenScanner(text)
        var tokens: [Token] = []
        while let token = scanner.next() { tokens.append(token) }
        return tokens
    }

    /// Finds words one at a time, so a snippet reads only as far as it needs. Works on Unicode
    /// scalars, which is much quicker than on characters.
    struct TokenScanner {
        let text: String
        let scalars: String.UnicodeScalarView
        var index: String.Index

        init(_ text: String, from start: String.Index? = nil) {
            self.text = text
            scalars = text.unicodeScalars
            index = start ?? scalars.startIndex
        }

        mutating func next() -> Token? {
            var start: String.Index?
            while index < scalars.endIndex {
                let scalar = scalars[index]
                let next = scalars.index(after: index)
                let inWord = isWordScalar(scalar)
                    || (start != nil && (scalar == "'" || scalar == "\u{2019}") && next < scalars.endIndex && isWordScalar(scalars[next]))
                if inWord {
                    if start == nil { start = index }
                } else if let begin = start {
                    return token(begin, index)
                }
                index = next
            }
            return start.map { token($0, scalars.endIndex) }
        }

        private func token(_ begin: String.Index, _ end: String.Index) -> Token {
            // Copied as UTF-8 in one go (the indices fall between scalars, so the bytes are whole).
            var word = String(decoding: text.utf8[begin..<end], as: UTF8.self)
            if word.unicodeScalars.contains("\u{2019}") { word = word.replacingOccurrences(of: "\u{2019}", with: "'") }
            return Token(text: word, range: begin..<end)
        }
    }

    public init(_ documents: [SearchDocument]) {
        slots = []
        normalised = []
        postings = [:]
        vocabulary = []
        positions = [:]
        orderKeys = []
        orderKeys.reserveCapacity(documents.count)
        slots.reserveCapacity(documents.count)
        normalised.reserveCapacity(documents.count)
        for document in documents { append(document) }
        vocabulary = postings.keys.sorted()
    }

    /// Adds a document at the end (dropping an older one with the same kind and id), and returns
    /// the words that were new to the index; the caller keeps the vocabulary up to date.
    @discardableResult
    private mutating func append(_ document: SearchDocument) -> [String] {
        if let old = positions[document.kind]?[document.id] { drop(old) }
        let position = Int32(slots.count)
        let words = Self.tokens(of: Self.fold(document.title + "\n" + document.text)).map(\.text)
        slots.append(document)
        orderKeys.append(Self.orderKey(document))
        normalised.append(Array((" " + words.joined(separator: " ") + " ").utf8))
        positions[document.kind, default: [:]][document.id] = position
        var newWords: [String] = []
        for word in Set(words) {
            if postings[word] == nil { newWords.append(word) }
            postings[word, default: []].append(position)
        }
        return newWords
    }

    private mutating func drop(_ position: Int32) {
        guard let document = slots[Int(position)] else { return }
        slots[Int(position)] = nil
        normalised[Int(position)] = []
        positions[document.kind]?[document.id] = nil
        dropped += 1
    }

    /// Makes the index hold exactly `documents` for `kind`: documents that are gone or changed
    /// are dropped, new and changed ones are added. Other kinds are untouched.
    public mutating func replace(kind: SearchDocument.Kind, with documents: [SearchDocument]) {
        var wanted: [String: SearchDocument] = [:]
        for document in documents where document.kind == kind { wanted[document.id] = document }
        for (id, position) in positions[kind] ?? [:] where slots[Int(position)] != wanted[id] {
            drop(position)
        }
        var newWords: [String] = []
        for document in documents where document.kind == kind && positions[kind]?[document.id] == nil {
            newWords += append(document)
        }
        if dropped > 256 && dropped > slots.count / 4 {
            self = SearchIndex(self.documents)
        } else if !newWords.isEmpty {
            vocabulary = Self.merged(vocabulary, Set(newWords).sorted())
        }
    }

    /// Two sorted lists as one.
    static func merged(_ left: [String], _ right: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(left.count + right.count)
        var (i, j) = (0, 0)
        while i < left.count && j < right.count {
            if left[i] <= right[j] {
                result.append(left[i])
                i += 1
            } else {
                result.append(right[j])
                j += 1
            }
        }
        result += left[i...]
        result += right[j...]
        return result
    }

    /// True when `needle` occurs in `haystack`, byte for byte.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { contains($0, needle) }
    }

    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, hay.count >= needle.count, let first = needle.first else { return needle.isEmpty }
        return needle.withUnsafeBufferPointer { pin in
            var index = 0
            let last = hay.count - pin.count
            while index <= last {
                if hay[index] == first {
                    var offset = 1
                    while offset < pin.count && hay[index + offset] == pin[offset] { offset += 1 }
                    if offset == pin.count { return true }
                }
                index += 1
            }
            return false
        }
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
        search(query, offset: 0, limit: limit).hits
    }

    /// One page of matching documents, newest day first: every match is found and counted, but
    /// snippets are made only for the page.
    public func search(_ query: SearchQuery, offset: Int, limit: Int) -> SearchResults {
        guard !query.isEmpty else { return SearchResults(total: 0, hits: []) }
        var candidates: Set<Int32>?
        for word in query.words + query.phrases.flatMap({ $0 }) {
            let found = query.words.contains(word) ? matching(word) : Set(postings[word] ?? [])
            candidates = candidates.map { $0.intersection(found) } ?? found
            if candidates?.isEmpty == true { return SearchResults(total: 0, hits: []) }
        }
        let phrases = query.phrases.map { Array((" " + $0.joined(separator: " ") + " ").utf8) }
        let filtered = !query.kinds.isEmpty || query.from != nil || query.to != nil
        let chosen = (candidates ?? []).filter { position in
            guard let document = slots[Int(position)] else { return false }
            if filtered {
                if !query.kinds.isEmpty && !query.kinds.contains(document.kind) { return false }
                if let from = query.from, document.date < from { return false }
                if let to = query.to, document.date > to { return false }
            }
            return phrases.allSatisfy { Self.contains(normalised[Int(position)], $0) }
        }.sorted { a, b in
            // Newest day first, then by kind; on the same day and kind, by id: a fixed order that
            // does not depend on when the index learned of each document.
            let (left, right) = (orderKeys[Int(a)], orderKeys[Int(b)])
            if left != right { return left > right }
            return slots[Int(a)]!.id < slots[Int(b)]!.id
        }
        let page = chosen.dropFirst(max(0, offset)).prefix(max(0, limit))
        return SearchResults(total: chosen.count, hits: page.compactMap { position in slots[Int(position)].map { Self.hit($0, query: query) } })
    }

    static let kindOrder = Dictionary(uniqueKeysWithValues: SearchDocument.Kind.allCases.enumerated().map { ($1, $0) })

    /// A number that sorts results as they are shown, larger first: the day, then the kind in
    /// the order of `SearchDocument.Kind.allCases`.
    static func orderKey(_ document: SearchDocument) -> Int32 {
        let day = document.date.year * 10_000 + document.date.month * 100 + document.date.day
        return Int32(day * 16 + (15 - kindOrder[document.kind]!))
    }

    /// Searches documents without building an index: each one's folded text is checked for the
    /// query's words first, and only those holding them all are split into words. For a single
    /// search (the command line) this costs far less than building the index.
    public static func scan(_ documents: [SearchDocument], for query: SearchQuery, limit: Int) -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        let needles = (query.words + query.phrases.flatMap { $0 }).map { Array($0.utf8) }
        let phrases = query.phrases.map { Array((" " + $0.joined(separator: " ") + " ").utf8) }
        var found: [(key: Int32, document: SearchDocument)] = []
        for document in documents {
            if !query.kinds.isEmpty && !query.kinds.contains(document.kind) { continue }
            if let from = query.from, document.date < from { continue }
            if let to = query.to, document.date > to { continue }
            // Most documents lack one of the words altogether: a byte search says so quickly, on
            // plain ASCII without even folding it first.
            if !Self.mayHold(document.title, document.text, needles) { continue }
            var text = fold(document.title + "\n" + document.text)
            if text.unicodeScalars.contains("\u{2019}") { text = text.replacingOccurrences(of: "\u{2019}", with: "'") }
            guard needles.allSatisfy({ needle in text.utf8.withContiguousStorageIfAvailable { contains($0, needle) } ?? contains(Array(text.utf8), needle) })
            else { continue }
            // The same test the index makes: each word is a word here, or starts one (from three
            // letters), and each phrase's words come together.
            let words = tokens(of: text).map(\.text)
            guard query.words.allSatisfy({ word in words.contains { $0 == word || (word.count >= 3 && $0.hasPrefix(word)) } }) else { continue }
            if !phrases.isEmpty {
                let normalised = Array((" " + words.joined(separator: " ") + " ").utf8)
                guard phrases.allSatisfy({ contains(normalised, $0) }) else { continue }
            }
            found.append((orderKey(document), document))
        }
        found.sort { $0.key != $1.key ? $0.key > $1.key : $0.document.id < $1.document.id }
        return found.prefix(max(0, limit)).map { hit($0.document, query: query) }
    }

    /// False only when a document's title and text are plain ASCII and one of the (folded)
    /// words is not in them in any case; otherwise it may hold them all, and folding decides.
    static func mayHold(_ title: String, _ text: String, _ needles: [[UInt8]]) -> Bool {
        var (title, text) = (title, text)
        return title.withUTF8 { title in
            text.withUTF8 { text in
                guard !title.contains(where: { $0 >= 0x80 }), !text.contains(where: { $0 >= 0x80 }) else { return true }
                return needles.allSatisfy { containsIgnoringASCIICase(title, $0) || containsIgnoringASCIICase(text, $0) }
            }
        }
    }

    /// True when `needle` (lower-case) occurs in `hay` with its ASCII letters in either case.
    static func containsIgnoringASCIICase(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard hay.count >= needle.count else { return false }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        return needle.withUnsafeBufferPointer { pin in
            let first = pin[0]
            var index = 0
            let last = hay.count - pin.count
            while index <= last {
                if lower(hay[index]) == first {
                    var offset = 1
                    while offset < pin.count && lower(hay[index + offset]) == pin[offset] { offset += 1 }
                    if offset == pin.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// Where the first word that could match starts: nothing before it needs reading. Only plain
    /// ASCII is skipped, where a matching word must hold the query word's letters in either case;
    /// the first other character stops the skip, since folding could make it match.
    static func firstPossibleMatch(in source: String, of needles: [String]) -> String.Index? {
        let needles = needles.map { Array($0.utf8) }
        guard !needles.isEmpty, needles.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 < 0x80 } }) else { return nil }
        let bytes = source.utf8
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
        var stop = bytes.startIndex
        scan: while stop < bytes.endIndex {
            let byte = bytes[stop]
            if byte >= 0x80 { break }
            for needle in needles where lower(byte) == needle[0] {
                var (at, offset) = (bytes.index(after: stop), 1)
                while offset < needle.count, at < bytes.endIndex, lower(bytes[at]) == needle[offset] {
                    at = bytes.index(after: at)
                    offset += 1
                }
                if offset == needle.count { break scan }
            }
            stop = bytes.index(after: stop)
        }
        // Back to the start of the word it is in (all ASCII here).
        while stop > bytes.startIndex {
            let before = bytes[bytes.index(before: stop)]
            guard before < 0x80, isWordScalar(Unicode.Scalar(before)) || before == UInt8(ascii: "'") else { break }
            stop = bytes.index(before: stop)
        }
        return stop
    }

    /// Each line break ("\n", "\r" or "\r\n", each one character) as one space, so character
    /// offsets are kept. Works on bytes: no byte of a line break is part of another character.
    static func oneLine(_ text: Substring) -> String {
        let (newline, carriageReturn, space) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: " "))
        guard text.utf8.contains(where: { $0 == newline || $0 == carriageReturn }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == newline && previous == carriageReturn {
                // The second half of "\r\n", already a space.
            } else {
                bytes.append(byte == newline || byte == carriageReturn ? space : byte)
            }
            previous = byte
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A snippet of about `width` characters around the first match, with every match in it marked.
    static func hit(_ document: SearchDocument, query: SearchQuery, width: Int = 180, skipAhead: Bool = true) -> SearchHit {
        let source = document.text.isEmpty ? document.title : document.text
        // Words are read only from where a match can first be, and as far as the snippet reaches.
        let skipTo = skipAhead ? Self.firstPossibleMatch(in: source, of: query.words + query.phrases.compactMap(\.first)) : nil
        var scanner = TokenScanner(source, from: skipTo)
        var tokens: [Token] = []
        var folded: [String] = []
        var finished = false
        func has(_ index: Int) -> Bool {
            while !finished && tokens.count <= index {
                if let token = scanner.next() {
                    tokens.append(token)
                    folded.append(Self.fold(token.text))
                } else {
                    finished = true
                }
            }
            return index < tokens.count
        }
        func word(_ index: Int) -> String { folded[index] }
        var marked: [Range<String.Index>] = []
        var windowEnd: String.Index?
        var index = 0
        while has(index) {
            // Past the end of the snippet: nothing more to mark.
            if let windowEnd, tokens[index].range.lowerBound >= windowEnd { break }
            var matched = 0
            for phrase in query.phrases where has(index + phrase.count - 1)
                && phrase.indices.allSatisfy({ word(index + $0) == phrase[$0] }) {
                matched = max(matched, phrase.count)
            }
            if matched == 0 {
                let current = word(index)
                if query.words.contains(where: { current == $0 || ($0.count >= 3 && current.hasPrefix($0)) }) { matched = 1 }
            }
            if matched > 0 {
                marked.append(tokens[index].range.lowerBound..<tokens[index + matched - 1].range.upperBound)
                if windowEnd == nil {
                    windowEnd = source.index(tokens[index].range.lowerBound, offsetBy: width, limitedBy: source.endIndex) ?? source.endIndex
                }
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
        let body = Self.oneLine(source[start..<end])
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
