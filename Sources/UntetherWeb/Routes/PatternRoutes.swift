import Foundation
import Hummingbird
import UntetherCore
import UntetherExport
import UntetherStore

/// Step 1's objective look: what the log shows, the summary for a helper, and the questions
/// about the relationship.
struct PatternRoutes: UnlockedRoutes {
    let environment: WebEnvironment

    func register(on routes: RouterGroup<UnlockedContext>) {
        routes.get(.patterns) { request, context in
            let query = request.uri.queryParameters
            let range = AnalysisPages.Range { query[Substring($0)].map(String.init) }
            return try await context.cachedPage(request, environment) { revisions in
                let (analysis, patterns) = try await analyse(context, range: range, revisions: revisions)
                return AnalysisPages.render(
                    chrome: context.chrome(.log), range: range, analysis: analysis, patterns: patterns, region: context.region(environment)
                )
            }
        }
        routes.get(.patternsSummary) { request, context in
            let query = request.uri.queryParameters
            let range = AnalysisPages.Range { query[Substring($0)].map(String.init) }
            let clock = context.clock(environment)
            let (analysis, _) = try await analyse(context, range: range, revisions: nil)
            let checks = try await context.opened.all(SavedRelationshipCheck.self)
            let latest = checks.max { $0.takenAt < $1.takenAt }
            let include = query["self"] == "1" && latest != nil
            let content = HelperSummary.Content(
                analysis: analysis, selfCheck: include ? latest : nil,
                selfCheckDay: include ? latest.map { clock.day(of: $0.takenAt) } : nil, madeOn: clock.today, inBundle: false
            )
            return Response.page(AnalysisPages.summary(
                chrome: context.chrome(.log), range: range, content: content, hasSelfCheck: latest != nil, includeSelfCheck: include
            ))
        }
        routes.get(.selfCheck) { request, context in
            // After keeping answers, the page shows the kept ones: a reload never keeps them twice.
            if let id = request.uri.queryParameters["kept"].flatMap({ UUID(uuidString: String($0)) }),
               let kept = try await context.vault.log(SavedRelationshipCheck.self).value(id) {
                return try await selfCheck(context, ticked: kept.tickedSet, kept: true)
            }
            return try await selfCheck(context, ticked: nil, notice: CheckNotice(request)?.message)
        }
        routes.post(.deleteSelfCheck(.id)) { _, context in
            try await context.vault.log(SavedRelationshipCheck.self).delete(try await context.load(SavedRelationshipCheck.self).id)
            return Response.redirect(to: .selfCheck, notice: CheckNotice.removed)
        }
        routes.post(.selfCheck) { _, context in
            let ticked = Set(RelationshipCheck.items.filter { context.form.has(SelfCheckPages.fieldName($0)) }.map(\.id))
            guard context.form.has(SelfCheckPages.keepField) else { return try await selfCheck(context, ticked: ticked) }
            let kept = try await context.vault.log(SavedRelationshipCheck.self).add(SavedRelationshipCheck(id: UUID(), takenAt: environment.now(), ticked: ticked))
            return Response.redirect(to: SiteRoute.selfCheck.with([("kept", SiteRoute.key(kept.id))]) + "#self-check-result")
        }
    }

    /// The log, urges and contacts in the range, analysed. The range ends today unless a last
    /// day is given.
    func analyse(_ context: UnlockedContext, range: AnalysisPages.Range, revisions: [String: Int]?) async throws -> (LogAnalysis, RecordPatterns) {
        let clock = context.clock(environment)
        let opened = context.opened
        let end = range.to ?? clock.today
        let incidents = try await opened.incidents(revisions: revisions)
        let preferences = try await opened.document(Preferences.self, revisions: revisions)
        let analysis = LogAnalysis(incidents: incidents, from: range.from, end: end)
        let patterns = RecordPatterns(
            incidents: incidents, urges: try await opened.all(Urge.self, revisions: revisions),
            contacts: try await opened.all(ContactEvent.self, revisions: revisions),
            noContactSince: preferences.noContactSince, from: range.from, end: end, timeZone: clock.timeZone
        )
        return (analysis, patterns)
    }

    func selfCheck(_ context: UnlockedContext, ticked: Set<String>?, kept: Bool = false, notice: String? = nil) async throws -> Response {
        .page(SelfCheckPages.render(
            chrome: context.chrome(.log), ticked: ticked, kept: kept, notice: notice,
            earlier: try await context.opened.all(SavedRelationshipCheck.self), timeZone: context.clock(environment).timeZone
        ))
    }
}
