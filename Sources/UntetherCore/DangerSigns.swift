import Foundation

/// The signs that research on intimate partner homicide and severe harm found most serious
/// (the dimensions the Danger Assessment, the Lethality Screen and DASH share; their items and
/// weights are not used). One list, in our own words, for the log, the danger check and the
/// analysis.
public enum DangerSign: String, CaseIterable, Codable, Sendable, Comparable {
    case strangulation
    case weapon
    case threatToKill = "threat_to_kill"
    case forcedSex = "forced_sex"
    case pregnancy
    case children
    case stalking
    case suicideThreat = "suicide_threat"
    case separation

    /// How the sign reads on a form and an entry.
    public var label: String {
        switch self {
        case .strangulation: "They choked or strangled me, or pressed on my neck"
        case .weapon: "They used a weapon, or threatened to"
        case .threatToKill: "They threatened to kill me"
        case .forcedSex: "They forced or pressured me into sex"
        case .pregnancy: "They hurt me while I was pregnant"
        case .children: "They hurt or threatened the children"
        case .stalking: "They followed, tracked or watched me"
        case .suicideThreat: "They threatened to kill themselves"
        case .separation: "The violence started or got worse after I left"
        }
    }

    /// Short, for lists and summaries ("choking", "a weapon").
    public var short: String {
        switch self {
        case .strangulation: "choking or strangling"
        case .weapon: "a weapon"
        case .threatToKill: "a threat to kill you"
        case .forcedSex: "forced or pressured sex"
        case .pregnancy: "harm while pregnant"
        case .children: "harm or threats to the children"
        case .stalking: "following, tracking or watching"
        case .suicideThreat: "a threat to kill themselves"
        case .separation: "violence since you left"
        }
    }

    /// In the order of the list.
    public static func < (left: DangerSign, right: DangerSign) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
}
