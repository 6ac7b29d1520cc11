// swift-tools-version: 6.1
import PackageDescription

/// The property-based testing library of the fuzz harness (`PTCE_FUZZ_SECONDS`, README).
let propertyBased = Target.Dependency.product(name: "PropertyBased", package: "swift-property-based")

let package = Package(
    name: "ptce-impact",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PTCEModel", targets: ["PTCEModel"]),
        .library(name: "PTCEImport", targets: ["PTCEImport"]),
        .library(name: "PTCEIndicators", targets: ["PTCEIndicators"]),
        .library(name: "PTCEReportJSON", targets: ["PTCEReportJSON"]),
        .library(name: "PTCEWorkbook", targets: ["PTCEWorkbook"]),
        .library(name: "PTCEDashboard", targets: ["PTCEDashboard"]),
        .executable(name: "ptce", targets: ["ptce"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // Tests only: property-based checks (the fuzz harness) and reading workbooks' XML parts.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // The data a pole reports, as typed values, and the findings made while reading it.
        .target(name: "PTCEModel"),
        // Work started on another thread and awaited: what overlaps reading, computing and writing.
        .target(name: "PTCEConcurrency"),
        // SHA-256's compression through the processor's SHA extensions, for the files' digests.
        .target(name: "CSHA256"),
        // CSV, workbook (.xlsx) and TOML reading: dialects, encodings, French number forms, validation rules.
        .target(
            name: "PTCEImport",
            dependencies: [
                "PTCEModel", "PTCEConcurrency", "CSHA256", .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The standard indicator library (`Indicators/`), built into the binary at build time.
        // `Indicators` in its folder is a link to the top-level `Indicators/`: a file added or
        // removed there changes the target's folder, so the build is planned again.
        .target(name: "PTCEStandardLibrary", exclude: ["Indicators"], plugins: ["EmbedFiles"]),
        // The names of France's communes by INSEE code (Insee's COG), built into the binary.
        .target(name: "PTCEGeography", dependencies: ["PTCEModel"], exclude: ["Data"], plugins: ["EmbedFiles"]),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["ptce-embed-files"]),
        .executableTarget(name: "ptce-embed-files"),
        // The indicator language and library, and the computation of a pole's report.
        .target(name: "PTCEIndicators", dependencies: ["PTCEModel", "PTCEImport", "PTCEStandardLibrary", "PTCEGeography"]),
        // Writers: one module per output format.
        .target(name: "PTCEReportJSON", dependencies: ["PTCEModel", "PTCEIndicators"]),
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        .target(name: "PTCEWorkbook", dependencies: ["PTCEModel", "PTCEConcurrency", "PTCEImport", "PTCEIndicators", "CXlsxWriter"]),
        .target(name: "PTCEDashboard", dependencies: ["PTCEModel", "PTCEIndicators", "PTCEGeography"]),
        // Large generated datasets for benchmarks and scale tests.
        .target(name: "PTCESampleData", dependencies: ["PTCEModel"]),
        // A timing harness (not a test): `swift run -c release ptce-benchmark`.
        .executableTarget(
            name: "ptce-benchmark",
            dependencies: ["PTCEModel", "PTCEImport", "PTCEIndicators", "PTCEReportJSON", "PTCEWorkbook", "PTCEDashboard",
                           "CXlsxWriter"],
            path: "Benchmarks/PTCEBenchmark"
        ),
        // The thin `ptce` command.
        .executableTarget(
            name: "ptce",
            dependencies: [
                "PTCEModel", "PTCEConcurrency", "PTCEImport", "PTCEIndicators", "PTCEReportJSON", "PTCEWorkbook", "PTCEDashboard",
                "PTCESampleData", "PTCEStandardLibrary", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the fuzz harness's tests share: budget and seeds, hostile text, damage to files.
        .target(name: "PTCEFuzzSupport", path: "Tests/PTCEFuzzSupport"),
        .testTarget(name: "PTCEModelTests", dependencies: ["PTCEModel"]),
        .testTarget(name: "PTCEConcurrencyTests", dependencies: ["PTCEConcurrency"]),
        .testTarget(
            name: "PTCEImportTests",
            dependencies: ["PTCEImport", "PTCEModel", "PTCEFuzzSupport", propertyBased,
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "PTCEIndicatorsTests",
            dependencies: ["PTCEIndicators", "PTCEImport", "PTCEModel", "PTCESampleData", "PTCEStandardLibrary", "PTCEFuzzSupport", propertyBased]
        ),
        .testTarget(
            name: "PTCEReportJSONTests", dependencies: ["PTCEReportJSON", "PTCEIndicators", "PTCEImport", "PTCEModel"],
            exclude: ["Support", "Golden"]
        ),
        .testTarget(
            name: "PTCEWorkbookTests",
            dependencies: ["PTCEWorkbook", "PTCEIndicators", "PTCEImport", "PTCEModel", "PTCESampleData", "PTCEFuzzSupport", propertyBased,
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Support", "Golden"]
        ),
        .testTarget(
            name: "PTCEDashboardTests",
            dependencies: ["PTCEDashboard", "PTCEIndicators", "PTCEImport", "PTCEModel", "PTCESampleData", "PTCEFuzzSupport", propertyBased],
            exclude: ["Support", "Golden"]
        ),
        .testTarget(name: "ptceTests", dependencies: ["ptce", "PTCEFuzzSupport"], exclude: ["Support"]),
    ]
)
