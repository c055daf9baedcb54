import Hummingbird

/// The stylesheet and script, served from memory.
enum AssetRoutes {
    static func register(on router: Router<WebContext>) {
        router.get(.asset(.file)) { _, context -> Response in
            guard let name = context.parameters.get(SiteRoute.Parameter.file), let asset = StaticAssets.files[name] else {
                throw HTTPError(.notFound)
            }
            return Response(
                status: .ok,
                headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: asset.body))
            )
        }
    }
}
