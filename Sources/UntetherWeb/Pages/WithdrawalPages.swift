import Foundation
import Plot
import UntetherCore
import UntetherStore

/// Step 3: the check-in, the trends, and the urge log.
enum WithdrawalPages {
    /// What the check-in form holds, as typed.
    struct CheckInForm {
        var ratings: [String: String] = [:]
        var sleepHours = ""
        var note = ""

        init() {}

        init(_ form: FormFields) {
            for symptom in Symptoms.all where !form[name(symptom)].isEmpty {
                ratings[symptom.id] = form[name(symptom)]
            }
            sleepHours = form["sleep_hours"]
            note = form["note"]
        }

        func name(_ symptom: Symptom) -> String { "s_\(symptom.id)" }

        func checkIn(id: UUID, at: Date) throws(CheckInError) -> CheckIn {
            var numbers: [String: Int] = [:]
            for (id, text) in ratings {
                guard let value = Int(text) else { throw .ratingOutOfRange }
                numbers[id] = value
            }
            let hours = sleepHours.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            var sleep: Double?
            if !hours.isEmpty {
                guard let value = Double(hours), value.isFinite else { throw .sleepOutOfRange }
                sleep = value
            }
            return try CheckIn.validated(id: id, at: at, ratings: numbers, sleepHours: sleep, note: note)
        }
    }

    static func checkIn(chrome: PageChrome, form: CheckInForm = CheckInForm(), error: String? = nil) -> String {
        Layout.render(title: "Check in", chrome: chrome, content: .group(
            .h1(.text("How are you today?")),
            .p(.class("lead"), .text("Rate what you notice, from 0 to 4. Skip anything that doesn't fit. It takes about a minute.")),
            .p(.id("anchors"), .class("anchors"), .span(.text(Symptoms.lowAnchor)), .span(.text(Symptoms.highAnchor))),
            Layout.message(error, isError: true),
            .form(
                .id("checkin-form"), .class("stack"), .action(SitePath.checkIn), .method(.post),
                Layout.csrfField(chrome.csrf),
                .forEach(SymptomGroup.allCases) { group in
                    .fieldset(
                        LogPages.legend(group.label),
                        .forEach(Symptoms.group(group)) { symptom in
                            scaleRow(symptom: symptom, name: form.name(symptom), value: form.ratings[symptom.id] ?? "")
                        }
                    )
                },
                .div(
                    .class("pair even"),
                    Layout.field(id: "sleep-hours", label: "Hours slept", hint: "Last night, roughly.", type: .number,
                                 name: "sleep_hours", value: form.sleepHours, required: false, autocomplete: "off",
                                 extra: [.attribute(named: "min", value: "0"), .attribute(named: "max", value: "24"),
                                         .attribute(named: "step", value: "0.5"), .attribute(named: "inputmode", value: "decimal")]),
                    .div()
                ),
                Layout.field(id: "checkin-note", label: "Anything else?", hint: "One line, if you like.", name: "note",
                             value: form.note, required: false, autocomplete: "off",
                             extra: [.attribute(named: "maxlength", value: String(CheckIn.maxNoteLength))]),
                .div(
                    .class("actions"),
                    .button(.id("save-checkin"), .class("button"), .type(.submit), .text("Save")),
                    .a(.href(SitePath.trends), .text("See how it's changing"))
                )
            )
        ))
    }

    /// One symptom with five choices, 0 to 4, in a row that fits a phone.
    static func scaleRow<C: HTML.BodyContext>(symptom: Symptom, name: String, value: String) -> Node<C> {
        .div(
            .class("scale-row"), .attribute(named: "role", value: "radiogroup"),
            .attribute(named: "aria-labelledby", value: "label-\(symptom.id)"),
            .p(.id("label-\(symptom.id)"), .class("scale-label"), .text(symptom.label)),
            .div(.class("scale"), .forEach(Symptoms.rating) { rating in
                .label(
                    .for("s-\(symptom.id)-\(rating)"),
                    .selfClosedElement(named: "input", attributes: [
                        .type(.radio), .id("s-\(symptom.id)-\(rating)"), .name(name), .value(String(rating)),
                        .checked(value == String(rating)),
                    ] as [Attribute<HTML.InputContext>]),
                    .span(.text(String(rating)))
                )
            })
        )
    }

    static let scaleQuery = "by"

    static func trends(
        chrome: PageChrome, chart: TrendChart, svg: String? = nil, tableRows: String? = nil, helps: Trends.WhatHelps, notice: String?
    ) -> String {
        Layout.render(title: "Trends", chrome: chrome, content: .group(
            .h1(.text("How withdrawal is changing")),
            Layout.message(notice, isError: false),
            .p(.class("lead"), .text("Withdrawal comes in waves, and the waves usually get smaller. Lower is easier.")),
            .div(
                .class("actions"),
                .a(.id("checkin-now"), .class("button"), .href(SitePath.checkIn), .text("Check in now")),
                .a(.href(SitePath.learnStep3), .text("Learn: why withdrawal happens"))
            ),
            .nav(
                .class("scale-switch"), .ariaLabel("Show by"),
                .forEach(Trends.Scale.allCases) { scale in
                    .a(
                        .href(SitePath.trends(by: scale.rawValue)),
                        .if(chart.scale == scale, .attribute(named: "aria-current", value: "true")),
                        .text(scale.label)
                    )
                }
            ),
            .div(.class("chart-box"), .raw(svg ?? chart.svg(id: "trend-chart"))),
            .ul(
                .class("legend"),
                .forEach(TrendChart.series) { series in
                    .li(.span(.class("swatch \(series.cssClass)"), .attribute(named: "aria-hidden", value: "true")), .text(series.name))
                },
                .li(.span(.class("swatch m-contact"), .attribute(named: "aria-hidden", value: "true")), .text("Contact (first band)")),
                .li(.span(.class("swatch m-urge"), .attribute(named: "aria-hidden", value: "true")), .text("Urges (second band)"))
            ),
            .p(.id("chart-summary"), .text(chart.summary)),
            .if(!chart.points.isEmpty, dataTable(chart, rows: tableRows)),
            whatHelps(helps),
            .p(.a(.href(SitePath.urges), .text("See your urge log")))
        ))
    }

    /// The chart's numbers as a table. Rows are written directly (every value is a number or a
    /// date we format), because five years of days is thousands of cells.
    /// The table's rows, newest first, as HTML.
    static func tableRows(_ chart: TrendChart) -> String {
        func cell(_ value: Double?) -> String { "<td>" + (value.map(TrendChart.number) ?? "–") + "</td>" }
        var rows = ""
        rows.reserveCapacity(chart.points.count * 120)
        let names = chart.bucketNames
        for (point, name) in zip(chart.points, names).reversed() {
            rows += "<tr><td>" + name + "</td>" + cell(point.physical) + cell(point.emotional) + cell(point.cognitive)
                + cell(point.overall) + "<td>" + String(point.urges) + "</td><td>" + (point.contact ? "Yes" : "No") + "</td></tr>"
        }
        return rows
    }

    static func dataTable(_ chart: TrendChart, rows: String? = nil) -> Node<HTML.BodyContext> {
        let rows = rows ?? tableRows(chart)
        return .element(named: "details", nodes: [
            .class("table-box"),
            .element(named: "summary", nodes: [Node<HTML.BodyContext>.text("Show the numbers as a table")]),
            .table(
                .id("trend-table"), .class("log"),
                .caption(.text("Average ratings out of 4, by \(chart.unitName.one)")),
                .thead(.tr(.th(.text(chart.unitName.one.capitalized)), .th(.text("Body")), .th(.text("Feelings")),
                           .th(.text("Thinking")), .th(.text("Overall")), .th(.text("Urges")), .th(.text("Contact")))),
                .tbody(.raw(rows))
            ),
        ])
    }

    static func whatHelps(_ helps: Trends.WhatHelps) -> Node<HTML.BodyContext> {
        func times(_ n: Int) -> String { n == 1 ? "once" : n == 2 ? "twice" : "\(n) times" }
        return .div(
            .id("what-helps"), .class("card"),
            .h2(.text("What helps you")),
            .if(!helps.enoughData, .p(.id("not-enough"), .text(
                "After \(Trends.minimumMeasuredUrges) urges with a strength before and after, this will show what helps you most. So far: \(helps.measured)."
            ))),
            .if(!helps.ranking.isEmpty, .ol(.id("helps-ranking"), .forEach(helps.ranking) { stat in
                .li(.strong(.text(stat.action.label)), .text(": eased it by \(TrendChart.number(stat.averageDrop)) points on average, used \(times(stat.uses))."))
            })),
            .if(!helps.tooFewUses.isEmpty, .p(.class("muted"), .text(
                (helps.enoughData ? "Tried too few times to compare yet: " : "Tried so far: ")
                    + helps.tooFewUses.map { "\($0.action.label.lowercased()) (\(times($0.uses)))" }.joined(separator: ", ") + "."
            ))),
            .unwrap(helps.partsOfDay.first) { top in
                .p(.id("urge-times"), .text("Urges come most often \(top.value.label.lowercased()): \(top.count) of \(helps.urges)."))
            },
            .if(!helps.triggers.isEmpty, .p(.id("urge-triggers"), .text(
                "What most often sets them off: " + helps.triggers.prefix(3).map { "\($0.value.label.lowercased()) (\($0.count))" }.joined(separator: ", ") + "."
            )))
        )
    }

    static func urges(chrome: PageChrome, urges: [Urge]) -> String {
        Layout.render(title: "Urges", chrome: chrome, content: .group(
            .h1(.text("Your urge log")),
            .p(.class("lead"), .text("Each time you paused instead of reaching out, or did reach out, and what it was like.")),
            .p(.a(.class("button"), .href(SitePath.pause), .text("Log an urge"))),
            .if(urges.isEmpty,
                .p(.id("no-urges"), .class("muted"), .text("Nothing logged yet.")),
                else: .ul(.id("urge-list"), .class("timeline"), .forEach(urges.prefix(100)) { urge in
                    .li(.div(
                        .class("contact-item"),
                        .span(.class("when"), .text(DisplayDate.string(urge.at))),
                        .span(.class("summary"), .text(strength(urge))),
                        .if(!urge.triggers.isEmpty || !urge.triggerNote.isEmpty, .span(.userText(
                            "Set off by: " + (urge.triggers.map { $0.label.lowercased() } + (urge.triggerNote.isEmpty ? [] : [urge.triggerNote])).joined(separator: ", ")
                        ))),
                        .if(!urge.helped.isEmpty, .span(.text("Helped: " + urge.helped.map { $0.label.lowercased() }.joined(separator: ", ")))),
                        .if(!urge.note.isEmpty, .span(.class("about"), .userText(urge.note))),
                        .unwrap(urge.contacted) { .span(.class("meta"), .text($0 ? "Made contact" : "No contact")) }
                    ))
                })),
            .p(.a(.href(SitePath.trends), .text("What helps you")))
        ))
    }

    static func strength(_ urge: Urge) -> String {
        switch (urge.before, urge.after) {
        case let (before?, after?): "Strength \(before) at the start, \(after) after (out of 10)"
        case let (before?, nil): "Strength \(before) at the start (out of 10)"
        case let (nil, after?): "Strength \(after) after (out of 10)"
        case (nil, nil): "Strength not noted"
        }
    }
}
