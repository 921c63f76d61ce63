// swift-tools-version:6.0
import PackageDescription

/// Settings shared by every target: Swift 6 language mode plus the upcoming features the
/// house style asks for.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Triangulate",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "TriangulateModel", targets: ["TriangulateModel"]),
        .library(name: "TriangulateSync", targets: ["TriangulateSync"]),
        .library(name: "TriangulateNode", targets: ["TriangulateNode"]),
        .executable(name: "triangulate", targets: ["triangulate"]),
        .executable(name: "triangulate-hub", targets: ["triangulate-hub"]),
        .executable(name: "triangulate-bench", targets: ["triangulate-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // CSV read and written by one RFC 4180 library: CQC's care directory, seed 002's spreadsheet.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // XLSX read and written (a ZIP of XML parts): CQC's monthly directory, seed 002's spreadsheet.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Domain values and rules. Pure: no I/O, no frameworks.
        .target(
            name: "TriangulateModel",
            swiftSettings: strictSettings
        ),
        // The CRDT core: hybrid logical clock, changes, field CRDTs, merge. Pure and deterministic.
        .target(
            name: "TriangulateSync",
            dependencies: ["TriangulateModel"],
            swiftSettings: strictSettings
        ),
        // The wire protocol: request and change signing, the JSON the hub and nodes exchange.
        .target(
            name: "TriangulateProtocol",
            dependencies: [
                "TriangulateModel",
                "TriangulateSync",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The hub: tenants, enrolment, need-to-know routing, revocation; its SQLite store and HTTP API.
        .target(
            name: "TriangulateHub",
            dependencies: [
                "TriangulateModel",
                "TriangulateProtocol",
                "TriangulateSync",
                "TriangulateWeb",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The hub store on PostgreSQL, for several hub processes sharing one database.
        .target(
            name: "TriangulateHubPostgres",
            dependencies: [
                "TriangulateModel",
                "TriangulateHub",
                "TriangulateProtocol",
                "TriangulateSync",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The hub's server and operator command line: wiring only.
        .executableTarget(
            name: "triangulate-hub",
            dependencies: [
                "TriangulateHub",
                "TriangulateWeb",
                "TriangulateHubPostgres",
                "TriangulateProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings
        ),
        // The node: its SQLite store (GRDB), services and reports.
        .target(
            name: "TriangulateNode",
            dependencies: [
                "TriangulateModel",
                "TriangulateSync",
                "TriangulateProtocol",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        // What every web page of Triangulate shares, on the node and on the hub: the layout and
        // its templates, the stylesheet, security headers, forms, sessions' cookies and CSRF.
        .target(
            name: "TriangulateWeb",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The node's web application for the organisation's staff, over the node's services.
        .target(
            name: "TriangulateNodeWeb",
            dependencies: [
                "TriangulateModel",
                "TriangulateNode",
                "TriangulateProtocol",
                "TriangulateSync",
                "TriangulateWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The node's command-line interface: wiring only.
        .executableTarget(
            name: "triangulate",
            dependencies: [
                "TriangulateModel",
                "TriangulateSync",
                "TriangulateProtocol",
                "TriangulateNode",
                "TriangulateNodeWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The parsers that take outside bytes, as fuzz targets with their properties.
        .target(
            name: "TriangulateFuzzing",
            dependencies: ["TriangulateProtocol", "TriangulateSync"],
            swiftSettings: strictSettings
        ),
        // libFuzzer's driver for them (built by .ci/fuzz with --sanitize=fuzzer -DFUZZING).
        .executableTarget(
            name: "triangulate-fuzz",
            dependencies: ["TriangulateFuzzing"],
            swiftSettings: strictSettings
        ),
        // The benchmarks: run in a release build, print one JSON object. Never part of the tests.
        .executableTarget(
            name: "triangulate-bench",
            dependencies: [
                "TriangulateModel",
                "TriangulateSync",
                "TriangulateNode",
                "TriangulateHub",
                "TriangulateHubPostgres",
                "TriangulateProtocol",
                "TriangulateNodeWeb",
                "TriangulateWeb",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriangulateModelTests",
            dependencies: ["TriangulateModel", "TriangulateSync"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriangulateSyncTests",
            dependencies: ["TriangulateModel", "TriangulateSync"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriangulateProtocolTests",
            dependencies: ["TriangulateModel", "TriangulateProtocol", "TriangulateFuzzing"],
            resources: [.copy("Resources/rfc6962-vectors.json")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriangulateHubTests",
            dependencies: [
                "TriangulateModel", "TriangulateHub", "TriangulateHubPostgres", "TriangulateProtocol", "TriangulateSync",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        // What the node's tests and the simulator share: a node's requests through the hub's
        // routes in this process.
        .target(
            name: "TriangulateTestSupport",
            dependencies: [
                "TriangulateNode",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/TriangulateTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriangulateNodeTests",
            dependencies: [
                "TriangulateModel",
                "TriangulateSync",
                "TriangulateProtocol",
                "TriangulateNode",
                "TriangulateHub",
                "TriangulateTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriangulateWebTests",
            dependencies: [
                "TriangulateModel",
                "TriangulateNode",
                "TriangulateProtocol",
                "TriangulateNodeWeb",
                "TriangulateWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        // The whole system — a hub and several nodes — in one process under a seeded simulator.
        .testTarget(
            name: "TriangulateSimulationTests",
            dependencies: [
                "TriangulateModel",
                "TriangulateSync",
                "TriangulateProtocol",
                "TriangulateNode",
                "TriangulateHub",
                "TriangulateTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriangulateCLITests",
            dependencies: [
                "TriangulateModel",
                "TriangulateSync",
                "TriangulateProtocol",
                "TriangulateHubPostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
