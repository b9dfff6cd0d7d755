// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "lunacm-sim",
    products: [
        .executable(name: "lunacm", targets: ["lunacm"]),
        .executable(name: "configurator", targets: ["configurator"]),
        .executable(name: "vtl", targets: ["vtl"]),
        .library(name: "ChrystokiConf", targets: ["ChrystokiConf"]),
        .library(name: "LunaShell", targets: ["LunaShell"]),
        .library(name: "LunaTranscripts", targets: ["LunaTranscripts"]),
        // The PKCS#11 module applications load (issue 15). The Swift runtime is linked into it
        // statically, so a plain C host needs nothing beside it; `-z nodelete` keeps that runtime
        // mapped when a host calls dlclose (it cannot be unloaded safely); `-Bsymbolic` binds the
        // function table to this module's own C_* entry points even when a host has loaded
        // another PKCS#11 module globally.
        .library(name: "lunasim-pkcs11", type: .dynamic, targets: ["LunaPKCS11"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "ChrystokiConf"),
        .target(name: "CSQLiteShim", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "LunaSim",
            dependencies: [
                "ChrystokiConf", "CSQLiteShim",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(name: "LunaShell", dependencies: ["LunaSim", "ChrystokiConf"]),
        // The PKCS#11 function table; the header is the system's (p11-kit's pkcs11.h).
        .target(name: "CPKCS11", cSettings: [.unsafeFlags(["-I/usr/include/p11-kit-1"])]),
        .target(
            name: "LunaPKCS11",
            dependencies: [
                "CPKCS11", "LunaSim", "ChrystokiConf",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I/usr/include/p11-kit-1"]), .swiftLanguageMode(.v5)],
            // -static-stdlib links Foundation's archives but not the C libraries under them
            // (CoreFoundation, ICU, shims, collections), which a shared library must name.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-Xlinker", "-z", "-Xlinker", "nodelete", "-Xlinker", "-Bsymbolic"])]
        ),
        .target(name: "LunaTranscripts", dependencies: ["LunaShell", "LunaSim"]),
        // Consoles and helpers only tests use; no product links it.
        .target(name: "LunaShellTestSupport", dependencies: ["LunaShell"]),
        .executableTarget(
            name: "lunacm",
            dependencies: [
                "LunaShell", "LunaTranscripts", "LunaSim", "ChrystokiConf", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "configurator",
            dependencies: [
                "ChrystokiConf",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // vtl's parsing, running and rendering, testable without the process around it.
        .target(name: "VTLKit", dependencies: ["LunaSim", "ChrystokiConf"]),
        .executableTarget(name: "vtl", dependencies: ["VTLKit", "LunaSim", "ChrystokiConf"]),
        .testTarget(name: "ChrystokiConfTests", dependencies: ["ChrystokiConf"]),
        .testTarget(name: "LunaSimTests", dependencies: ["LunaSim"]),
        .testTarget(name: "LunaShellTests", dependencies: ["LunaShell", "LunaTranscripts", "LunaShellTestSupport", "LunaSim"]),
        .testTarget(name: "LunacmTests", dependencies: ["lunacm"]),
        // The client tools (vtl, configurator) in process and as built binaries beside lunacm.
        .testTarget(name: "ClientToolsTests", dependencies: ["VTLKit", "LunaSim", "ChrystokiConf", "vtl", "configurator", "lunacm"]),
    ]
)
