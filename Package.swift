// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Untether",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "untether", targets: ["untether"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    ],
    targets: [
        .target(name: "UntetherCore", exclude: ["HelpLines/help-lines.json", "HelpLines/SOURCES.md", "Plan/plan-days.json"], swiftSettings: strict),
        .target(
            name: "UntetherVault",
            dependencies: [
                "UntetherCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "UntetherStore",
            dependencies: [
                "UntetherCore",
                "UntetherVault",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "UntetherExport",
            dependencies: [
                "UntetherCore",
                "UntetherVault",
                "UntetherStore",
                .product(name: "Plot", package: "Plot"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Verifier/verify.html", "Verifier/verify.js"],
            swiftSettings: strict
        ),
        .target(
            name: "UntetherWeb",
            dependencies: [
                "UntetherCore",
                "UntetherVault",
                "UntetherStore",
                "UntetherExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Assets/app.css", "Assets/app.js"],
            swiftSettings: strict
        ),
        .target(
            name: "UntetherCLI",
            dependencies: [
                "UntetherCore",
                "UntetherVault",
                "UntetherStore",
                "UntetherWeb",
                "UntetherExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "untether", dependencies: ["UntetherCLI"], swiftSettings: strict),
        .executableTarget(
            name: "export-benchmark",
            dependencies: ["UntetherCore", "UntetherVault", "UntetherStore", "UntetherExport"],
            path: "Benchmarks/ExportBenchmark",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "trends-benchmark",
            dependencies: [
                "UntetherCore", "UntetherVault", "UntetherStore", "UntetherWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/TrendsBenchmark",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "bare-route",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/BareRoute",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "search-benchmark",
            dependencies: ["UntetherCore", "UntetherVault", "UntetherStore"],
            path: "Benchmarks/SearchBenchmark",
            swiftSettings: strict
        ),
        .executableTarget(name: "coach-train", dependencies: ["UntetherCore"], path: "Tools/CoachTrain", swiftSettings: strict),
        .testTarget(name: "UntetherCoreTests", dependencies: ["UntetherCore"], swiftSettings: strict),
        .testTarget(name: "UntetherVaultTests", dependencies: ["UntetherVault"], swiftSettings: strict),
        .testTarget(
            name: "UntetherStoreTests",
            dependencies: ["UntetherStore", "UntetherVault", "UntetherCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "UntetherExportTests",
            dependencies: ["UntetherExport", "UntetherStore", "UntetherVault", "UntetherCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "UntetherWebTests",
            dependencies: [
                "UntetherWeb", "UntetherStore", "UntetherVault", "UntetherCore", "UntetherExport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "UntetherCLITests",
            dependencies: ["UntetherCLI", "UntetherStore", "UntetherVault", "UntetherCore"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
