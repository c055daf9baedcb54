import Foundation

/// Texting shorthand written out ("u" → "you", "dont" → "don't", "ill do it" → "i'll do it"),
/// so every pattern sees one spelling, whichever way the person typed it. The checker quotes
/// the draft itself: each character of the written-out text remembers the character it came
/// from.
enum CoachShorthand {
    static let words: [String: String] = [
        "u": "you", "ya": "you", "yu": "you", "im": "i'm", "ive": "i've", "youre": "you're", "youll": "you'll", "youve": "you've",
        "youd": "you'd", "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
        "wasnt": "wasn't", "arent": "aren't", "werent": "weren't", "havent": "haven't", "hasnt": "hasn't", "hadnt": "hadn't",
        "wouldnt": "wouldn't", "couldnt": "couldn't", "shouldnt": "shouldn't", "theyre": "they're", "theyll": "they'll", "theyve": "they've",
        "thats": "that's", "whats": "what's", "shes": "she's", "hes": "he's", "gonna": "going to", "wanna": "want to", "gotta": "got to",
        "bc": "because", "cuz": "because", "coz": "because", "pls": "please", "plz": "please", "thx": "thanks", "tmrw": "tomorrow",
        "tmr": "tomorrow", "abt": "about", "sry": "sorry", "txt": "text", "wknd": "weekend", "tho": "though",
        "idc": "i don't care", "tbh": "to be honest", "ngl": "not going to lie", "wtv": "whatever", "whatevs": "whatever", "b4": "before", "luv": "love", "ppl": "people", "r": "are", "n": "and",
    ]

    /// Words after which "ill" is the adjective ("she's ill"), not "I'll".
    static let beforeIll: Set<String> = [
        "is", "was", "were", "been", "be", "being", "feel", "feels", "feeling", "felt", "very", "so", "too", "quite", "really", "got", "get",
        "getting", "fell", "falls", "seriously", "she's", "he's", "shes", "hes", "they're", "theyre", "i'm", "im", "are", "am", "mentally",
        "terminally", "critically", "looks", "looked", "look", "bit", "an", "the", "of", "an",
    ]

    /// The written-out text, and for each of its characters the index of the character of
    /// `folded` it came from.
    static func expand(_ folded: String) -> (text: String, origin: [Int]) {
        let characters = Array(folded)
        var out: [Character] = []
        var origin: [Int] = []
        out.reserveCapacity(characters.count + 16)
        origin.reserveCapacity(characters.count + 16)
        var previousWord = ""
        var index = 0
        func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "'" }
        while index < characters.count {
            guard isWordCharacter(characters[index]) else {
                out.append(characters[index])
                origin.append(index)
                index += 1
                continue
            }
            let start = index
            while index < characters.count && isWordCharacter(characters[index]) { index += 1 }
            let word = String(characters[start..<index])
            var replacement = words[word]
            if word == "ill" && !beforeIll.contains(previousWord) { replacement = "i'll" }
            // "r" and "n" only between words ("u r late", "salt n pepper"), never as initials.
            if (word == "r" || word == "n"), previousWord.isEmpty { replacement = nil }
            if let replacement {
                let length = index - start
                for (offset, character) in replacement.enumerated() {
                    out.append(character)
                    origin.append(start + min(offset * length / max(replacement.count, 1), length - 1))
                }
            } else {
                out.append(contentsOf: characters[start..<index])
                origin.append(contentsOf: start..<index)
            }
            previousWord = word
        }
        return (String(out), origin)
    }
}
