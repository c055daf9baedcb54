import Crypto
import Foundation
import UntetherVault

/// Proof that a writing form came from a page this running program served to an unlocked
/// session: an HMAC of the form's draft id under a key that lives in memory only. A form that
/// arrives after the lock has lost its session token; only with this ticket is it kept, so no
/// one on the network can make up drafts. A restart makes new tickets, as it forgets the draft
/// key too.
enum DraftTicket {
    static let key = SymmetricKey(size: .bits256)

    static func make(id: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: key)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func isValid(_ ticket: String, id: String) -> Bool {
        SecureToken.matches(ticket, make(id: id))
    }

    /// The forms whose writing may be kept: only these paths, and only plain characters, so a
    /// kept draft can never be sent anywhere else.
    static let writingPaths: [SiteRoute] = [.journal, .notes, .log, .contacts, .safetyPlan, .wins, .kinder, .goals, .boundaries, .flags, .values]

    static func isWritingPath(_ path: String) -> Bool {
        guard path.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/-_".contains($0)) }), !path.contains("//") else { return false }
        return writingPaths.contains { path == $0.path || path.hasPrefix($0.path + "/") }
    }
}
