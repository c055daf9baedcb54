import Foundation
import Testing
@testable import UntetherWeb

@Suite("Static assets")
struct StaticAssetsTests {
    /// Sources/UntetherWeb/Assets, found from this file's place in Tests/UntetherWebTests.
    static let assets = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Sources/UntetherWeb/Assets")

    /// What the binary carries for each source file.
    static let embedded = ["app.css": StaticAssets.css, "app.js": StaticAssets.javascript]

    @Test("the stylesheet and script in the binary are exactly app.css and app.js", arguments: ["app.css", "app.js"])
    func embeddedMatchesSource(file: String) throws {
        let source = try Data(contentsOf: Self.assets.appendingPathComponent(file))
        let embedded = try #require(Self.embedded[file])
        #expect(
            Data(embedded.utf8) == source,
            "The copy of \(file) in StaticAssets+Generated.swift is out of date: run scripts/embed-assets"
        )
    }
}
