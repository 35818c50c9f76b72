// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "girconv",
    platforms: [.macOS(.v13)],
    products: [
        // The canonical model, detection, normalisation and validation: what other systems build on.
        .library(name: "GirconvCore", targets: ["GirconvCore"]),
        // The built-in adapters (one per layout) and their registry.
        .library(name: "GirconvAdapters", targets: ["GirconvAdapters"]),
        // JSON, CSV and XML writers of the canonical record.
        .library(name: "GirconvExport", targets: ["GirconvExport"]),
        .executable(name: "girconv", targets: ["girconv"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // MARK: Core (no I/O beyond decoding bytes, no libxml2)
        .target(name: "GirconvCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),

        // MARK: Adapters
        .target(name: "GirconvAdapters", dependencies: ["GirconvCore"]),

        // MARK: Exporters
        .target(name: "GirconvExport", dependencies: [
            "GirconvCore",
            .product(name: "CSV", package: "CSV.swift"),
        ]),

        // MARK: Command-line tool
        .executableTarget(name: "girconv", dependencies: [
            "GirconvCore", "GirconvAdapters", "GirconvExport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Tests
        .testTarget(name: "GirconvCoreTests", dependencies: ["GirconvCore"]),
        .testTarget(name: "GirconvAdaptersTests", dependencies: ["GirconvAdapters", "GirconvExport"]),
        .testTarget(name: "GirconvExportTests", dependencies: ["GirconvExport", "GirconvAdapters"]),
        .testTarget(name: "GirconvCLITests", dependencies: ["girconv"]),
    ]
)
