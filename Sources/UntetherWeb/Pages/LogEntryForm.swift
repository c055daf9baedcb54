import Foundation
import UntetherCore

/// What was typed into one of the log's forms (quick, full or kind moment), kept exactly as typed
/// so a refused form comes back with nothing lost. Core checks the draft it makes.
///
/// Checkboxes post distinct names (`category_physical=on`), because the form parser refuses a
/// repeated name.
struct LogEntryForm: Equatable {
    /// Which form this is. Each one only reads its own fields.
    enum Variant: Equatable {
        case quick
        case full
        case kind
    }

    /// A report to someone official: ticked, and its reference number.
    struct ReportField: Equatable {
        var made = false
        var reference = ""
    }

    var occurredOn: String
    var occurredAt = ""
    var approximate = false
    var location = ""
    var description = ""
    var categories: Set<IncidentCategory> = []
    var dangerSigns: Set<DangerSign> = []
    /// "1" to "5", or "" for not sure.
    var severity = ""
    /// A `CyclePhase` raw value, or "" for not sure.
    var phase = ""
    var injuries = ""
    var witnesses = ""
    /// "yes", "no", or "" for not sure.
    var children = ""
    var reports: [IncidentReport.Kind: ReportField] = [:]
    /// A `KindMoment` raw value, or "".
    var kindMoment = ""
    /// The name of a tick box posted with a value the form never sends ("on"), if any.
    var oddTick: String?

    /// An empty form with the day set to today.
    init(today: CalendarDay) {
        occurredOn = today.description
    }

    /// The fields of a posted form.
    init(_ form: FormFields, variant: Variant) {
        occurredOn = form["occurred_on"]
        occurredAt = form["occurred_at"]
        approximate = form.has("approximate")
        let ticks = ["approximate"] + IncidentCategory.allCases.map(Self.fieldName) + IncidentReport.Kind.allCases.map(Self.reportName)
            + DangerSign.allCases.map(Self.signName)
        oddTick = ticks.first { form.has($0) && form[$0] != "on" }
        description = form["description"]
        switch variant {
        case .quick:
            break
        case .kind:
            kindMoment = form["kind"]
        case .full:
            location = form["location"]
            categories = Set(IncidentCategory.allCases.filter { form.has(Self.fieldName($0)) })
            dangerSigns = Set(DangerSign.allCases.filter { form.has(Self.signName($0)) })
            severity = form["severity"]
            phase = form["phase"]
            injuries = form["injuries"]
            witnesses = form["witnesses"]
            children = form["children"]
            for kind in IncidentReport.Kind.allCases {
                reports[kind] = ReportField(made: form.has(Self.reportName(kind)), reference: form[Self.referenceName(kind)])
            }
        }
    }

    static func fieldName(_ category: IncidentCategory) -> String { "category_\(category.rawValue)" }
    static func signName(_ sign: DangerSign) -> String { "danger_\(sign.rawValue)" }
    static func reportName(_ kind: IncidentReport.Kind) -> String { "report_\(kind.rawValue)" }
    static func referenceName(_ kind: IncidentReport.Kind) -> String { "report_\(kind.rawValue)_reference" }

    func report(_ kind: IncidentReport.Kind) -> ReportField { reports[kind] ?? ReportField() }

    /// The draft for Core to check, or the reason this form can't make one.
    func draft(_ variant: Variant) throws(LogFormError) -> IncidentDraft {
        var moment: KindMoment?
        if variant == .kind {
            guard let chosen = KindMoment(rawValue: kindMoment) else { throw .chooseKindMoment }
            moment = chosen
        }
        // Evidence is kept exactly: a value the form never offers is refused, not quietly dropped.
        guard severity.isEmpty || (severity.count == 1 && Int(severity).flatMap(Severity.init(rawValue:)) != nil) else { throw .severity }
        guard phase.isEmpty || CyclePhase(rawValue: phase) != nil else { throw .phase }
        guard ["", "yes", "no"].contains(children) else { throw .children }
        guard oddTick == nil else { throw .tick }
        return IncidentDraft(
            kindMoment: moment, occurredOn: occurredOn, occurredAt: occurredAt, approximate: approximate,
            location: location, description: description, categories: IncidentCategory.allCases.filter(categories.contains),
            severity: Int(severity).flatMap(Severity.init(rawValue:)), phase: CyclePhase(rawValue: phase),
            injuries: injuries, witnesses: witnesses,
            childrenPresent: children == "yes" ? true : children == "no" ? false : nil,
            // A reference number typed without the box ticked still means a report was made.
            reports: IncidentReport.Kind.allCases.compactMap { kind in
                let field = report(kind)
                let reference = field.reference.trimmingCharacters(in: .whitespacesAndNewlines)
                return field.made || !reference.isEmpty ? IncidentReport(kind: kind, reference: reference) : nil
            },
            dangerSigns: DangerSign.allCases.filter(dangerSigns.contains)
        )
    }
}

/// Why a log form was refused before it reached Core.
enum LogFormError: Error, Equatable, CustomStringConvertible {
    case chooseKindMoment
    case severity
    case phase
    case children
    case tick

    var description: String {
        switch self {
        case .chooseKindMoment: "Please choose what kind of moment it was."
        case .severity: "How serious was it: please choose a number from 1 to 5, or Not sure. Nothing was saved."
        case .phase: "Part of the cycle: please choose one of the choices, or Not sure. Nothing was saved."
        case .children: "Were children there: please choose Yes, No or Not sure. Nothing was saved."
        case .tick: "A tick box came back with a value this form never sends. Please tick or untick it and save again. Nothing was saved."
        }
    }
}
