import Foundation

/// Runs slow, blocking work (scrypt takes most of a second and 128 MiB) on a thread outside
/// Swift's cooperative pool, so a web server on two cores keeps answering other requests meanwhile.
enum Offload {
    static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
