import Foundation
import UntetherCore

/// Removes embedded metadata that can hold a location (EXIF, XMP) from copies of photos.
/// The original in the vault is never touched.
enum LocationStripper {
    enum Outcome: Equatable {
        /// The copy to export (possibly unchanged: there was nothing to remove).
        case stripped(Data)
        /// This kind of file can't be cleaned safely, so it is left out of the export.
        case cannotStrip
        /// Not a photo: nothing to do.
        case notAPhoto
    }

    static func strip(_ bytes: Data, type: AttachmentType) -> Outcome {
        switch type {
        case .jpeg: jpeg(bytes).map(Outcome.stripped) ?? .cannotStrip
        case .png: png(bytes).map(Outcome.stripped) ?? .cannotStrip
        case .heic: .cannotStrip
        default: .notAPhoto
        }
    }

    /// Drops APP1 segments (EXIF and XMP) before the image data; nil if the file is malformed.
    static func jpeg(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var output: [UInt8] = [0xFF, 0xD8]
        var index = 2
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xDA || marker == 0xD9 {
                output.append(contentsOf: bytes[index...])
                return Data(output)
            }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { return nil }
            if marker != 0xE1 {
                output.append(contentsOf: bytes[index..<index + 2 + length])
            }
            index += 2 + length
        }
        return nil
    }

    /// Drops eXIf chunks and XMP text chunks; nil if the file is malformed.
    static func png(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        guard bytes.count > 8 else { return nil }
        var output = Array(bytes[0..<8])
        var index = 8
        while index + 12 <= bytes.count {
            let length = bytes[index..<index + 4].reduce(0) { $0 << 8 | Int($1) }
            guard length >= 0, index + 12 + length <= bytes.count else { return nil }
            let type = String(decoding: bytes[index + 4..<index + 8], as: UTF8.self)
            let chunk = bytes[index..<index + 12 + length]
            let isXMP = type == "iTXt" && bytes[index + 8..<index + 8 + min(length, 17)].elementsEqual(Array("XML:com.adobe.xmp".utf8).prefix(min(length, 17)))
            if type != "eXIf" && !isXMP { output.append(contentsOf: chunk) }
            index += 12 + length
            if type == "IEND" { return Data(output) }
        }
        return nil
    }
}
