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
        // Made again (with a new fingerprint, printed at start) when it is about to expire, or
        // when it does not name an address this computer is now reached at.
        if let pem = try? String(contentsOf: certificateURL, encoding: .utf8), let existing = try? Certificate(pemEncoded: pem),
           needsRenewal(existing, hosts: hosts, now: now) {
            try? manager.removeItem(at: certificateURL)
            try? manager.removeItem(at: keyURL)
        }
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

    /// True when a certificate expires within 30 days, or does not name every one of `hosts`
    /// (wildcard addresses aside).
    static func needsRenewal(_ certificate: Certificate, hosts: [String], now: Date) -> Bool {
        guard certificate.notValidAfter > now.addingTimeInterval(30 * 86_400), certificate.notValidBefore <= now.addingTimeInterval(3_600),
              let names = try? certificate.extensions.subjectAlternativeNames
        else { return true }
        var addresses: Set<[UInt8]> = []
        var dnsNames: Set<String> = []
        for name in names {
            switch name {
            case .ipAddress(let octets): addresses.insert(Array(octets.bytes))
            case .dnsName(let dns): dnsNames.insert(dns.lowercased())
            default: break
            }
        }
        return !hosts.filter { !["0.0.0.0", "::", ""].contains($0) }.allSatisfy { host in
            ipAddressBytes(host).map(addresses.contains) ?? dnsNames.contains(host.lowercased())
        }
    }

    /// The addresses of this computer's network interfaces that are up (IPv4 and IPv6, not
    /// link-local), so a certificate for "every address" names the one the phone uses.
    public static func localAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var found: [String] = []
        for pointer in sequence(first: first, next: { $0.pointee.ifa_next }) {
            let interface = pointer.pointee
            guard let address = interface.ifa_addr, interface.ifa_flags & UInt32(IFF_UP) != 0 else { continue }
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            switch Int32(address.pointee.sa_family) {
            case AF_INET:
                var v4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                guard inet_ntop(AF_INET, &v4, &buffer, socklen_t(buffer.count)) != nil else { continue }
            case AF_INET6:
                var v6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                let bytes = withUnsafeBytes(of: &v6) { Array($0) }
                guard !(bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80) else { continue }  // link-local
                guard inet_ntop(AF_INET6, &v6, &buffer, socklen_t(buffer.count)) != nil else { continue }
            default:
                continue
            }
            found.append(String(cString: buffer))
        }
        return Array(Set(found)).sorted()
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
