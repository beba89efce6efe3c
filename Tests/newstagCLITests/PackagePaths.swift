import Foundation
import Testing

/// Where the package and the data the tests read lie, found from this file's path.
enum PackagePaths {
  /// The package root (the folder holding `Package.swift`).
  static let root: String = {
    var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)  // Tests/newstagCLITests/PackagePaths.swift
    return components.joined(separator: "/")
  }()

  /// The example article, relative to the package root.
  static let exampleRelativePath = "examples/seed-bg-news.txt"

  static var example: String { root + "/" + exampleRelativePath }

  /// The evaluation data shared beside the repository (absent on a user's machine).
  static let sharedData = root + "/../shared/data"

  /// A file of the shared evaluation data.
  static func sharedDataFile(_ name: String) -> String { sharedData + "/" + name }

  /// True when the shared evaluation corpus is there.
  static var hasEvaluationData: Bool {
    ["bg-dev.jsonl", "bg-dev-gold.jsonl", "bg-dev-oracle-gazetteer.tsv"].allSatisfy {
      FileManager.default.fileExists(atPath: sharedDataFile($0))
    }
  }

  static let missingDataComment: Comment =
    "needs the evaluation data in ../shared/data/ (see its README.md)"
}
