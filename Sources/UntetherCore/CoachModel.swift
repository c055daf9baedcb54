import Foundation

/// A second opinion beside the rules: for each kind of flag, a logistic regression over the
/// draft's words, word beginnings and word pairs (shorthand written out, as the rules see it), trained on the
/// development drafts of several writers (`coach-train`, see the README). Phrase rules catch
/// what they were written for; this catches other wordings of the same thing, and quotes the
/// words that weighed most. It runs on the device like everything else: a table of weights.
public struct CoachModel: Sendable {
    public struct Kind: Sendable {
        public var bias: Double
        public var weights: [String: Double]
    }

    /// The kinds the model may flag. Capitals and a missing close are exact rules already.
    public static let kinds: [MessageCoach.FlagKind] = [
        .threat, .insult, .hostileCommand, .childrenLeverage, .pleading, .sarcasm, .blame, .emotional, .overExplaining, .apologising, .offTopic,
    ]

    public var kinds: [MessageCoach.FlagKind: Kind]
    /// The probability at or above which a kind is flagged.
    public var threshold: Double

    public init(kinds: [MessageCoach.FlagKind: Kind], threshold: Double) {
        self.kinds = kinds
        self.threshold = threshold
    }

    /// A word or a pair of neighbouring words, with where it is in the text (character offsets).
    public struct Feature: Sendable {
        public let name: String
        public let range: Range<Int>
    }

    /// The words, word beginnings and neighbouring pairs of text already folded and written out.
    public static func features(_ expanded: String) -> [Feature] {
        var words: [(String, Range<Int>)] = []
        var current = ""
        var start = 0
        func finish(_ end: Int) {
            // Quote marks around a word are not part of it: 'colleague' is colleague.
            var (word, from, to) = (Substring(current), start, end)
            while word.first == "'" { word = word.dropFirst(); from += 1 }
            while word.last == "'" { word = word.dropLast(); to -= 1 }
            if !word.isEmpty { words.append((String(word), from..<to)) }
            current = ""
        }
        for (offset, character) in expanded.enumerated() {
            if character.isLetter || character.isNumber || character == "'" {
                if current.isEmpty { start = offset }
                current.append(character)
            } else if !current.isEmpty {
                finish(offset)
            }
        }
        if !current.isEmpty { finish(expanded.count) }
        var features = words.map { Feature(name: $0.0, range: $0.1) }
        // The first five letters of a longer word stand for its family ("begging", "begged";
        // "pathetically"), so a new form of a word the drafts taught still counts.
        for (word, range) in words where word.count > 5 { features.append(Feature(name: String(word.prefix(5)) + "*", range: range)) }
        for index in words.indices.dropLast() {
            features.append(Feature(name: words[index].0 + " " + words[index + 1].0, range: words[index].1.lowerBound..<words[index + 1].1.upperBound))
        }
        return features
    }

    /// How likely the draft shows `kind`, and the feature that weighed most towards it.
    public func judge(_ kind: MessageCoach.FlagKind, _ features: [Feature]) -> (probability: Double, strongest: Feature?) {
        guard let model = kinds[kind] else { return (0, nil) }
        var sum = model.bias
        var strongest: (Feature, Double)?
        var seen = Set<String>()
        for feature in features where seen.insert(feature.name).inserted {
            guard let weight = model.weights[feature.name] else { continue }
            sum += weight
            if weight > (strongest?.1 ?? 0) { strongest = (feature, weight) }
        }
        return (1 / (1 + exp(-sum)), strongest?.0)
    }

    // MARK: Training

    public struct Example: Sendable {
        public let text: String
        public let kinds: Set<MessageCoach.FlagKind>

        public init(text: String, kinds: Set<MessageCoach.FlagKind>) {
            self.text = text
            self.kinds = kinds
        }
    }

    /// Trains one regression per kind (AdaGrad, L2), in a fixed order, so the same drafts always
    /// give the same weights. Features seen in fewer than `minimumCount` drafts are left out, and
    /// weights smaller than `keep` are dropped from the stored model.
    public static func train(_ examples: [Example], epochs: Int = 40, rate: Double = 0.3, l2: Double = 0.002, minimumCount: Int = 1, keep: Double = 0.2, threshold: Double) -> CoachModel {
        let featureSets = examples.map { Set(features(MessageCoach.prepared($0.text)).map(\.name)) }
        var counts: [String: Int] = [:]
        for set in featureSets { for name in set { counts[name, default: 0] += 1 } }
        let vocabulary = counts.filter { $0.value >= minimumCount }.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let rows = featureSets.map { set in set.compactMap { index[$0] }.sorted() }
        var result: [MessageCoach.FlagKind: Kind] = [:]
        for kind in kinds {
            var weights = [Double](repeating: 0, count: vocabulary.count)
            var squares = [Double](repeating: 1e-8, count: vocabulary.count)
            var bias = 0.0
            var biasSquare = 1e-8
            var order = Array(examples.indices)
            var random = SplitMix(seed: 0x5EED ^ UInt64(kinds.firstIndex(of: kind)!))
            for _ in 0..<epochs {
                // A fixed shuffle each epoch.
                for position in order.indices.reversed() {
                    order.swapAt(position, Int(random.next() % UInt64(position + 1)))
                }
                for example in order {
                    let row = rows[example]
                    let label = examples[example].kinds.contains(kind) ? 1.0 : 0.0
                    let sum = bias + row.reduce(0) { $0 + weights[$1] }
                    let error = 1 / (1 + exp(-sum)) - label
                    // Positives are rarer; they count twice.
                    let scale = label == 1 ? 2.0 : 1.0
                    for feature in row {
                        let gradient = scale * error + l2 * weights[feature]
                        squares[feature] += gradient * gradient
                        weights[feature] -= rate * gradient / squares[feature].squareRoot()
                    }
                    let gradient = scale * error
                    biasSquare += gradient * gradient
                    bias -= rate * gradient / biasSquare.squareRoot()
                }
            }
            var kept: [String: Double] = [:]
            for (position, weight) in weights.enumerated() where abs(weight) >= keep { kept[vocabulary[position]] = weight }
            result[kind] = Kind(bias: bias, weights: kept)
        }
        return CoachModel(kinds: result, threshold: threshold)
    }

    // MARK: Stored form

    /// Lines of text: `threshold<TAB>t`, then per kind `kind<TAB>bias` and `kind<TAB>feature<TAB>weight`.
    public func serialized() -> String {
        var lines = ["threshold\t\(threshold)"]
        for kind in Self.kinds {
            guard let model = kinds[kind] else { continue }
            lines.append("\(kind.rawValue)\t\(model.bias)")
            for (name, weight) in model.weights.sorted(by: { $0.key < $1.key }) {
                lines.append("\(kind.rawValue)\t\(name)\t\(String(format: "%.4f", weight))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func parse(_ text: String) -> CoachModel? {
        var threshold: Double?
        var kinds: [MessageCoach.FlagKind: Kind] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, parts[0] == "threshold" {
                threshold = Double(parts[1])
            } else if parts.count == 2, let kind = MessageCoach.FlagKind(rawValue: parts[0]), let bias = Double(parts[1]) {
                kinds[kind, default: Kind(bias: 0, weights: [:])].bias = bias
            } else if parts.count == 3, let kind = MessageCoach.FlagKind(rawValue: parts[0]), let weight = Double(parts[2]) {
                kinds[kind, default: Kind(bias: 0, weights: [:])].weights[parts[1]] = weight
            } else {
                return nil
            }
        }
        guard let threshold, !kinds.isEmpty else { return nil }
        return CoachModel(kinds: kinds, threshold: threshold)
    }

    /// The model that ships, read once from the weights built into the program.
    public static let shipped: CoachModel? = parse(CoachModelWeights.text)
}

/// A small pseudo-random sequence (SplitMix64), the same everywhere: training gives the same
/// weights every time, and demo vaults are the same for the same seed.
public struct SplitMix: Sendable {
    var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
