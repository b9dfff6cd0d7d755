// swift-tools-version:6.1
// libFuzzer harnesses for lunacm-sim (issue #7). Built apart from the main package so that its
// flags (-sanitize=fuzzer instruments every Swift module for coverage, -parse-as-library lets
// libFuzzer provide main) never reach the product. Build and run with `make fuzz` from the
// repository root, or:
//   swift build -c debug -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
//   .build/debug/FuzzConf corpus/FuzzConf -max_total_time=60
import PackageDescription

let package = Package(
    name: "lunacm-sim-fuzz",
    dependencies: [
        .package(name: "lunacm-sim", path: ".."),
    ],
    targets: [
        // Tokenizer, command parser and the redactor that every echoed or remembered line goes through.
        .executableTarget(name: "FuzzCommandLine", dependencies: [
            .product(name: "LunaShell", package: "lunacm-sim"),
        ]),
        // Chrystoki.conf / crystoki.ini parser and printer; oracle: lossless round trip.
        .executableTarget(name: "FuzzConf", dependencies: [
            .product(name: "ChrystokiConf", package: "lunacm-sim"),
        ]),
        // Edits that put user text into the conf (group labels, values): refused, or re-parsed to
        // exactly what was asked and nothing more.
        .executableTarget(name: "FuzzConfEdit", dependencies: [
            .product(name: "ChrystokiConf", package: "lunacm-sim"),
        ]),
    ]
)
