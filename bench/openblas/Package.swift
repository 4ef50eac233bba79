// swift-tools-version:6.1
import PackageDescription

// A separate package on purpose: RareSynth itself must never need OpenBLAS (or any system library).
// This one links OpenBLAS through a system-library target and times it against RareSynthNeural's GEMM.
let package = Package(
    name: "OpenBLASBench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "RareSynth", path: "../.."),
    ],
    targets: [
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .executableTarget(
            name: "gemm-compare",
            dependencies: ["COpenBLAS", .product(name: "RareSynthNeural", package: "RareSynth")]
        ),
    ]
)
