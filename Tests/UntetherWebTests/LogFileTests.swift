import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import UntetherCore
import UntetherExport
import UntetherStore
import UntetherVault
@testable import UntetherWeb
import ZIPFoundation

@Suite("Log files and exports in the browser")
struct LogFileTests {
    /// A PNG made of well-formed chunks (IHDR, IDAT, IEND); the checksums are not checked here.
    static let png: Data = {
        func chunk(_ type: String, _ data: [UInt8]) -> Data {
            Data([0, 0, 0, UInt8(data.count)]) + Data(type.utf8) + Data(data) + Data([1, 2, 3, 4])
        }
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            + chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]) + chunk("IDAT", Array(0..<32)) + chunk("IEND", [])
    }()

    /// Sets up, writes one entry, and returns its path.
    static func entryPath(_ browser: Browser, description: String = "Took my keys") async throws -> String {
        try await browser.setUp()
        try await browser.get("/log/new")
        let saved = try await browser.post("/log/new", ["occurred_on": "2026-11-20", "occurred_at": "", "description": description])
        let location = try #require(saved.location)
        return String(location.prefix { $0 != "?" })
    }

    @Test("a file can be attached, is listed with its fingerprint, and downloads exactly, as an attachment")
    func attachAndDownload() async throws {
        try await TestApp().run { browser in
            let path = try await Self.entryPath(browser)
            #expect(try await browser.get(path).body.contains("id=\"attach-form\""))
            let attached = try await browser.upload(path + "/files", fileName: "screenshot \"1\".png", bytes: Self.png)
            #expect(attached.location == path + "?done=attached")
            let page = try await browser.get(path + "?done=attached")
            #expect(page.body.contains("The file was attached."))
            #expect(page.body.contains("screenshot &quot;1&quot;.png") || page.body.contains("screenshot \"1\".png"))
            #expect(page.body.contains(EvidenceChainHex.sha256(Self.png)))
            let link = try #require(page.body.range(of: #"/log/[0-9a-f-]{36}/files/[0-9a-f-]{36}"#, options: .regularExpression))
            let download = try await browser.get(String(page.body[link]))
            #expect(download.status == .ok)
            #expect(download.bytes == Self.png)
            #expect(download.headers[.contentType] == "image/png")
            #expect(download.headers[HTTPField.Name("Content-Disposition")!]?.hasPrefix("attachment; filename=\"attachment-") == true)
            #expect(download.headers[.cacheControl] == "no-store")
        }
    }

    @Test("a file of the wrong kind, an empty choice, or a forged upload is refused and nothing is attached")
    func refusedUploads() async throws {
        try await TestApp().run { browser in
            let path = try await Self.entryPath(browser)
            let program = try await browser.upload(path + "/files", fileName: "x.exe", bytes: Data([0x4D, 0x5A, 0x90, 0x00, 0x03]))
            #expect(program.status == .unprocessableContent)
            #expect(program.body.contains("can&#39;t be attached") || program.body.contains("can't be attached"))
            let nothing = try await browser.upload(path + "/files", fileName: "", bytes: Data())
            #expect(nothing.body.contains("Please choose a file"))
            let token = browser.csrf
            browser.csrf = "forged"
            #expect(try await browser.upload(path + "/files", fileName: "a.png", bytes: Self.png).status == .forbidden)
            browser.csrf = token
            #expect(!(try await browser.get(path).body.contains("id=\"files\"")))
        }
    }

    @Test("the export page makes a zip that verifies, with the chosen options, and it is logged")
    func export() async throws {
        try await TestApp().run { browser in
            let path = try await Self.entryPath(browser, description: "Broke the door")
            try await browser.upload(path + "/files", fileName: "door.png", bytes: Self.png)
            let form = try await browser.get("/log/export")
            #expect(form.body.contains("id=\"export-form\""))
            let download = try await browser.post("/log/export", ["from": "2026-11-01", "to": "", "attachments": "on", "strip_location": "on"])
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "application/zip")
            #expect(download.headers[HTTPField.Name("Content-Disposition")!]?.contains("filename=\"records-") == true)
            #expect(EvidenceBundle.verify(download.bytes).isIntact)
            let archive = try Archive(data: download.bytes, accessMode: .read)
            #expect(archive.contains { $0.path.hasPrefix("attachments/") })
            let without = try await browser.post("/log/export", ["from": "", "to": ""])
            let plain = try Archive(data: without.bytes, accessMode: .read)
            #expect(!plain.contains { $0.path.hasPrefix("attachments/") })
            let bad = try await browser.post("/log/export", ["from": "last week", "to": ""])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Please give dates like"))
            #expect(try await browser.get("/settings/access-log").body.contains("Export made"))
        }
    }

    @Test("the full form can carry a file; a refused file saves nothing and keeps what was typed")
    func fullFormWithFile() async throws {
        try await TestApp().run { browser in
            try await browser.setUp()
            #expect(try await browser.get("/log/new/full").body.contains("enctype=\"multipart/form-data\""))
            let refused = try await browser.upload(
                "/log/new/full", fileName: "tool.exe", bytes: Data([0x4D, 0x5A, 0x90, 0x00]),
                fields: ["occurred_on": "2026-11-20", "description": "Kept when refused", "category_threats": "on"]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Kept when refused"))
            #expect(!(try await browser.get("/log").body.contains("Kept when refused")))
            try await browser.get("/log/new/full")
            let saved = try await browser.upload(
                "/log/new/full", fileName: "bruise.png", bytes: Self.png,
                fields: ["occurred_on": "2026-11-20", "description": "With a photo from the full form"]
            )
            let location = try #require(saved.location)
            let entry = try await browser.get(location)
            #expect(entry.body.contains("With a photo from the full form"))
            #expect(entry.body.contains("bruise.png"))
            #expect(entry.body.contains(EvidenceChainHex.sha256(Self.png)))
        }
    }

    @Test("files and exports need an open vault")
    func locked() async throws {
        try await TestApp().run { browser in
            let path = try await Self.entryPath(browser)
            try await browser.post("/lock")
            #expect(try await browser.get("/log/export").location == "/unlock")
            #expect(try await browser.get(path + "/files/00000000-0000-0000-0000-000000000000").location == "/unlock")
        }
    }
}

enum EvidenceChainHex {
    static func sha256(_ data: Data) -> String {
        EvidenceChain.recordHash(data).hexString
    }
}
