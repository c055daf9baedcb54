import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// The certificate and key the server speaks TLS with, and the fingerprint a person compares on
/// their phone before trusting it.
public struct ServerIdentity: Sendable {
    public let tlsConfiguration: TLSConfiguration
    /// SHA-256 of the certificate's DER bytes, as browsers show it: "AB:CD:…".
    public let fingerprint: String
    /// True when Untether made the certificate itself (the browser will warn until it is trusted).
    public let isSelfSigned: Bool
}

/// Why TLS could not be set up, in words a person can act on.
public enum ServerCertificateError: Error, CustomStringConvertible {
    case unreadable(String)
    case notACertificate(String)
    case notAKey(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(path) could not be read. Check the path and that you may read it."
        case .notACertificate(let path): "\(path) is not a PEM certificate (it should start with -----BEGIN CERTIFICATE-----)."
        case .notAKey(let path): "\(path) is not a PEM private key that matches the certificate."
        case .cannotWrite(let path): "The certificate could not be saved in \(path). Check that the data folder can be written."
        }
    }
}

public enum ServerCertificate {
    /// A certificate and key the person (or their proxy) already has, both PEM files.
    public static func load(certificate certificatePath: String, key keyPath: String) throws(ServerCertificateError) -> ServerIdentity {
        guard let certificatePEM = try? String(contentsOfFile: certificatePath, encoding: .utf8) else { throw .unreadable(certificatePath) }
        guard let keyPEM = try? String(contentsOfFile: keyPath, encoding: .utf8) else { throw .unreadable(keyPath) }
        return try identity(certificatePEM: certificatePEM, keyPEM: keyPEM, certificatePath: certificatePath, keyPath: keyPath, selfSigned: false)
    }

    /// The certificate Untether made for this data folder, made on first use: `tls/` in the folder,
    /// private key readable by the owner only. The same one is used on every start, so the
    /// fingerprint the person checked stays the same.
    public static func loadOrCreate(in directory: URL, hosts: [String], now: Date = Date()) throws(ServerCertificateError) -> ServerIdentity {
        let folder = directory.appendingPathComponent("tls", isDirectory: true)
        let certificateURL = folder.appendingPathComponent("certificate.pem")
        let keyURL = folder.appendingPathComponent("private-key.pem")
        let manager = FileManager.default
        if !manager.fileExists(atPath: certificateURL.path) || !manager.fileExists(atPath: keyURL.path) {
            let made: (certificate: String, key: String)
            do { made = try makeSelfSigned(hosts: hosts, now: now) } catch { throw .cannotWrite(folder.path) }
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
                // The key is created owner-only before a byte of it is written.
                guard manager.createFile(atPath: keyURL.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw ServerCertificateError.cannotWrite(folder.path)
                }
                let handle = try FileHandle(forWritingTo: keyURL)
                try handle.write(contentsOf: Data(made.key.utf8))
                try handle.synchronize()
                try handle.close()
                try Data(made.certificate.utf8).write(to: certificateURL, options: .atomic)
            } catch {
                throw .cannotWrite(folder.path)
            }
        }
        return try load(certificate: certificateURL.path, key: keyURL.path).markedSelfSigned
    }

    /// A P-256 certificate for these hosts, valid for about two years, signed by its own key.
    static func makeSelfSigned(hosts: [String], now: Date) throws -> (certificate: String, key: String) {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            CommonName("Untether on this computer")
        }
        var names: [GeneralName] = [.dnsName("localhost")]
        for host in Set(hosts + ["127.0.0.1", "::1"]) where !["0.0.0.0", "::", ""].contains(host) {
            if let address = ipAddressBytes(host) {
                names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(address))))
            } else if host != "localhost" {
                names.append(.dnsName(host))
            }
        }
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.notCertificateAuthority)
            Critical(KeyUsage(digitalSignature: true))
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames(names)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3_600), notValidAfter: now.addingTimeInterval(825 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
            issuerPrivateKey: .init(key)
        )
        return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
    }

    static func identity(
        certificatePEM: String, keyPEM: String, certificatePath: String, keyPath: String, selfSigned: Bool
    ) throws(ServerCertificateError) -> ServerIdentity {
        guard let chain = try? NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8)), let leaf = chain.first,
              let der = try? leaf.toDERBytes()
        else { throw .notACertificate(certificatePath) }
        guard let key = try? NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem) else { throw .notAKey(keyPath) }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        return ServerIdentity(tlsConfiguration: configuration, fingerprint: fingerprint(der: der), isSelfSigned: selfSigned)
    }

    /// "AB:CD:…", the form browsers show in their certificate details.
    public static func fingerprint(der: [UInt8]) -> String {
        SHA256.hash(data: der).map { String(format: "%02X", $0) }.joined(separator: ":")
    }

    /// The 4 or 16 bytes of an IP address written as text, or nil for a name.
    static func ipAddressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}

extension ServerIdentity {
    var markedSelfSigned: ServerIdentity {
        ServerIdentity(tlsConfiguration: tlsConfiguration, fingerprint: fingerprint, isSelfSigned: true)
    }
}
