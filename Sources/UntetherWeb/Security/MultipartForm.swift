import Foundation

/// A file sent with a form.
public struct UploadedFile: Sendable, Equatable {
    /// The name the browser gave the file (kept only inside sealed records; never logged).
    public let fileName: String
    public let bytes: Data
}

/// Reads `multipart/form-data` bodies: text fields, and at most one file per field name.
/// Field names repeat nowhere, like URL-encoded forms here; anything malformed is refused.
enum MultipartForm {
    static func boundary(fromContentType contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
            return (1...70).contains(value.count) ? value : nil
        }
        return nil
    }

    /// The fields and files of a body, or nil when it is malformed.
    static func parse(_ body: Data, boundary: String) -> (fields: FormFields, files: [String: UploadedFile])? {
        let delimiter = Data("--\(boundary)".utf8)
        let separator = Data("\r\n\r\n".utf8)
        var fields: [String: String] = [:]
        var files: [String: UploadedFile] = [:]
        guard var cursor = body.range(of: delimiter)?.upperBound else { return nil }
        while true {
            // After a delimiter: "--" ends the body; otherwise CRLF and a part follow.
            if body[cursor...].starts(with: Data("--".utf8)) { return (FormFields(fields), files) }
            guard body[cursor...].starts(with: Data("\r\n".utf8)) else { return nil }
            let partStart = cursor + 2
            guard let headerEnd = body.range(of: separator, in: partStart..<body.endIndex) else { return nil }
            guard let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headerEnd.upperBound..<body.endIndex) else { return nil }
            guard let headers = String(data: body[partStart..<headerEnd.lowerBound], encoding: .utf8),
                  let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = parameter("name", in: String(disposition))
            else { return nil }
            let content = body[headerEnd.upperBound..<next.lowerBound]
            guard fields[name] == nil, files[name] == nil else { return nil }
            if let fileName = parameter("filename", in: String(disposition)) {
                if !(fileName.isEmpty && content.isEmpty) {
                    files[name] = UploadedFile(fileName: fileName, bytes: Data(content))
                }
            } else {
                guard let text = String(data: content, encoding: .utf8) else { return nil }
                fields[name] = text
            }
            cursor = next.upperBound
        }
    }

    /// A quoted parameter of a Content-Disposition header, such as name="title".
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return nil
    }
}
