import ArgumentParser
import Foundation
import UntetherCore
import UntetherStore

/// `untether analyze`: what the log shows over time, with a direction named only when the
/// entries support one.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "What the log shows over time: how often harm happens, how severe it is, and how close together.",
        discussion: "A direction is named only when the entries support one; with fewer than six it says unclear. It never predicts when the next incident may happen: for most people there is no regular cycle."
    )

    @OptionGroup var vault: VaultOptions
    @Flag(help: "Print JSON: incidentCount, kindMomentCount, frequencyTrend, severityTrend, gapsShrinking, last90Days, previous90Days and months.") var json = false
    @Option(help: ArgumentHelp("The first day to include.", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("The last day to include (today if not given).", valueName: "YYYY-MM-DD")) var to: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, CalendarDay(value) == nil { throw ValidationError("\(name) must be a real day written YYYY-MM-DD, like 2026-03-01.") }
        }
        if let from = from.flatMap(CalendarDay.init), let to = to.flatMap(CalendarDay.init), from > to {
            throw ValidationError("--from must not be after --to.")
        }
    }

    struct Output: Encodable {
        let analysis: LogAnalysis
        let from: CalendarDay?
        let to: CalendarDay

        enum CodingKeys: String, CodingKey {
            case from, to, incidentCount, kindMomentCount, frequencyTrend, severityTrend, gapsShrinking, last90Days, previous90Days, months
            case dangerSigns
        }

        struct Sign: Encodable {
            let sign: String
            let dates: [CalendarDay]
        }

        struct Month: Encodable {
            let month: String
            let harm: Int
            let kind: Int
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(analysis.incidentCount, forKey: .incidentCount)
            try container.encode(analysis.kindMomentCount, forKey: .kindMomentCount)
            try container.encode(analysis.frequencyTrend, forKey: .frequencyTrend)
            try container.encode(analysis.severityTrend, forKey: .severityTrend)
            // null, not left out, when there are too few entries to tell.
            try container.encode(analysis.gapsShrinking, forKey: .gapsShrinking)
            try container.encode(analysis.last90Days, forKey: .last90Days)
            try container.encode(analysis.previous90Days, forKey: .previous90Days)
            try container.encode(analysis.months.map { Month(month: $0.month, harm: $0.harm, kind: $0.kind) }, forKey: .months)
            try container.encode(analysis.dangerSigns.map { Sign(sign: $0.sign.rawValue, dates: $0.dates) }, forKey: .dangerSigns)
        }
    }

    static func words(often trend: TrendDirection) -> String {
        switch trend {
        case .rising: "more often over time"
        case .falling: "less often over time"
        case .steady: "no clear change"
        case .unclear: "too few entries to tell"
        }
    }

    static func words(severity trend: TrendDirection) -> String {
        switch trend {
        case .rising: "more severe over time"
        case .falling: "less severe over time"
        case .steady: "no clear change"
        case .unclear: "too few rated entries to tell"
        }
    }

    func run() async throws {
        try await reportingFailures {
            let unlocked = try await vault.unlock()
            let today = try await vault.clock(unlocked).today
            let end = to.flatMap(CalendarDay.init) ?? today
            let start = from.flatMap(CalendarDay.init)
            let incidents = try await unlocked.evidence.entries().compactMap { $0.isRemoved ? nil : $0.incident }
            let analysis = LogAnalysis(incidents: incidents, from: start, end: end)
            if json {
                Terminal.out(try NoteJSON.string(Output(analysis: analysis, from: start, to: end)))
                return
            }
            Terminal.out("Entries of harm: \(analysis.incidentCount) (kind moments: \(analysis.kindMomentCount))")
            Terminal.out("In the last 90 days: \(analysis.last90Days); in the 90 days before: \(analysis.previous90Days)")
            Terminal.out("How often: \(Self.words(often: analysis.frequencyTrend))")
            Terminal.out("How severe: \(Self.words(severity: analysis.severityTrend))")
            let gaps = switch analysis.gapsShrinking {
            case true: "getting shorter"
            case false: "not getting shorter"
            case nil: "too few entries to tell"
            }
            Terminal.out("Time between entries: \(gaps)")
            for item in analysis.dangerSigns {
                let (first, last) = (item.dates[0], item.dates[item.dates.count - 1])
                let days = item.dates.count == 1 ? "on \(first)" : "\(item.dates.count) times, first on \(first), last on \(last)"
                Terminal.out("You wrote down \(item.sign.short) \(days).")
            }
            if !analysis.dangerSigns.isEmpty {
                Terminal.out("These signs mean a higher risk of serious harm. 'untether help-lines' lists people who can help you plan for safety.")
            }
            Terminal.out("This does not predict when anything will happen next. Your own sense of danger counts most.")
        }
    }
}
