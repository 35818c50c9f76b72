// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "girconv",
    platforms: [.macOS(.v13)],
    products: [
        // The canonical model, detection, normalisation and validation: what other systems build on.
        .library(name: "GirconvCore", targets: ["GirconvCore"]),
        // Layout files and the one engine that reads any layout they describe.
        .library(name: "GirconvLayouts", targets: ["GirconvLayouts"]),
        // The built-in layouts (layout files shipped as resources), the document readers and their registry.
        .library(name: "GirconvAdapters", targets: ["GirconvAdapters"]),
        // HTML pages (parsed by GirconvXML): tables as grids, the report body without site chrome.
        .library(name: "GirconvHTML", targets: ["GirconvHTML"]),
        // PDF reports through poppler's pdftotext; Word reports through zlib (ZIPFoundation's CZlib) and
        // GirconvXML. (GirconvXML, the one module over libxml2, is no product: its API is package-internal.)
        .library(name: "GirconvPDF", targets: ["GirconvPDF"]),
        .library(name: "GirconvDOCX", targets: ["GirconvDOCX"]),
        // JSON, CSV and XML writers of the canonical record.
        .library(name: "GirconvExport", targets: ["GirconvExport"]),
        // The corpus database: records stored in SQLite tables (through GRDB); only this product links SQLite.
        .library(name: "GirconvSQLite", targets: ["GirconvSQLite"]),
        // Pages people look at: a report's proof sheet and year-over-year comparisons, as self-contained HTML
        // (built with Plot; no network, no external scripts or fonts).
        .library(name: "GirconvPages", targets: ["GirconvPages"]),
        .executable(name: "girconv", targets: ["girconv"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        // Documentation only: `swift package generate-documentation --target GirconvCore` (DocC catalogs in
        // Sources/<target>/<target>.docc); builds nothing into girconv.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: Text kernel (package-internal: byte-level scanning, folding tables derived from the scalar
        // rules, match keys, decimal spelling; domain code calls its named operations only)
        .target(name: "GirconvText"),

        // MARK: Core (no I/O beyond decoding bytes, no libxml2)
        .target(name: "GirconvCore", dependencies: ["GirconvText", .product(name: "Crypto", package: "swift-crypto")]),

        // MARK: libxml2 (one module for HTML pages and Word's XML parts)
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Initialisation, the HTML SAX parse into HTMLTree, the strict bounded XML-part parse and libxml2's own
        // tree (LibXML2Tree), all read through one node protocol (MarkupNode).
        .target(name: "GirconvXML", dependencies: ["GirconvCore", "GirconvText", "CLibXML2"]),

        // MARK: HTML (grids, chrome removal, the report body)
        .target(name: "GirconvHTML", dependencies: ["GirconvCore", "GirconvText", "GirconvXML"]),

        // MARK: PDF (poppler's pdftotext) and Word (.docx: ZIPFoundation + GirconvXML)
        // CGirconvSpawn: vfork, setrlimit(RLIMIT_AS) and execve in the child (pdftotext started within its
        // memory limit without a shell in between).
        .target(name: "CGirconvSpawn"),
        .target(name: "GirconvPDF", dependencies: ["GirconvCore", "GirconvXML", "CGirconvSpawn"]),
        .target(name: "GirconvDOCX", dependencies: ["GirconvCore", "GirconvText", "GirconvXML", "ZIPFoundation"]),

        // MARK: Layouts (layout files → adapters) and the built-in adapters
        // GirconvLayoutNodes: a layout file's YAML node tree in a compact form, written at build time by the
        // EmbedLayouts plugin's tool and decoded at start instead of parsing the built-in layouts' YAML.
        .target(name: "GirconvLayoutNodes", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "GirconvLayouts", dependencies: ["GirconvCore", "GirconvText", "GirconvLayoutNodes", .product(name: "Yams", package: "Yams")]),
        // The built-in layout files (Layouts/*.yaml) are compiled in by the EmbedLayouts plugin: one executable
        // file, no resource bundle.
        .target(name: "GirconvAdapters", dependencies: ["GirconvCore", "GirconvLayouts", "GirconvHTML", "GirconvPDF", "GirconvDOCX"],
                exclude: ["Layouts"], plugins: ["EmbedLayouts"]),
        .executableTarget(name: "girconv-embed-layouts", dependencies: ["GirconvLayoutNodes", .product(name: "Yams", package: "Yams")]),

        // MARK: Exporters
        .target(name: "GirconvExport", dependencies: [
            "GirconvCore", "GirconvText",
            .product(name: "CSV", package: "CSV.swift"),
        ]),

        // MARK: The corpus database (SQLite through GRDB, whose system-library target links libsqlite3)
        .target(name: "GirconvSQLite", dependencies: [
            "GirconvCore", "GirconvText", "GirconvExport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // MARK: Pages (proof sheets and comparisons: self-contained HTML built with Plot)
        .target(name: "GirconvPages", dependencies: [
            "GirconvCore", "GirconvText", "GirconvLayouts",
            .product(name: "Plot", package: "Plot"),
        ]),

        // MARK: Command-line tool
        .executableTarget(name: "girconv", dependencies: [
            "GirconvCore", "GirconvLayouts", "GirconvAdapters", "GirconvExport", "GirconvHTML", "GirconvSQLite", "GirconvPages", "GirconvText",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: Benchmark (swift run -c release girconv-bench)
        // Realistic report pages (the samples' reports in generated government-site chrome) for the
        // benchmark and the batch tests.
        .target(name: "GirconvCorpus", dependencies: ["GirconvCore", "GirconvAdapters"]),
        .executableTarget(name: "girconv-bench", dependencies: [
            "GirconvCore", "GirconvAdapters", "GirconvExport", "GirconvXML", "GirconvCorpus",
        ]),

        // MARK: Fuzzing (docs/robustness.md)
        .executableTarget(name: "girconv-fuzz", dependencies: [
            "GirconvCore", "GirconvLayouts", "GirconvAdapters", "GirconvExport", "GirconvPDF",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),

        // MARK: Plugins
        .plugin(name: "EmbedLayouts", capability: .buildTool(), dependencies: ["girconv-embed-layouts"]),
        .plugin(
            name: "RefreshGoldens",
            capability: .command(
                intent: .custom(verb: "refresh-goldens", description: "Rewrite Samples/expected from the current girconv"),
                permissions: [.writeToPackageDirectory(reason: "rewrites the golden files in Samples/expected")]),
            dependencies: ["girconv"]),
        .plugin(
            name: "NewLayout",
            capability: .command(
                intent: .custom(verb: "new-layout", description: "Scaffold a built-in layout file, a sample stub and a test"),
                permissions: [.writeToPackageDirectory(reason: "writes the new layout file, its sample stub and its test")])),

        // MARK: Tests
        .testTarget(name: "GirconvTextTests", dependencies: ["GirconvText", "GirconvCore"]),
        .testTarget(name: "GirconvCoreTests", dependencies: ["GirconvCore", "GirconvText"]),
        .testTarget(name: "GirconvXMLTests", dependencies: ["GirconvXML"]),
        .testTarget(name: "GirconvHTMLTests", dependencies: ["GirconvHTML", "GirconvXML", "GirconvCorpus"]),
        .testTarget(name: "GirconvLayoutsTests", dependencies: ["GirconvLayouts", "GirconvLayoutNodes", "GirconvText", "GirconvAdapters", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "GirconvAdaptersTests", dependencies: ["GirconvAdapters", "GirconvText", "GirconvLayouts", "GirconvLayoutNodes", .product(name: "Yams", package: "Yams"), "GirconvExport", "GirconvHTML", "GirconvCorpus"]),
        .testTarget(name: "GirconvExportTests", dependencies: ["GirconvExport", "GirconvText", "GirconvAdapters", "GirconvHTML"]),
        .testTarget(name: "GirconvSQLiteTests", dependencies: ["GirconvSQLite", "GirconvCore", "GirconvAdapters", "GirconvExport",
                                                               .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "GirconvPagesTests", dependencies: ["GirconvPages", "GirconvCore", "GirconvAdapters", "GirconvXML"]),
        .testTarget(name: "GirconvCLITests", dependencies: ["girconv", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
