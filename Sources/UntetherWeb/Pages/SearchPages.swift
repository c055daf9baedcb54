import Foundation
import Plot
import UntetherCore

/// Search across everything the person wrote.
enum SearchPages {
    struct Form {
        var query = ""
        var kind = ""
        var from = ""
        var to = ""
    }

    static func link(_ hit: SearchHit) -> SiteRoute {
        switch hit.kind {
        case .note: SiteRoute.note(.named(hit.id))
        case .journal: SiteRoute.journalEntry(.named(hit.id))
        case .log: SiteRoute.logEntry(.named(hit.id))
        case .decision: SiteRoute.decision(.named(hit.id))
        case .contact: SiteRoute.contacts
        case .urge: SiteRoute.urges
        case .flag: SiteRoute.flags
        case .values: SiteRoute.values
        case .swap: SiteRoute.swaps
        case .win: SiteRoute.wins
        case .kinder: SiteRoute.kinder
        case .ahead: SiteRoute.ahead
        case .boundary: SiteRoute.boundaries
        case .goal: SiteRoute.goals
        case .toolkit: SiteRoute.toolkit
        }
    }

    /// The snippet as HTML: the person's words escaped, the matching words in `<mark>`.
    static func highlighted(_ hit: SearchHit) -> String {
        let snippet = hit.snippet
        var html = ""
        html.reserveCapacity(snippet.utf8.count + hit.marks.count * 13)
        // Marks are character offsets, in order: the snippet is walked once.
        var index = snippet.startIndex
        var position = 0
        func advance(to offset: Int) -> String.Index? {
            snippet.index(index, offsetBy: offset - position, limitedBy: snippet.endIndex)
        }
        for mark in hit.marks where mark.lowerBound >= position {
            guard let lower = advance(to: mark.lowerBound),
                  let upper = snippet.index(lower, offsetBy: mark.count, limitedBy: snippet.endIndex) else { break }
            html += String(snippet[index..<lower]).htmlEscaped
            html += "<mark>" + String(snippet[lower..<upper]).htmlEscaped + "</mark>"
            index = upper
            position = mark.upperBound
        }
        html += String(snippet[index...]).htmlEscaped
        return html
    }

    /// The page of results `page` (from 1), or the empty form when `results` is nil.
    static func render(chrome: PageChrome, form: Form, results: SearchResults?, page: Int = 1) -> String {
        let size = Pager<SearchHit>.size
        // The pages around the one shown; the hits themselves were cut to the page already.
        let pager = Pager<SearchHit>(total: results?.total ?? 0, page: page, size: size)
        let hits = results?.hits
        let total = results?.total ?? 0
        return Layout.render(chrome: chrome, content: .group(
            .h1(.text("Search")),
            .p(.class("lead"), .userText("Look through everything you've written. Put words in quotes to find them together, like \"said sorry\".")),
            .form(
                // Posted, not sent in the address: search words must never land in the browser's history.
                .id("search-form"), .class("stack"), .action(SiteRoute.search), .method(.post), .attribute(named: "role", value: "search"),
                Layout.csrfField(chrome.csrf),
                .div(
                    .label(.for("search-q"), .text("Words to find")),
                    .selfClosedElement(named: "input", attributes: [
                        .type(.search), .id("search-q"), .name("q"), .safe("value", form.query), .attribute(named: "autocomplete", value: "off"),
                        .attribute(named: "maxlength", value: "200"),
                    ] as [Attribute<HTML.InputContext>])
                ),
                .element(named: "details", nodes: [
                    .class("filters"),
                    .if(!form.kind.isEmpty || !form.from.isEmpty || !form.to.isEmpty, .attribute(named: "open")),
                    .element(named: "summary", nodes: [Node<HTML.BodyContext>.text("Only some kinds or days")]),
                    .div(
                        .class("filter-grid"),
                        .div(
                            .label(.for("search-kind"), .text("Where")),
                            .select(
                                .id("search-kind"), .attribute(named: "name", value: "kind"),
                                LogPages.option(value: "", label: "Everywhere", selected: form.kind.isEmpty),
                                .forEach(SearchDocument.Kind.allCases) { kind in
                                    LogPages.option(value: kind.rawValue, label: kind.label, selected: form.kind == kind.rawValue)
                                }
                            )
                        ),
                        LogPages.dayInput(id: "search-from", label: "From", name: "from", value: form.from),
                        LogPages.dayInput(id: "search-to", label: "To", name: "to", value: form.to)
                    ),
                ]),
                .div(.button(.id("search-go"), .class("button"), .type(.submit), .text("Search")))
            ),
            .unwrap(hits) { hits in
                .group(
                    .p(.id("search-count"), .attribute(named: "role", value: "status"), .userText(
                        total == 0 ? "Nothing found. Try fewer words, or the start of a word."
                            : total > hits.count ? "\(total) results, newest first. Showing \((page - 1) * size + 1) to \((page - 1) * size + hits.count)."
                            : "\(total) \(total == 1 ? "result" : "results")."
                    )),
                    .ul(.id("search-results"), .class("list results"), .forEach(hits) { hit in
                        .li(.a(
                            .safeAttribute("href", link(hit)),
                            .span(.class("meta"), .userText("\(hit.kind.label) · \(DisplayDate.day(hit.date))")),
                            .span(.class("title"), .userText(hit.title.isEmpty ? "Untitled" : hit.title)),
                            .span(.class("snippet"), .raw(highlighted(hit)))
                        ))
                    }),
                    PagerLinks.render(
                        pager, route: .search, noun: "results",
                        posted: [("q", form.query), ("kind", form.kind), ("from", form.from), ("to", form.to)], csrf: chrome.csrf
                    )
                )
            }
        ))
    }
}
