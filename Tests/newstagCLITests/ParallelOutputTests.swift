import Foundation
import Testing

/// `--jobs N` changes speed only: the output is byte for byte that of one job.
@Suite("Worker threads keep the output")
struct ParallelOutputTests {
  /// Extra arguments compared with a plain `--jobs 1` run.
  static let variants: [[String]] = [
    ["--jobs", "2"],
    ["--jobs", "2", "--batch-size", "7"],
    ["--jobs", "3", "--batch-size", "7"],
    ["--jobs", "1", "--batch-size", "7"],
  ]

  static func assertSameOutput(input: String, variant: [String]) throws {
    let single = try NewstagProcess.run(["tag", "--jobs", "1", input])
    #expect(single.succeeded, "stderr: \(single.errorOutput)")
    #expect(!single.standardOutput.isEmpty)
    let parallel = try NewstagProcess.run(["tag"] + variant + [input])
    #expect(parallel.succeeded, "stderr: \(parallel.errorOutput)")
    #expect(parallel.standardOutput == single.standardOutput)
    #expect(parallel.errorOutput == single.errorOutput)
  }

  @Test(
    .enabled(if: PackagePaths.hasEvaluationData, PackagePaths.missingDataComment),
    arguments: variants)
  func evaluationCorpusGivesIdenticalOutput(variant: [String]) throws {
    try Self.assertSameOutput(input: PackagePaths.sharedDataFile("bg-dev.jsonl"), variant: variant)
  }

  /// The same check on made-up input, so that it also runs where the corpus is absent; it mixes
  /// in error records so that those keep their place too.
  @Test(arguments: variants)
  func syntheticInputGivesIdenticalOutput(variant: [String]) throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let article = try String(contentsOfFile: PackagePaths.example, encoding: .utf8)
    var lines: [String] = []
    for index in 0..<60 {
      if index % 11 == 5 {
        lines.append(#"{"id":"broken-\#(index)","text":"#)
      } else {
        let text = String(article.unicodeScalars.prefix(200 + 37 * index))
        let escaped = try #require(
          String(data: try JSONEncoder().encode(text), encoding: .utf8))
        lines.append(#"{"id":"doc-\#(index)","text":\#(escaped)}"#)
      }
    }
    let input = try folder.write(lines.joined(separator: "\n") + "\n", to: "input.jsonl")
    try Self.assertSameOutput(input: input, variant: variant)
  }
}
