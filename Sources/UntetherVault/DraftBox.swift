import Crypto
import Foundation

/// Seals bytes to an X25519 public key, so a server that holds no data key (the vault is locked)
/// can still keep a form the person sent, readable only once the vault is unlocked again.
///
/// Layout: the sender's one-time public key (32 bytes), then a ChaCha20-Poly1305 box. Its key is
/// HKDF-SHA256 of the shared secret, salted with both public keys.
public enum DraftBox {
    static let info = Data("untether-locked-draft-v1".utf8)

    /// `context` is bound in as associated data (the record's kind and id), so a box can never
    /// be read as another record.
    public static func seal(_ plaintext: Data, to recipient: Curve25519.KeyAgreement.PublicKey, context: Data = Data()) throws -> Data {
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        let key = try symmetricKey(ephemeral.sharedSecretFromKeyAgreement(with: recipient),
                                   sender: ephemeral.publicKey.rawRepresentation, recipient: recipient.rawRepresentation)
        return ephemeral.publicKey.rawRepresentation + (try ChaChaPoly.seal(plaintext, using: key, authenticating: context).combined)
    }

    public static func open(_ box: Data, with recipient: Curve25519.KeyAgreement.PrivateKey, context: Data = Data()) throws -> Data {
        guard box.count > 32 + 28 else { throw VaultError.damagedRecord }
        let senderBytes = box.prefix(32)
        let sender = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: senderBytes)
        let key = try symmetricKey(recipient.sharedSecretFromKeyAgreement(with: sender),
                                   sender: Data(senderBytes), recipient: recipient.publicKey.rawRepresentation)
        do {
            return try ChaChaPoly.open(ChaChaPoly.SealedBox(combined: box.dropFirst(32)), using: key, authenticating: context)
        } catch {
            throw VaultError.damagedRecord
        }
    }

    /// A new private key's raw bytes.
    public static func newPrivateKey() -> Data {
        Curve25519.KeyAgreement.PrivateKey().rawRepresentation
    }

    /// The public half of a private key given as raw bytes, or nil if they are not one.
    public static func publicKey(ofPrivateKey bytes: Data) -> Data? {
        (try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes))?.publicKey.rawRepresentation
    }

    /// Seals to a public key given as raw bytes.
    public static func seal(_ plaintext: Data, toPublicKey bytes: Data, context: Data = Data()) throws -> Data {
        try seal(plaintext, to: Curve25519.KeyAgreement.PublicKey(rawRepresentation: bytes), context: context)
    }

    /// Opens with a private key given as raw bytes.
    public static func open(_ box: Data, withPrivateKey bytes: Data, context: Data = Data()) throws -> Data {
        guard let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: bytes) else { throw VaultError.damagedRecord }
        return try open(box, with: key, context: context)
    }

    static func symmetricKey(_ secret: SharedSecret, sender: Data, recipient: Data) -> SymmetricKey {
        secret.hkdfDerivedSymmetricKey(using: SHA256.self, salt: sender + recipient, sharedInfo: info, outputByteCount: 32)
    }
}
