import Foundation
import Testing
import X509
@testable import UntetherWeb

@Suite("The certificate Untether makes for serving beyond this computer")
struct ServerCertificateTests {
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("untether-tls-\(UUID().uuidString.lowercased())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("it names the addresses and name given, and is renewed near its end or when an address is new")
    func namesAndRenewal() throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let made = try ServerCertificate.makeSelfSigned(hosts: ["192.168.1.20", "my-laptop"], now: now)
        let certificate = try Certificate(pemEncoded: made.certificate)
        #expect(!ServerCertificate.needsRenewal(certificate, hosts: ["192.168.1.20", "my-laptop", "127.0.0.1", "0.0.0.0"], now: now))
        #expect(ServerCertificate.needsRenewal(certificate, hosts: ["10.0.0.7"], now: now), "a new address")
        #expect(ServerCertificate.needsRenewal(certificate, hosts: ["other-name"], now: now), "a new name")
        #expect(ServerCertificate.needsRenewal(certificate, hosts: [], now: now.addingTimeInterval(800 * 86_400)), "near its end")
        #expect(!ServerCertificate.needsRenewal(certificate, hosts: [], now: now.addingTimeInterval(700 * 86_400)))
    }

    @Test("made once per data folder, owner-only key, the same on every start until it must change")
    func keptAndRenewed() throws {
        let folder = Self.temporaryFolder()
        let now = Date()
        let first = try ServerCertificate.loadOrCreate(in: folder, hosts: ["0.0.0.0", "127.0.0.1"], now: now)
        #expect(first.isSelfSigned)
        #expect(first.fingerprint.split(separator: ":").count == 32)
        let again = try ServerCertificate.loadOrCreate(in: folder, hosts: ["0.0.0.0", "127.0.0.1"], now: now)
        #expect(again.fingerprint == first.fingerprint)
        let key = folder.appendingPathComponent("tls/private-key.pem")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: key.path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o600)
        let newAddress = try ServerCertificate.loadOrCreate(in: folder, hosts: ["0.0.0.0", "192.168.7.7"], now: now)
        #expect(newAddress.fingerprint != first.fingerprint)
        let later = try ServerCertificate.loadOrCreate(in: folder, hosts: ["0.0.0.0", "192.168.7.7"], now: now.addingTimeInterval(820 * 86_400))
        #expect(later.fingerprint != newAddress.fingerprint)
    }

    @Test("this computer's own addresses are found, loopback among them")
    func localAddresses() {
        let addresses = ServerCertificate.localAddresses()
        #expect(addresses.contains("127.0.0.1"))
        #expect(!addresses.contains { $0.lowercased().hasPrefix("fe80") })
    }
}
