// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "newstag",
  products: [
    .library(name: "NewsTag", targets: ["NewsTag"]),
    .executable(name: "newstag", targets: ["newstag"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // System ICU: compiler and linker flags only. No Swift module imports it.
    .systemLibrary(
      name: "CICU",
      pkgConfig: "icu-uc icu-i18n",
      providers: [.apt(["libicu-dev"])]
    ),
    // Plain-C facade over ICU: its public header uses C types only.
    .target(name: "CICUShim", dependencies: ["CICU"]),
    .target(
      name: "NewsTag",
      dependencies: ["CICUShim"],
      plugins: ["EmbedGazetteers"]
    ),
    .executableTarget(
      name: "newstag",
      dependencies: [
        "NewsTag",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Build-time tool: turns Gazetteers/**/*.tsv into a Swift source so that
    // the default data travels inside the binary, wherever it is copied.
    .executableTarget(name: "GazetteerEmbedder"),
    .plugin(
      name: "EmbedGazetteers",
      capability: .buildTool(),
      dependencies: ["GazetteerEmbedder"]
    ),
    .testTarget(
      name: "NewsTagTests",
      dependencies: ["NewsTag"]
    ),
    .testTarget(
      name: "newstagCLITests",
      dependencies: ["NewsTag"]
    ),
  ]
)
