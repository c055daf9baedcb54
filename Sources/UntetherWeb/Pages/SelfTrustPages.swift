import Foundation
import Plot
import UntetherCore
import UntetherStore

/// Step 4: the decision log and the relationship timeline.
enum SelfTrustPages {
    static let notices: [String: String] = [
        "saved": "Saved. You'll be asked how it went on the day you chose.",
        "reviewed": "Saved. Noticing how things turn out is how trust in yourself grows.",
        "added": "Added to your timeline.",
        "removed": "Removed from your timeline.",
    ]


    // MARK: decisions

    static func decisions(
        chrome: PageChrome, decisions: [Decision], today: String, form: [String: String] = [:], error: String? = nil, notice: String? = nil
    ) -> String {
        let due = decisions.filter { $0.isDue(today: today) }
        let trusted = Decision.trustedAndWentWell(decisions)
        let reviewed = decisions.filter(\.isReviewed)
        let inWeek = LocalDay.adding(days: 7, to: today)
        return Layout.render(title: "Decisions", chrome: chrome, content: .group(
            .p(.a(.href(SitePath.journal), .text("← Journal"))),
            .h1(.text("Decisions and your gut")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("Make small choices on your own, notice what your gut said, and later see how it went. Each one is practice in trusting yourself.")),
            .div(
                .id("trust-count"), .class("card calm"),
                .p(.class("streak-count"), .span(.id("trusted-count"), .text(String(trusted))), .text(" "),
                   .text(trusted == 1 ? "time you trusted your gut and it went well." : "times you trusted your gut and it went well.")),
                .if(reviewed.isEmpty, .p(.class("muted"), .text("When you look back on a decision, it shows up here.")),
                    else: .p(.class("muted"), .text("Out of \(reviewed.count) you've looked back on. Every one you look back on counts, whatever happened.")))
            ),
            .if(!due.isEmpty, .div(
                .id("due-decisions"), .class("card"),
                .h2(.text("Ready to look back on")),
                .ul(.class("list"), .forEach(due) { decision in
                    .li(.a(.safeAttribute("href", SitePath.decision(SitePath.key(decision.id))),
                           .span(.class("title"), .userText(decision.decision)),
                           .span(.class("meta"), .text("Decided \(DisplayDate.day(decision.madeOn))"))))
                })
            )),
            .h2(.id("new-decision"), .text("A new decision")),
            Layout.message(error, isError: true),
            .form(
                .id("decision-form"), .class("stack"), .action(SitePath.decisions), .method(.post),
                Layout.csrfField(chrome.csrf),
                textBox(id: "decision", label: "What are you deciding?", hint: "Small is good: what to eat, who to call, whether to go.", value: form["decision"] ?? "", required: true),
                textBox(id: "gut", label: "What does your gut say?", hint: nil, value: form["gut"] ?? "", required: false),
                textBox(id: "chose", label: "What did you choose?", hint: nil, value: form["chose"] ?? "", required: false),
                .div(
                    .class("pair even"),
                    LogPages.dayInput(id: "made-on", label: "Decided on", name: "made_on", value: form["made_on"] ?? today),
                    LogPages.dayInput(id: "review-on", label: "Look back on", name: "review_on", value: form["review_on"] ?? inWeek)
                ),
                .div(.class("actions"), .button(.id("save-decision"), .class("button"), .type(.submit), .text("Save")))
            ),
            .if(!decisions.isEmpty, .group(
                .h2(.text("All decisions")),
                .ul(.id("decision-list"), .class("list"), .forEach(decisions) { decision in
                    .li(.a(
                        .safeAttribute("href", SitePath.decision(SitePath.key(decision.id))),
                        .span(.class("title"), .userText(decision.decision)),
                        .span(.class("meta"), .text(status(decision, today: today)))
                    ))
                })
            ))
        ))
    }

    static func status(_ decision: Decision, today: String) -> String {
        if decision.isReviewed {
            let went = decision.wentWell.map { $0 ? "Went well" : "Didn't go well" } ?? "Looked back"
            return "\(DisplayDate.day(decision.madeOn)) · \(went)" + (decision.gutCheck == .right ? " · gut was right" : "")
        }
        return decision.isDue(today: today) ? "\(DisplayDate.day(decision.madeOn)) · ready to look back on"
            : "\(DisplayDate.day(decision.madeOn)) · look back on \(DisplayDate.day(decision.reviewOn))"
    }

    static func textBox(id: String, label: String, hint: String?, value: String, required: Bool) -> Node<HTML.FormContext> {
        .div(
            .label(.for(id), .text(label), .unwrap(hint) { .span(.class("hint"), .text($0)) }),
            .textarea(.id(id), .name(id), .rows(2), .class("line"), .if(required, .required(true)),
                      .attribute(named: "maxlength", value: String(Decision.maxTextLength)), .userText(LogPages.textareaValue(value)))
        )
    }

    static func decision(chrome: PageChrome, decision: Decision, error: String? = nil) -> String {
        Layout.render(title: "Decisions", chrome: chrome, content: .group(
            .p(.a(.href(SitePath.decisions), .text("← Decisions"))),
            .h1(.text("Looking back")),
            .dl(
                .class("record"),
                .dt(.text("The decision")), .dd(.id("decision-text"), .userText(decision.decision)),
                .if(!decision.gut.isEmpty, .group(.dt(.text("What my gut said")), .dd(.userText(decision.gut)))),
                .if(!decision.chose.isEmpty, .group(.dt(.text("What I chose")), .dd(.userText(decision.chose)))),
                .dt(.text("Decided on")), .dd(.text(DisplayDate.day(decision.madeOn)))
            ),
            Layout.message(error, isError: true),
            .form(
                .id("review-form"), .class("stack"), .safeAttribute("action", SitePath.decision(SitePath.key(decision.id))), .method(.post),
                Layout.csrfField(chrome.csrf),
                textBox(id: "outcome", label: "How did it turn out?", hint: nil, value: decision.outcome, required: false),
                .fieldset(
                    LogPages.legend("Did it go well?"),
                    .div(.class("choices inline"),
                         LogPages.choice(type: .radio, id: "went-well-yes", name: "went_well", value: "yes", label: "Yes", checked: decision.wentWell == true),
                         LogPages.choice(type: .radio, id: "went-well-no", name: "went_well", value: "no", label: "Not really", checked: decision.wentWell == false))
                ),
                .fieldset(
                    LogPages.legend("Was your gut right?"),
                    .div(.class("choices"), .forEach(Decision.GutCheck.allCases) { check in
                        LogPages.choice(type: .radio, id: "gut-\(check.rawValue)", name: "gut_check", value: check.rawValue, label: check.label,
                                        checked: decision.gutCheck == check)
                    })
                ),
                .div(.class("actions"), .button(.id("save-review"), .class("button"), .type(.submit), .text("Save")))
            ),
            .p(.class("muted"), .text("If your gut was off, that's useful too. It's how you learn which signals to trust."))
        ))
    }

    // MARK: timeline

    static func timeline(
        chrome: PageChrome, chart: TimelineChart, milestones: [Milestone], today: String, form: [String: String] = [:],
        error: String? = nil, notice: String? = nil
    ) -> String {
        Layout.render(title: "Timeline", chrome: chrome, content: .group(
            .p(.a(.href(SitePath.journal), .text("← Journal"))),
            .h1(.text("Your timeline")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("The moments you mark, with the entries from your log. Seeing it all in one place can make a pattern clear.")),
            .div(.class("chart-box"), .raw(chart.svg(id: "timeline-chart"))),
            .ul(
                .class("legend"),
                .li(.span(.class("swatch milestone-swatch"), .attribute(named: "aria-hidden", value: "true")), .text("Your milestones")),
                .li(.span(.class("swatch m-contact"), .attribute(named: "aria-hidden", value: "true")), .text("Log entries")),
                .li(.span(.class("swatch kind-swatch"), .attribute(named: "aria-hidden", value: "true")), .text("Kind moments"))
            ),
            .p(.id("timeline-summary"), .text(chart.summary)),
            .if(!milestones.isEmpty, .group(
                .h2(.text("Your milestones")),
                .ul(.id("milestone-list"), .class("plain milestones"), .forEach(milestones) { milestone in
                    .li(
                        .strong(.text(DisplayDate.day(milestone.date))), .text(": \(milestone.kind.label)"),
                        .if(!milestone.note.isEmpty, .group(.text(". "), .userText(milestone.note))),
                        .text(" "),
                        .form(
                            .class("inline-form"), .safeAttribute("action", SitePath.deleteMilestone(SitePath.key(milestone.id))), .method(.post),
                            Layout.csrfField(chrome.csrf),
                            .button(.class("link-button"), .type(.submit), .attribute(named: "aria-label", value: "Remove \(milestone.kind.label)"), .text("Remove"))
                        )
                    )
                })
            )),
            .h2(.id("add-milestone"), .text("Add a milestone")),
            Layout.message(error, isError: true),
            .form(
                .id("milestone-form"), .class("stack"), .action(SitePath.timeline), .method(.post),
                Layout.csrfField(chrome.csrf),
                .div(
                    .label(.for("milestone-kind"), .text("What happened")),
                    .select(
                        .id("milestone-kind"), .attribute(named: "name", value: "kind"),
                        .forEach(Milestone.Kind.allCases) { kind in
                            LogPages.option(value: kind.rawValue, label: kind.label, selected: form["kind"] == kind.rawValue)
                        }
                    )
                ),
                LogPages.dayInput(id: "milestone-date", label: "When", name: "date", value: form["date"] ?? ""),
                Layout.field(id: "milestone-note", label: "A few words", hint: "Optional.", name: "note", value: form["note"] ?? "",
                             required: false, autocomplete: "off", extra: [.attribute(named: "maxlength", value: String(Milestone.maxNoteLength))]),
                .div(.class("actions"), .button(.id("save-milestone"), .class("button"), .type(.submit), .text("Add")))
            )
        ))
    }
}

/// The relationship timeline as a vertical SVG: time runs down, milestones are labelled on the
/// right, log entries are ticks on the line.
struct TimelineChart: Sendable {
    struct Mark: Sendable {
        let day: Date
        let label: String
    }

    let milestones: [Mark]
    let incidents: [Date]
    let kindMoments: [Date]
    let end: Date

    static let width = 360.0
    static let axisX = 70.0
    static let top = 16.0
    static let lineGap = 16.0

    var start: Date { ([end] + milestones.map(\.day) + incidents + kindMoments).min() ?? end }

    var height: Double { max(240, Double(milestones.count) * Self.lineGap + 60) }

    func y(_ date: Date) -> Double {
        let span = end.timeIntervalSince(start)
        guard span > 0 else { return Self.top }
        return Self.top + (height - Self.top * 2) * date.timeIntervalSince(start) / span
    }

    var summary: String {
        if milestones.isEmpty && incidents.isEmpty && kindMoments.isEmpty {
            return "Nothing on your timeline yet. Add the moments you remember below."
        }
        var parts = ["\(milestones.count) \(milestones.count == 1 ? "milestone" : "milestones")"]
        parts.append("\(incidents.count) log \(incidents.count == 1 ? "entry" : "entries")")
        if !kindMoments.isEmpty { parts.append("\(kindMoments.count) kind \(kindMoments.count == 1 ? "moment" : "moments")") }
        return "From \(Self.day(start)) to \(Self.day(end)): " + parts.joined(separator: ", ") + "."
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMM yyyy"
        return formatter.string(from: date)
    }

    func svg(id: String) -> String {
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        var out = "<title id=\"\(id)-title\">Your relationship timeline</title><desc id=\"\(id)-desc\">\(summary.htmlEscaped)</desc>"
        out += "<line class=\"grid\" x1=\"\(Int(Self.axisX))\" x2=\"\(Int(Self.axisX))\" y1=\"\(Int(Self.top))\" y2=\"\(number(height - Self.top))\"/>"
        // Years on the left.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let firstYear = calendar.component(.year, from: start)
        let lastYear = calendar.component(.year, from: end)
        var lastLabelY = -100.0
        if lastYear > firstYear {
            for year in (firstYear + 1)...lastYear {
                guard let date = calendar.date(from: DateComponents(year: year, month: 1, day: 1)) else { continue }
                let yearY = y(date)
                guard yearY - lastLabelY >= 14 else { continue }
                lastLabelY = yearY
                out += "<text class=\"axis\" x=\"\(Int(Self.axisX - 10))\" y=\"\(number(yearY + 4))\" text-anchor=\"end\">\(year)</text>"
            }
        }
        for date in incidents {
            out += "<rect class=\"m-contact\" x=\"\(Int(Self.axisX - 6))\" y=\"\(number(y(date) - 1))\" width=\"12\" height=\"2\"/>"
        }
        for date in kindMoments {
            out += "<rect class=\"m-kind\" x=\"\(Int(Self.axisX - 6))\" y=\"\(number(y(date) - 1))\" width=\"12\" height=\"2\"/>"
        }
        // Milestones: a dot on the line and a label on the right, pushed down so labels never overlap.
        var nextFree = 0.0
        for mark in milestones.sorted(by: { $0.day < $1.day }) {
            let dotY = y(mark.day)
            let labelY = max(dotY, nextFree)
            nextFree = labelY + Self.lineGap
            out += "<circle class=\"milestone-dot\" cx=\"\(Int(Self.axisX))\" cy=\"\(number(dotY))\" r=\"4\"/>"
            out += "<line class=\"leader\" x1=\"\(Int(Self.axisX + 4))\" y1=\"\(number(dotY))\" x2=\"\(Int(Self.axisX + 14))\" y2=\"\(number(labelY))\"/>"
            out += "<text class=\"milestone-label\" x=\"\(Int(Self.axisX + 18))\" y=\"\(number(labelY + 4))\">\(mark.label.htmlEscaped)</text>"
        }
        let fullHeight = max(height, nextFree + 8)
        return "<svg id=\"\(id)\" class=\"chart timeline\" viewBox=\"0 0 \(Int(Self.width)) \(Int(fullHeight.rounded(.up)))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">" + out + "</svg>"
    }
}
