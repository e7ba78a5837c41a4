// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "jpen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jpen", targets: ["JPENTool"]),
        .library(name: "JPEN", targets: ["JPEN"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The only target that includes ICU headers; see the header for why.
        .target(
            name: "CJPENICU",
            linkerSettings: [
                // Foundation's private ICU first, so its own calls never bind to the system ICU.
                .linkedLibrary("_FoundationICU"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icui18n"),
            ]
        ),
        .target(name: "JPENICU", dependencies: ["CJPENICU"]),
        .target(name: "JPENText"),
        .target(name: "JPENLearning", dependencies: ["JPENText"]),
        .target(name: "JPENNormalize", dependencies: ["JPENText", "JPENICU"]),
        .target(
            name: "JPENSegment",
            dependencies: ["JPENText", "JPENNormalize", "JPENICU", "JPENLearning"],
            resources: [.copy("Resources/en-sentence-boundaries.bin"), .copy("Resources/ja-words.bin")]
        ),
        .target(name: "JPENDates", dependencies: ["JPENText", "JPENNormalize"]),
        .target(name: "JPENQuotes", dependencies: ["JPENText", "JPENNormalize", "JPENSegment"]),
        .target(
            name: "JPENLexicon",
            dependencies: ["JPENText", "JPENICU", "JPENNormalize"],
            // person-titles.txt feeds the entity trainer only.
            exclude: ["Dictionaries/person-titles.txt"],
            resources: [.copy("Dictionaries/entities.tsv")]
        ),
        .target(
            name: "JPENEntities",
            dependencies: ["JPENText", "JPENNormalize", "JPENLearning", "JPENSegment", "JPENLexicon"],
            resources: [.copy("Resources/ner-ja.bin"), .copy("Resources/ner-en.bin"), .copy("Resources/names.bin")]
        ),
        .target(name: "JPENTraining", dependencies: ["JPENText", "JPENNormalize", "JPENICU", "JPENLearning", "JPENSegment", "JPENLexicon"]),
        .target(
            name: "JPEN",
            dependencies: ["JPENText", "JPENNormalize", "JPENSegment", "JPENDates", "JPENLexicon", "JPENQuotes", "JPENEntities", "JPENIndex", "JPENAlign"],
            // The JSON writer's state is one object per thread; runtime exclusivity checks on
            // every byte appended cost more than the writing.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .target(name: "JPENAlign", dependencies: ["JPENText", "JPENICU", "JPENQuotes", "JPENLexicon"]),
        .target(name: "JPENIndex", dependencies: ["JPENText", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "JPENTool",
            dependencies: ["JPEN", "JPENICU", "JPENTraining", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "jpen-fuzz", dependencies: ["JPEN"], path: "Fuzz/JPENFuzz"),
        .executableTarget(name: "NormalizeBenchmark", dependencies: ["JPENNormalize"], path: "Benchmarks/NormalizeBenchmark"),
        .testTarget(name: "JPENICUTests", dependencies: ["JPENICU"]),
        .testTarget(name: "JPENTextTests", dependencies: ["JPENText"]),
        .testTarget(name: "JPENNormalizeTests", dependencies: ["JPENNormalize"]),
        .testTarget(name: "JPENSegmentTests", dependencies: ["JPENSegment", "JPENLearning"]),
        .testTarget(name: "JPENTests", dependencies: ["JPEN"]),
        .testTarget(name: "JPENDatesTests", dependencies: ["JPENDates"]),
        .testTarget(name: "JPENQuotesTests", dependencies: ["JPENQuotes"]),
        .testTarget(name: "JPENEntitiesTests", dependencies: ["JPENEntities"]),
        .testTarget(name: "JPENIndexTests", dependencies: ["JPENIndex"]),
        .testTarget(name: "EndToEndTests", dependencies: ["JPENTool"]),
        .testTarget(name: "JPENLexiconTests", dependencies: ["JPENLexicon", "JPENICU"]),
        .testTarget(name: "JPENLearningTests", dependencies: ["JPENLearning"]),
        .testTarget(name: "JPENTrainingTests", dependencies: ["JPENTraining"]),
        .testTarget(name: "JPENAlignTests", dependencies: ["JPENAlign", "JPEN"]),
    ]
)
