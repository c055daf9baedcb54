import Foundation

/// Step 5: the person's own regulation toolkit, what calms them across the guide's kinds, seeded
/// from what the urge log shows helps them.
public struct Toolkit: Codable, Sendable, Equatable {
    public static let maxItems = 40
    public static let maxLength = 120

    public enum Kind: String, CaseIterable, Codable, Sendable {
        case breathing, movement, creative, nature, spiritual, people

        public var label: String {
            switch self {
            case .breathing: "Breathing and grounding"
            case .movement: "Moving my body"
            case .creative: "Making something"
            case .nature: "Being outside"
            case .spiritual: "Quiet, faith or meaning"
            case .people: "People"
            }
        }

        public var example: String {
            switch self {
            case .breathing: "slow breaths with a longer breath out"
            case .movement: "a walk round the block"
            case .creative: "drawing, music or cooking"
            case .nature: "ten minutes in the park"
            case .spiritual: "prayer, meditation or a quiet moment"
            case .people: "a call with a friend"
            }
        }
    }

    public struct Item: Codable, Sendable, Equatable {
        public let kind: Kind
        public let text: String
        /// The urge-log action this is, when it is one (so Untether can start it, where it has the tool).
        public let action: CopingAction?
    }

    public var items: [Item]

    public init(items: [Item] = []) {
        self.items = items
    }

    /// The kind an urge-log action belongs to, for those that are ways of calming down.
    public static func kind(of action: CopingAction) -> Kind? {
        switch action {
        case .boxBreathing, .longExhale, .grounding, .watchThought: .breathing
        case .muscleRelaxation, .movement, .wentOut: .movement
        case .wrote: .creative
        case .calledSomeone: .people
        case .urgeTimer, .reasons, .waited: nil
        }
    }

    public mutating func add(kind: Kind, text: String, action: CopingAction? = nil) throws(SwapError) {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .noAttempt }
        guard text.count <= Self.maxLength, items.count < Self.maxItems else { throw .tooLong }
        guard !items.contains(where: { $0.text.lowercased() == text.lowercased() }) else { return }
        items.append(Item(kind: kind, text: text, action: action))
    }

    public mutating func remove(at index: Int) {
        guard items.indices.contains(index) else { return }
        items.remove(at: index)
    }

    /// What the urge log shows helped: each calming action ticked as helping on an urge that
    /// eased, with how many times, most first, leaving out what the toolkit already holds.
    public func suggestions(from urges: [Urge]) -> [(action: CopingAction, times: Int)] {
        var times: [CopingAction: Int] = [:]
        for urge in urges where (urge.drop ?? 0) > 0 {
            for action in urge.helped where Self.kind(of: action) != nil { times[action, default: 0] += 1 }
        }
        let held = Set(items.compactMap(\.action))
        return times.filter { !held.contains($0.key) }.map { ($0.key, $0.value) }
            .sorted { ($0.times, CopingAction.allCases.firstIndex(of: $1.action)!) > ($1.times, CopingAction.allCases.firstIndex(of: $0.action)!) }
    }
}

extension Toolkit: SealedDocument {
    public static var kind: RecordKind { .toolkit }
    public static var initial: Toolkit { Toolkit() }
}
