import Foundation
import Testing

/// The matcher's quality with a gazetteer that knows every entity of the evaluation corpus:
/// what is left to miss is inflection, boundaries and case.
@Suite("Oracle gazetteer quality")
struct OracleQualityTests {
  /// The strict micro F1 (percent) the matcher must reach on `bg-dev` with the oracle gazetteer.
  static let minimumStrictF1 = 97.0

  @Test(.enabled(if: PackagePaths.hasEvaluationData, PackagePaths.missingDataComment))
  func strictMicroF1OnBulgarianDevelopmentData() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let gazetteer = try folder.makeFolder("oracle")
    let gold = PackagePaths.sharedDataFile("bg-dev-gold.jsonl")

    let conversion = try NewstagProcess.run(
      executable: "/usr/bin/env",
      arguments: [
        "python3", "Scripts/convert-oracle-gazetteer.py",
        PackagePaths.sharedDataFile("bg-dev-oracle-gazetteer.tsv"), gazetteer, "--prior", gold,
      ],
      workingDirectory: PackagePaths.root)
    try #require(conversion.succeeded, "conversion failed: \(conversion.errorOutput)")

    let prediction = folder.file("pred.jsonl")
    let tagging = try NewstagProcess.run([
      "tag", "--no-default-gazetteers", "--gazetteers", gazetteer,
      "--stages", "normalize,tokenize,entities",
      PackagePaths.sharedDataFile("bg-dev.jsonl"), "-o", prediction,
    ])
    try #require(tagging.succeeded, "tagging failed: \(tagging.errorOutput)")
    #expect(tagging.errorLines.last == "newstag: 918 document(s) tagged, 0 error record(s)")

    let evaluation = try NewstagProcess.run([
      "eval", "--gold", gold, prediction, "--format", "json",
    ])
    try #require(evaluation.succeeded, "eval failed: \(evaluation.errorOutput)")
    let report = try JSONValue.parse(evaluation.output)
    #expect(report["documents"]?["missing"] == .number(0))
    #expect(report["documents"]?["errorRecords"] == .number(0))
    let micro = try #require(report["strict"]?["micro"], "no strict.micro in \(evaluation.output)")
    let f1 = try #require(micro["f1"]?.number)
    let precision = micro["p"]?.number ?? -1
    let recall = micro["r"]?.number ?? -1
    #expect(
      f1 >= Self.minimumStrictF1,
      "strict micro F1 \(f1) < \(Self.minimumStrictF1) (P \(precision), R \(recall))")
  }
}
