import Foundation

/// The stylesheet and the one script, compiled into the binary so a single file runs anywhere.
/// They hold nothing about the person, so browsers may cache them briefly.
///
/// The sources are `app.css` and `app.js` beside this file. `scripts/embed-assets` copies them
/// into `StaticAssets+Generated.swift` as `css` and `javascript`; run it after changing either.
enum StaticAssets {
    /// Paths and content types of every asset, looked up by the asset route.
    static let files: [String: (contentType: String, body: String)] = [
        "app.css": ("text/css; charset=utf-8", css),
        "app.js": ("text/javascript; charset=utf-8", javascript),
    ]
}
