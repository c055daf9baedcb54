/// Everything that can go wrong opening or sealing the vault, in words a person can act on.
/// None of these messages ever includes what the person wrote.
public enum VaultError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongPassphrase
    case wrongRecoveryKey
    case recoveryKeyMistyped
    case recoveryKeyMalformed
    case passphraseTooShort(minimum: Int)
    case passphraseTooLong(maximum: Int)
    case damagedRecord
    case damagedHeader
    case keyDerivationFailed
    case weakParameters

    public var description: String {
        switch self {
        case .wrongPassphrase:
            "That passphrase did not open the notes. Check for typing mistakes and try again, or use your recovery key."
        case .wrongRecoveryKey:
            "That recovery key did not open these notes. It may belong to another set of notes, or a backup made before."
        case .recoveryKeyMistyped:
            "The recovery key has a typing mistake. Check each group of characters against your copy and try again."
        case .recoveryKeyMalformed:
            "That does not look like a recovery key. It should be 54 letters and numbers, in groups of six."
        case .passphraseTooShort(let minimum):
            "Please choose a passphrase of at least \(minimum) characters. A few ordinary words work well."
        case .passphraseTooLong(let maximum):
            "Please choose a passphrase of at most \(maximum) characters."
        case .damagedRecord:
            "A saved item could not be read. The file may be damaged; a backup can restore it."
        case .damagedHeader:
            "The lock information of these notes is damaged, so they cannot be opened. A backup can restore them."
        case .keyDerivationFailed:
            "The passphrase could not be processed. The computer may be short of memory; close other programs and try again."
        case .weakParameters:
            "These settings are too weak to protect real notes."
        }
    }
}
