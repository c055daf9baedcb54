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
    ],
    targets: [
        .target(name: "UntetherCore", swiftSettings: strict),
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
            name: "UntetherCLI",
            dependencies: [
                "UntetherCore",
                "UntetherVault",
                "UntetherStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "untether", dependencies: ["UntetherCLI"], swiftSettings: strict),
        .testTarget(name: "UntetherCoreTests", dependencies: ["UntetherCore"], swiftSettings: strict),
        .testTarget(name: "UntetherVaultTests", dependencies: ["UntetherVault"], swiftSettings: strict),
        .testTarget(
            name: "UntetherStoreTests",
            dependencies: ["UntetherStore", "UntetherVault", "UntetherCore"],
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
