import Foundation
import Hummingbird
import UntetherCore
import UntetherStore

/// Search across everything the person wrote. The words are posted, never put in the address.
struct SearchRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.search) { _, context in
            Response.page(SearchPages.render(chrome: context.chrome(.journal), form: .init(), results: nil))
        }
        routes.post(.search) { _, context in
            let form = SearchPages.Form(query: context.form["q"], kind: context.form["kind"], from: context.form["from"], to: context.form["to"])
            let parsed = SearchQuery.parse(
                String(form.query.prefix(200)), kinds: SearchDocument.Kind(rawValue: form.kind).map { [$0] } ?? [],
                from: CalendarDay(form.from), to: CalendarDay(form.to)
            )
            guard !parsed.isEmpty else { return Response.page(SearchPages.render(chrome: context.chrome(.journal), form: form, results: nil)) }
            // Every match is counted, but snippets are made for the page shown only.
            let size = Pager<SearchHit>.size
            let page = max(1, PageNumber.of(context.form))
            let results = try await context.searchIndex(environment).search(parsed, offset: (page - 1) * size, limit: size)
            return Response.page(SearchPages.render(chrome: context.chrome(.journal), form: form, results: results, page: page))
        }
    }
}
