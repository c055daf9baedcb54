import Foundation

/// A self-check on the relationship, in our own words: what they do (nine areas of harm), how it
/// feels, the signs of a trauma bond the guide names, and what makes leaving hard. The person
/// ticks what is true; nothing is scored or diagnosed. Kept only when they choose, and shown
/// "then and now" so they can see change.
public enum RelationshipCheck {
    /// The parts of the check, in the order they are asked.
    public enum Area: String, CaseIterable, Codable, Sendable {
        case words, control, money, technology, physical, sexual, stalking, reality, threats
        case feelings, bond, leaving

        public var title: String {
            switch self {
            case .words: "Hurtful words"
            case .control: "Control and keeping you apart"
            case .money: "Money"
            case .technology: "Phones and accounts"
            case .physical: "Physical harm"
            case .sexual: "Sex"
            case .stalking: "Following and watching"
            case .reality: "Twisting what is real"
            case .threats: "Threats"
            case .feelings: "How it feels"
            case .bond: "Signs of a trauma bond"
            case .leaving: "What makes leaving hard"
            }
        }

        /// The nine areas of what they do, as opposed to how it feels and what holds the person.
        public var isHarm: Bool { ![.feelings, .bond, .leaving].contains(self) }
    }

    public struct Item: Sendable, Equatable, Identifiable {
        public let id: String
        public let area: Area
        public let text: String
    }

    /// Every item, in order. Ids are stable: kept checks refer to them.
    public static let items: [Item] = [
        Item(id: "names", area: .words, text: "They call you names, mock you or put you down."),
        Item(id: "shout", area: .words, text: "They shout at you or shame you in front of others."),
        Item(id: "criticise", area: .words, text: "They pick at how you look, talk or think."),
        Item(id: "checks", area: .control, text: "They check where you are and who you talk to."),
        Item(id: "apart", area: .control, text: "They make it hard to see friends or family."),
        Item(id: "decides", area: .control, text: "They decide what you wear, eat or do."),
        Item(id: "money_control", area: .money, text: "They control the money, or keep you from having your own."),
        Item(id: "money_debt", area: .money, text: "They run up debts in your name, or stop you from working."),
        Item(id: "phone_read", area: .technology, text: "They go through your phone, messages or accounts."),
        Item(id: "phone_track", area: .technology, text: "They track where you are, or make you share passwords."),
        Item(id: "hit", area: .physical, text: "They push, grab, hit or kick you, or throw things at you."),
        Item(id: "break", area: .physical, text: "They break your things or hurt pets."),
        Item(id: "pressure", area: .sexual, text: "They pressure or force you into sex."),
        Item(id: "ignore_no", area: .sexual, text: "They ignore it when you say no."),
        Item(id: "follow", area: .stalking, text: "They follow you or turn up where you are."),
        Item(id: "keep_contacting", area: .stalking, text: "They keep getting in touch after you asked them to stop."),
        Item(id: "deny", area: .reality, text: "They say things did not happen when you know they did."),
        Item(id: "too_sensitive", area: .reality, text: "They say you are too sensitive, or that you remember it wrong."),
        Item(id: "blame", area: .reality, text: "They blame you for what they do."),
        Item(id: "threat_harm", area: .threats, text: "They threaten to hurt you, the children, pets or themselves."),
        Item(id: "threat_take", area: .threats, text: "They threaten to take the children, leave you with nothing or tell your secrets."),
        Item(id: "afraid", area: .feelings, text: "You feel afraid of them."),
        Item(id: "eggshells", area: .feelings, text: "You feel you have to watch every word, as if walking on eggshells."),
        Item(id: "lost", area: .feelings, text: "You feel you have lost who you were."),
        Item(id: "alone", area: .feelings, text: "You feel cut off, numb or alone."),
        Item(id: "defend", area: .bond, text: "You defend them when others worry about you."),
        Item(id: "hide", area: .bond, text: "You hide what happens from people close to you."),
        Item(id: "hope", area: .bond, text: "You keep hoping they will go back to how they were at the start."),
        Item(id: "went_back", area: .bond, text: "You have left, or tried to, and gone back."),
        Item(id: "self_blame", area: .bond, text: "You blame yourself for how they treat you."),
        Item(id: "miss", area: .bond, text: "You miss them or long for them, even after they hurt you."),
        Item(id: "hard_money", area: .leaving, text: "Money or a place to live."),
        Item(id: "hard_children", area: .leaving, text: "The children."),
        Item(id: "hard_fear", area: .leaving, text: "Fear of what they would do."),
        Item(id: "hard_love", area: .leaving, text: "You love them."),
        Item(id: "hard_confused", area: .leaving, text: "You are not sure what is real any more."),
        Item(id: "hard_alone", area: .leaving, text: "Fear of being alone."),
    ]

    static let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })

    /// The item with this id, if it is one.
    public static func item(_ id: String) -> Item? { byID[id] }

    /// The items of one area, in order.
    public static func items(in area: Area) -> [Item] { items.filter { $0.area == area } }

    /// The areas of harm with at least one tick.
    public static func harmAreas(_ ticked: Set<String>) -> [Area] {
        Area.allCases.filter { area in area.isHarm && items(in: area).contains { ticked.contains($0.id) } }
    }

    /// How many items of `area` are ticked.
    public static func count(_ area: Area, in ticked: Set<String>) -> Int {
        items(in: area).filter { ticked.contains($0.id) }.count
    }

    /// Areas where a tick suggests the danger check is worth taking as well.
    public static let dangerAreas: Set<Area> = [.physical, .sexual, .stalking, .threats]
}

/// A self-check the person chose to keep, sealed like everything else.
public struct SavedRelationshipCheck: Codable, Sendable, Equatable, Identifiable {
    public let id: UUID
    public let takenAt: Date
    /// The ids of the items ticked, in the check's order. Ids no longer in the check are kept
    /// (an older version's answers are never dropped) but not counted.
    public let ticked: [String]

    public init(id: UUID, takenAt: Date, ticked: Set<String>) {
        self.id = id
        self.takenAt = takenAt
        let known = RelationshipCheck.items.map(\.id).filter(ticked.contains)
        self.ticked = known + ticked.subtracting(known).sorted()
    }

    public var tickedSet: Set<String> { Set(ticked) }
}

extension SavedRelationshipCheck: LoggedValue {
    public static var kind: RecordKind { .relationshipCheck }
    public var loggedAt: Date { takenAt }
}
