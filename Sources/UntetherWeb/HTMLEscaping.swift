import Plot

extension String {
    /// Safe as HTML text and inside a double-quoted attribute. Plot writes attribute values as
    /// they are, so every value that is not a constant goes through this, as does text we write
    /// as raw HTML ourselves (charts, search snippets).
    var htmlEscaped: String {
        HTMLEscaping.escape(self, quotes: true)
    }
}

/// Escaping by bytes: text with nothing to escape (most of it) is returned as it is, without a
/// copy, and the rest is rebuilt once. (Plot's own escaping makes a string per character, which
/// was a sixth of a page's time.)
enum HTMLEscaping {
    static func escape(_ text: String, quotes: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { needsEscape($0, quotes: quotes) }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\"") where quotes: out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'") where quotes: out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8, quotes: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): quotes
        default: false
        }
    }
}

extension Node {
    /// Text exactly as the person wrote it, escaped here (`&`, `<` and `>`) and written as it is:
    /// "&lt;" typed by the person shows as "&lt;". (Plot's `.text` leaves things that look like
    /// entities alone, and is slow.)
    static func userText(_ text: String) -> Node {
        .raw(HTMLEscaping.escape(text, quotes: false))
    }
}

extension Node {
    /// An attribute whose value is escaped. It is written even when empty: an `<option>` with
    /// no `value` would send its label instead.
    static func safeAttribute(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: value.htmlEscaped, ignoreIfValueIsEmpty: false)
    }
}

extension Attribute {
    /// An attribute whose value is escaped, written even when empty.
    static func safe(_ name: String, _ value: String) -> Attribute {
        Attribute(name: name, value: value.htmlEscaped, ignoreIfValueIsEmpty: false)
    }
}
