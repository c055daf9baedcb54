import Foundation
import Plot
import UntetherCore
import UntetherStore

extension WithdrawalPages {
    static let scaleQuery = "by"

    static func trends(
        chrome: PageChrome, chart: TrendChart, svg: String? = nil, tableRows: String? = nil, helps: Trends.WhatHelps, notice: String?,
        care: Node<HTML.BodyContext> = .empty
    ) -> String {
        Layout.render(chrome: chrome, content: .group(
            .h1(.text("How withdrawal is changing")),
            Layout.message(notice, isError: false),
            care,
            .p(.class("lead"), .text("Withdrawal comes in waves, and the waves usually get smaller. Lower is easier.")),
            .div(
                .class("actions"),
                .a(.id("checkin-now"), .class("button"), .href(SiteRoute.checkIn), .text("Check in now")),
                .a(.href(SiteRoute.learnStep3), .text("Learn: why withdrawal happens"))
            ),
            .nav(
                .class("scale-switch"), .ariaLabel("Show by"),
                .forEach(Trends.Scale.allCases) { scale in
                    .a(
                        .href(SiteRoute.trends.with([(WithdrawalPages.scaleQuery, scale.rawValue)])),
                        .if(chart.scale == scale, .attribute(named: "aria-current", value: "true")),
                        .userText(scale.label)
                    )
                }
            ),
            .div(.class("chart-box"), .raw(svg ?? chart.svg(id: "trend-chart"))),
            .ul(
                .class("legend"),
                .forEach(TrendChart.series) { series in
                    .li(.span(.class("swatch \(series.cssClass)"), .attribute(named: "aria-hidden", value: "true")), .userText(series.name))
                },
                .li(.span(.class("swatch m-contact"), .attribute(named: "aria-hidden", value: "true")), .text("Contact (first band)")),
                .li(.span(.class("swatch m-urge"), .attribute(named: "aria-hidden", value: "true")), .text("Urges (second band)"))
            ),
            .p(.id("chart-summary"), .userText(chart.summary)),
            .if(!chart.points.isEmpty, dataTable(chart, rows: tableRows)),
            whatHelps(helps),
            .p(.a(.href(SiteRoute.urges), .text("See your urge log")))
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
                .caption(.userText("Average ratings out of 4, by \(chart.unitName.one)")),
                .thead(.tr(.th(.userText(chart.unitName.one.capitalized)), .th(.text("Body")), .th(.text("Feelings")),
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
            .if(!helps.enoughData, .p(.id("not-enough"), .userText(
                "After \(Trends.minimumMeasuredUrges) urges with a strength before and after, this will show what helps you most. So far: \(helps.measured)."
            ))),
            .if(!helps.ranking.isEmpty, .ol(.id("helps-ranking"), .forEach(helps.ranking) { stat in
                .li(.strong(.userText(stat.action.label)), .userText(": eased it by \(TrendChart.number(stat.averageDrop)) points on average, used \(times(stat.uses))."))
            })),
            .if(!helps.tooFewUses.isEmpty, .p(.class("muted"), .userText(
                (helps.enoughData ? "Tried too few times to compare yet: " : "Tried so far: ")
                    + helps.tooFewUses.map { "\($0.action.label.lowercased()) (\(times($0.uses)))" }.joined(separator: ", ") + "."
            ))),
            .unwrap(helps.partsOfDay.first) { top in
                .p(.id("urge-times"), .userText("Urges come most often \(top.value.label.lowercased()): \(top.count) of \(helps.urges)."))
            },
            .if(!helps.triggers.isEmpty, .p(.id("urge-triggers"), .userText(
                "What most often sets them off: " + helps.triggers.prefix(3).map { "\($0.value.label.lowercased()) (\($0.count))" }.joined(separator: ", ") + "."
            )))
        )
    }
}
