import Foundation
import Hummingbird
import NIOCore

extension UnlockedContext {
    /// A page that shows only what is stored, served again from the session's cache while nothing
    /// it could show has changed, so a warm page costs one read of the store's revisions and no
    /// rendering. It is made again when any kind's revision changes (another tab, the command
    /// line), when the minute turns (forms offer "now", days turn over) and when the session's
    /// settings change. The key is the address with its query, so a notice or a page number is a
    /// page of its own. Only for GET pages whose HTML depends on nothing else; a page that fails
    /// (a 404) is not kept.
    func cachedPage(
        _ request: Request, _ environment: WebEnvironment,
        render: @escaping @Sendable (_ revisions: [String: Int]) async throws -> String
    ) async throws -> Response {
        let revisions = try await opened.revisions()
        guard let cache = session.cache else { return .page(try await render(revisions)) }
        let stamp = Self.pageStamp(revisions: revisions, now: environment.now(), session: session)
        let body = try await cache.value(SessionCache.pagePrefix + request.uri.description, stamp: stamp) { (_: ByteBuffer?) in
            ByteBuffer(string: try await render(revisions))
        }
        return .page(body)
    }

    /// Everything a cached page depends on besides its address: each kind and its revision, the
    /// minute, and the session's settings and idle time.
    static func pageStamp(revisions: [String: Int], now: Date, session: SessionSnapshot) -> [Int] {
        var stamp: [Int] = []
        stamp.reserveCapacity(revisions.count * 2 + 3)
        for (kind, revision) in revisions.sorted(by: { $0.key < $1.key }) {
            stamp.append(kind.hashValue)
            stamp.append(revision)
        }
        stamp.append(Int((now.timeIntervalSince1970 / 60).rounded(.down)))
        stamp.append(session.preferences.hashValue)
        stamp.append(session.idleSeconds ?? -1)
        return stamp
    }
}

extension Response {
    /// An HTML page already rendered to bytes.
    static func page(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: body))
    }
}
