import Plot

extension String {
    /// Safe as HTML text and inside a double-quoted attribute. Plot writes attribute values as
    /// they are, so every value that is not a constant goes through this, as does text we write
    /// as raw HTML ourselves (charts, search snippets).
    var htmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

extension Node {
    /// Text exactly as the person wrote it. Plot escapes `<` and `>` but leaves things that look like
    /// entities alone, so `&` is escaped first: "&lt;" typed by the person shows as "&lt;".
    static func userText(_ text: String) -> Node {
        .text(text.replacingOccurrences(of: "&", with: "&amp;"))
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
