// swift-tools-version:6.1
//
// bulletind: one bulletin's way through the code is
//   inbox (BulletinService/Inbox) → reader (BulletinReader) → splitter (BulletinSplitter)
//   → classifier (BulletinClassifier) → model (BulletinModel) → store (BulletinStore)
//   → summary (BulletinSummary).
// The modules named after a stage, BulletinModel and the two format modules (TOML, JSONText)
// are the pure core (strings in, values out) and never import the store; BulletinStore is
// the SQLite edge; BulletinService holds the other edges (inotify, the file system,
// systemd) and the pipeline that ties the stages together. docs/ARCHITECTURE.md walks
// through them.
import PackageDescription

// The release link of bulletind (docs/PERFORMANCE.md, "Idle memory"): lld, with the functions an
// idle daemon runs placed together, then those it runs to take bulletins and write a summary
// (startup.order, made by `make startup-order`), relative relocations packed (DT_RELR: glibc
// 2.36, Debian 12) and no symbol exported from the executable. The daemon then faults in a few
// dense megabytes of its text instead of pages scattered over all of it.
let startupLayout = [
    "-use-ld=lld",
    "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/Executables/bulletind/startup.order",
    "-Xlinker", "--no-warn-symbol-ordering",
    "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    "-Xlinker", "--no-export-dynamic",
]

let package = Package(
    name: "bulletind",
    products: [
        // The lean daemon and command line: the SQLite backend only. A `postgresql://` database
        // (or `migrate --to postgresql://…`) makes it exec bulletind-postgresql beside it.
        .executable(name: "bulletind", targets: ["bulletind"]),
        // The same command line with the PostgreSQL backend (postgres-nio, SwiftNIO, BoringSSL).
        .executable(name: "bulletind-postgresql", targets: ["bulletind-postgresql"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The metrics file (`metrics_file`): swift-metrics' counters, gauges and timers,
        // written in Prometheus' text format by swift-prometheus.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // A small TOML reader that keeps the line and column of every value,
        // so configuration and rule errors can point at `file:line:column`.
        .target(name: "TOML"),
        // JSON written by hand, byte for byte what JSONEncoder writes: string literals
        // (`JSONStringEscaper`) and pretty-printed values (`PrettyJSONWriter`).
        .target(name: "JSONText"),
        // Proleptic Gregorian days since 1970 and back (`CivilDays`): the one place of the calendar
        // arithmetic the reader's e-mail dates, the store's dates and the local calendar share.
        .target(name: "CivilTime"),
        // Plain pthreads without Foundation (Glibc only): `DetachedThread` (never reniced, unlike
        // libdispatch's workers), `Lock` (a mutex) and `ThreadCondition` (a mutex with a
        // condition variable and timed waits), for the SQLite layer, the store and the service.
        .target(name: "PosixThreads"),
        // Bytes + file name → normalised text (format, encoding, e-mail headers).
        .target(name: "BulletinReader", dependencies: ["CivilTime"]),
        // Normalised text → articles (title, body, why it matters, position).
        .target(
            name: "BulletinSplitter", dependencies: ["BulletinReader"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // Case and diacritic folding of letters without ICU (`é` → `e`, `ß` → `ss`): the
        // classifier's words and the story words fold alike.
        .target(name: "LetterFolding"),
        // Topic rules: parsing, one multi-pattern matcher, scores.
        .target(name: "BulletinClassifier", dependencies: ["BulletinSplitter", "TOML", "LetterFolding"]),
        // Story clusters: an article's story words, MinHash band keys and the same-story
        // decision (docs/STORIES.md).
        .target(
            name: "BulletinStories", dependencies: ["LetterFolding"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // What the stages hand to the store: the classified article, the bulletin ready to be
        // stored, and the content identity (content hash, article fingerprint; SHA-256 of its
        // own, FIPS 180-4). Pure values: any store (SQLite today) takes them as they are.
        .target(
            name: "BulletinModel", dependencies: ["BulletinReader", "BulletinSplitter", "BulletinClassifier", "BulletinStories", "CSHA256"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // SHA-256's compression function on the x86 SHA extensions, for BulletinModel's SHA256 when
        // the CPU has them (checked at run time; the portable Swift otherwise).
        .target(name: "CSHA256"),
        // The system's libsqlite3 (Debian 12: 3.40, with FTS5), for the SQLite module.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // A thin layer over the SQLite C API: connections, prepared statements, typed errors,
        // transactions, one writer and snapshot readers over a WAL file, schema migrations.
        .target(
            name: "SQLite",
            dependencies: ["CSQLite", "CivilTime", "PosixThreads"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The SQLite file: schema, idempotent ingest, full-text search, statistics.
        .target(
            name: "BulletinStore",
            dependencies: [
                "BulletinSplitter", "BulletinClassifier", "BulletinModel", "BulletinStories", "JSONText", "SQLite",
                "PosixThreads",
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The shared PostgreSQL archive (postgres-nio): the same store interface as
        // BulletinStore's SQLite file, for several daemons writing into one database.
        .target(
            name: "BulletinPostgres",
            dependencies: [
                "BulletinStore", "BulletinModel", "BulletinClassifier", "BulletinSplitter",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The daily summary as Markdown, JSON and HTML (templates in a subset of Mustache, rendered
        // by its own `PageTemplate`), from plain values.
        .target(
            name: "BulletinSummary", dependencies: ["JSONText"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // glibc's <malloc.h>: malloc_trim hands the heap freed after a summary back to the system.
        .systemLibrary(name: "CMalloc"),
        // The edges: configuration, the pipeline, the inbox watcher, file lifecycle, systemd.
        // Database servers are a seam (Archive/ArchiveBackends): their backends are registered by
        // the executable that links them.
        .target(
            name: "BulletinService",
            dependencies: [
                "TOML", "BulletinReader", "BulletinSplitter", "BulletinClassifier", "BulletinModel",
                "BulletinStories", "BulletinStore", "BulletinSummary", "CMalloc", "CivilTime", "JSONText",
                "PosixThreads",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The commit `bulletind --version` names (written by `make build-info`; see build_info.c).
        .target(name: "CBuildInfo"),
        // BulletinPostgres as BulletinService's archive backend (`PostgresBackend.register()`).
        .target(name: "BulletinPostgresBackend", dependencies: ["BulletinService", "BulletinStore", "BulletinPostgres"]),
        // The command line both executables run (Sources/bulletind): every subcommand, the
        // hand-off to the executable that holds a missing backend (SiblingExecutable).
        .target(
            name: "BulletindCommands",
            dependencies: [
                "BulletinService", "BulletinStore", "BulletinModel", "BulletinReader", "BulletinSplitter", "BulletinClassifier", "BulletinSummary",
                "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/bulletind",
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The two binaries: their main.swift registers the backends the binary holds.
        .executableTarget(
            name: "bulletind",
            dependencies: ["BulletindCommands"],
            path: "Sources/Executables/bulletind",
            exclude: ["startup.order"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")],
            linkerSettings: [.unsafeFlags(startupLayout, .when(configuration: .release))]
        ),
        .executableTarget(
            name: "bulletind-postgresql",
            dependencies: ["BulletindCommands", "BulletinPostgresBackend"],
            path: "Sources/Executables/bulletind-postgresql",
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The reliability suite's fuzz driver: a seeded mutation loop over reader → splitter →
        // classifier → summary (`make stress`; see docs/RELIABILITY.md).
        .executableTarget(
            name: "BulletinFuzz",
            dependencies: ["BulletinReader", "BulletinSplitter", "BulletinClassifier", "BulletinSummary"],
            path: "Tests/fuzz",
            exclude: ["Corpus"]
        ),
        // `make bench`: synthetic corpus, the real binary end to end, one table (docs/PERFORMANCE.md).
        // Outside Sources/: it is a tool for measuring the product, not part of it.
        .executableTarget(
            name: "bulletind-bench",
            dependencies: [
                "BulletinService", "BulletinModel", "BulletinStore", "BulletinPostgres", "BulletinClassifier",
                "BulletinSplitter", "SQLite",
            ],
            path: "Benchmarks/BulletinBench"
        ),
        .testTarget(name: "TOMLTests", dependencies: ["TOML"]),
        .testTarget(name: "JSONTextTests", dependencies: ["JSONText"]),
        .testTarget(name: "CivilTimeTests", dependencies: ["CivilTime"]),
        .testTarget(name: "PosixThreadsTests", dependencies: ["PosixThreads"]),
        .testTarget(name: "BulletinReaderTests", dependencies: ["BulletinReader"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BulletinSplitterTests", dependencies: ["BulletinSplitter"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BulletinClassifierTests", dependencies: ["BulletinClassifier"]),
        .testTarget(name: "BulletinStoriesTests", dependencies: ["BulletinStories"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BulletinModelTests", dependencies: ["BulletinModel", "BulletinSplitter"]),
        .testTarget(
            name: "BulletinStoreTests",
            dependencies: ["BulletinStore", "BulletinModel", "SQLite"],
            resources: [.copy("Fixtures")]
        ),
        // The store conformance suite: every test against SQLite and a real PostgreSQL 15 cluster
        // (Tests/postgres/cluster.sh), and what only the shared PostgreSQL archive must keep.
        .testTarget(
            name: "BulletinArchiveTests",
            dependencies: [
                "BulletinStore", "BulletinPostgres", "BulletinModel", "BulletinSplitter", "BulletinClassifier",
                "BulletinService", "BulletinPostgresBackend",
            ]
        ),
        .testTarget(name: "BulletinSummaryTests", dependencies: ["BulletinSummary"]),
        .testTarget(
            name: "BulletinServiceTests", dependencies: ["BulletinService", "BulletinModel", "BulletinStore", "CivilTime"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Release builds of our own Swift modules put each function in a section of its own, so that
// the linker can place the ones start-up runs together (`startupLayout`) and drop unused ones.
for target in package.targets where [.regular, .executable].contains(target.type) {
    target.swiftSettings = (target.swiftSettings ?? [])
        + [.unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release))]
}
