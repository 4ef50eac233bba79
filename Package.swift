// swift-tools-version:6.1
import PackageDescription

// The SIMD kernels need AVX2+FMA; without `-target-cpu haswell`, `addingProduct` lowers to a libm call
// per lane (see ../shared/NUMERICS.md). The same flags everywhere keep results bit-identical.
#if arch(x86_64)
let simdFlags: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"]), .define("USE_FMA")]
#else
let simdFlags: [SwiftSetting] = [.define("USE_FMA")]
#endif

let package = Package(
    name: "RareSynth",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RareSynth", targets: ["RareSynth"]),
        // The engine on its own, for tools that need no tables (and bench/openblas, which measures its GEMM).
        .library(name: "RareSynthNeural", targets: ["RareSynthNeural"]),
        .executable(name: "raresynth", targets: ["raresynth"]),
        .executable(name: "raresynth-bench", targets: ["raresynth-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // read/write: tables of raw cells, CSV and JSON Lines, atomic output files
        .target(name: "RareSynthTable", exclude: ["README.md"], swiftSettings: simdFlags),
        // schema: type inference, the editable JSON schema, PII/identifier detection, constraints
        .target(name: "RareSynthSchema", dependencies: ["RareSynthTable"], exclude: ["README.md"], swiftSettings: simdFlags),
        // numbers: special functions, distributions, linear algebra, seeded random numbers
        .target(name: "RareSynthNumerics", exclude: ["README.md"], swiftSettings: simdFlags),
        // transform: reversible per-column encodings shared by every model
        .target(name: "RareSynthTransform",
                dependencies: ["RareSynthTable", "RareSynthSchema", "RareSynthNumerics"],
                exclude: ["README.md"], swiftSettings: simdFlags),
        // neural: tensors, kernels, a tape-based autodiff, layers and optimisers (knows nothing of tables)
        .target(name: "RareSynthNeural", dependencies: ["RareSynthNumerics"], exclude: ["README.md"], swiftSettings: simdFlags),
        // privacy: differential-privacy accounting (Rényi DP of the subsampled Gaussian, (ε, δ) conversion, noise calibration)
        .target(name: "RareSynthPrivacy", dependencies: ["RareSynthNumerics"], exclude: ["README.md"], swiftSettings: simdFlags),
        // model: synthesizers that turn encoded columns into parameters and parameters into rows
        .target(name: "RareSynthModels",
                dependencies: ["RareSynthTransform", "RareSynthNumerics", "RareSynthNeural", "RareSynthPrivacy"], exclude: ["README.md"], swiftSettings: simdFlags),
        // sample: conditions, constraints, re-balancing, identifier/PII regeneration
        .target(name: "RareSynthSample",
                dependencies: ["RareSynthModels", "RareSynthTransform", "RareSynthSchema", "RareSynthTable",
                               "RareSynthNumerics", "RareSynthProvenance", "RareSynthPrivacy"],
                exclude: ["README.md"], swiftSettings: simdFlags),
        // learn: small deterministic learners (logistic/linear regression, random forests) and their scores
        .target(name: "RareSynthLearn", dependencies: ["RareSynthNumerics"], exclude: ["README.md"], swiftSettings: simdFlags),
        // evaluate: fidelity, diagnostic, privacy and survival metrics, each checked against its reference tool
        .target(name: "RareSynthEvaluate",
                dependencies: ["RareSynthTable", "RareSynthSchema", "RareSynthNumerics", "RareSynthLearn"],
                exclude: ["README.md", "Quality/README.md", "Fidelity/README.md", "Privacy/README.md", "Survival/README.md"],
                swiftSettings: simdFlags),
        // provenance: what a synthetic table or report was made from and how (hashes, parameters, versions)
        .target(name: "RareSynthProvenance",
                dependencies: ["RareSynthSchema", .product(name: "Crypto", package: "swift-crypto")],
                exclude: ["README.md"], swiftSettings: simdFlags),
        // report: one evaluation as ordered JSON and as a self-contained HTML page with inline SVG charts
        .target(name: "RareSynthReport",
                dependencies: ["RareSynthEvaluate", "RareSynthProvenance", "RareSynthLearn", "RareSynthSchema", "RareSynthNumerics"],
                exclude: ["README.md", "Charts/README.md"], swiftSettings: simdFlags),
        // simulate: the data-free path, patients drawn from a declarative spec of published statistics
        .target(name: "RareSynthSimulate",
                dependencies: ["RareSynthNumerics", "RareSynthTable", .product(name: "Yams", package: "Yams")],
                exclude: ["README.md"], swiftSettings: simdFlags),
        // export: SQLite hand-over (later OMOP, FHIR, PostgreSQL)
        .target(name: "RareSynthExport",
                dependencies: ["RareSynthTable", .product(name: "GRDB", package: "GRDB.swift")],
                exclude: ["README.md"], swiftSettings: simdFlags),
        // export to PostgreSQL: OMOP CDM v5.4 by COPY in one transaction (kept apart for the SwiftNIO stack it needs)
        .target(name: "RareSynthPostgres",
                dependencies: ["RareSynthExport", "RareSynthTable", .product(name: "PostgresNIO", package: "postgres-nio"),
                               .product(name: "Logging", package: "swift-log")],
                exclude: ["README.md"], swiftSettings: simdFlags),
        // the library facade: the end-to-end jobs the CLI and benchmarks call
        .target(name: "RareSynth",
                dependencies: ["RareSynthTable", "RareSynthSchema", "RareSynthTransform", "RareSynthModels",
                               "RareSynthSample", "RareSynthEvaluate", "RareSynthReport", "RareSynthProvenance",
                               "RareSynthExport", "RareSynthNumerics", "RareSynthPrivacy", "RareSynthSimulate", "RareSynthPostgres"],
                exclude: ["README.md"], swiftSettings: simdFlags),
        .executableTarget(name: "raresynth",
                          dependencies: ["RareSynth", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: simdFlags),
        .executableTarget(name: "raresynth-bench",
                          dependencies: ["RareSynth", "RareSynthNeural", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: simdFlags),

        .testTarget(name: "RareSynthTableTests", dependencies: ["RareSynthTable"], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthSchemaTests", dependencies: ["RareSynthSchema"], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthNumericsTests", dependencies: ["RareSynthNumerics"],
                    resources: [.copy("Fixtures")], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthTransformTests", dependencies: ["RareSynthTransform"], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthNeuralTests", dependencies: ["RareSynthNeural", "RareSynthNumerics"],
                    resources: [.copy("Fixtures")], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthModelsTests", dependencies: ["RareSynthModels", "RareSynthNeural", "RareSynthNumerics", "RareSynthTransform"], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthPrivacyTests", dependencies: ["RareSynthPrivacy"],
                    resources: [.copy("Fixtures")], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthSampleTests", dependencies: ["RareSynthSample"], swiftSettings: simdFlags),
        // test-only: a CSV reader for reference fixtures, independent of the library's reader
        .target(name: "FixtureSupport", path: "Tests/FixtureSupport", swiftSettings: simdFlags),
        .testTarget(name: "RareSynthLearnTests", dependencies: ["RareSynthLearn", "RareSynthNumerics", "FixtureSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthEvaluateTests", dependencies: ["RareSynthEvaluate", "RareSynthNumerics", "FixtureSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthReportTests", dependencies: ["RareSynthReport", "RareSynthNumerics", "RareSynthTable",
                                                                 "RareSynthSchema", "RareSynthEvaluate", "RareSynthProvenance"],
                    resources: [.copy("Fixtures")], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthProvenanceTests", dependencies: ["RareSynthProvenance"], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthExportTests", dependencies: ["RareSynthExport", "RareSynthTable", "FixtureSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: simdFlags),
        .testTarget(name: "RareSynthSimulateTests", dependencies: ["RareSynthSimulate", "RareSynthNumerics", "RareSynthTable"],
                    swiftSettings: simdFlags),
        .testTarget(name: "RareSynthTests", dependencies: ["RareSynth", "raresynth", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"], swiftSettings: simdFlags),
    ]
)
