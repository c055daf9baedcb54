import Foundation
import ZIPFoundation

/// Every file in a zip, by path.
func zipContents(_ zip: Data) throws -> [String: Data] {
    let archive = try Archive(data: zip, accessMode: .read)
    var files: [String: Data] = [:]
    for entry in archive {
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        files[entry.path] = data
    }
    return files
}
