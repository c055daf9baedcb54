import Foundation
import Testing
@testable import UntetherWeb

@Suite("Multipart forms")
struct MultipartFormTests {
    static func body(boundary: String, parts: [(headers: String, content: Data)]) -> Data {
        var data = Data()
        for part in parts {
            data += Data("--\(boundary)\r\n\(part.headers)\r\n\r\n".utf8) + part.content + Data("\r\n".utf8)
        }
        return data + Data("--\(boundary)--\r\n".utf8)
    }

    @Test("the boundary is read from the content type, quoted or not", arguments: [
        ("multipart/form-data; boundary=----abc123", "----abc123"),
        ("multipart/form-data; charset=utf-8; boundary=\"q u\"", "q u"),
    ])
    func boundary(header: String, expected: String) {
        #expect(MultipartForm.boundary(fromContentType: header) == expected)
    }

    @Test("text fields and a file with binary content are read exactly")
    func parts() throws {
        let binary = Data([0xFF, 0xD8, 0xFF, 0x00, 0x0D, 0x0A, 0x2D, 0x2D, 0x41])
        let data = Self.body(boundary: "XyZ", parts: [
            ("Content-Disposition: form-data; name=\"csrf\"", Data("token".utf8)),
            ("Content-Disposition: form-data; name=\"note\"", Data("line one\r\nline two ü".utf8)),
            ("Content-Disposition: form-data; name=\"file\"; filename=\"photo \\\"1\\\".jpg\"\r\nContent-Type: image/jpeg", binary),
        ])
        let parsed = try #require(MultipartForm.parse(data, boundary: "XyZ"))
        #expect(parsed.fields["csrf"] == "token")
        #expect(parsed.fields["note"] == "line one\r\nline two ü")
        #expect(parsed.files["file"] == UploadedFile(fileName: "photo \"1\".jpg", bytes: binary))
    }

    @Test("an empty file field (nothing chosen) is no file")
    func emptyFile() throws {
        let data = Self.body(boundary: "b", parts: [("Content-Disposition: form-data; name=\"file\"; filename=\"\"", Data())])
        #expect(try #require(MultipartForm.parse(data, boundary: "b")).files.isEmpty)
    }

    @Test("malformed bodies and repeated names are refused", arguments: [
        Data("no boundary here".utf8),
        Data("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated".utf8),
        MultipartFormTests.body(boundary: "b", parts: [("Content-Type: text/plain", Data("x".utf8))]),
        MultipartFormTests.body(boundary: "b", parts: [("Content-Disposition: form-data; name=\"a\"", Data("1".utf8)), ("Content-Disposition: form-data; name=\"a\"", Data("2".utf8))]),
    ])
    func malformed(data: Data) {
        #expect(MultipartForm.parse(data, boundary: "b") == nil)
    }
}
