import Foundation

/// The Flesch-Kincaid grade of a text, counted offline: sentences end at . ! or ?, words are
/// runs of letters, and syllables are groups of vowels (a silent final e, and -ed and -es that
/// add no sound, are not counted). Close to dictionary counts on plain English; it is how new
/// text is checked against the house rule of grade 8 or lower.
public enum ReadingGrade {
    public static func fleschKincaid(_ text: String) -> Double {
        let sentences = text.split { ".!?\n".contains($0) }.filter { $0.contains(where: \.isLetter) }.count
        let words = text.split { !$0.isLetter && $0 != "'" && $0 != "’" }.map { String($0).lowercased() }.filter { $0.contains(where: \.isLetter) }
        guard sentences > 0, !words.isEmpty else { return 0 }
        let syllables = words.reduce(0) { $0 + syllableCount($1) }
        return 0.39 * Double(words.count) / Double(sentences) + 11.8 * Double(syllables) / Double(words.count) - 15.59
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    public static func syllableCount(_ raw: String) -> Int {
        let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: "'’"))
        guard word.count > 3 else { return 1 }
        var count = 0
        var previousVowel = false
        for character in word {
            let vowel = vowels.contains(character)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        if word.hasSuffix("e") && !word.hasSuffix("le") && !word.hasSuffix("ee") && !word.hasSuffix("ye") && count > 1 {
            count -= 1
        } else if word.hasSuffix("ed") || word.hasSuffix("es") {
            let silent = !(word.hasSuffix("ted") || word.hasSuffix("ded"))
                && !["ses", "xes", "zes", "ches", "shes", "ces", "ges"].contains { word.hasSuffix($0) }
            if silent && count > 1 { count -= 1 }
        }
        return max(1, count)
    }
}
