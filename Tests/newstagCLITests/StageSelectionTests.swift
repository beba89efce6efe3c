import Foundation
import Testing

/// `--stages` picks the stages to run and checks that each one's needs are met.
@Suite("Stage selection")
struct StageSelectionTests {
  @Test func entitiesWithoutTopics() throws {
    let result = try NewstagProcess.run(
      ["tag", "--stages", "normalize,tokenize,entities", PackagePaths.example])
    #expect(result.succeeded, "stderr: \(result.errorOutput)")
    let line = try #require(result.outputLines.first)
    let output = try JSONValue.parse(line)
    #expect(output["entities"]?.array?.isEmpty == false)
    #expect(output["topics"] == nil)
  }

  /// Each list lacks a stage that a later one needs.
  @Test(arguments: [
    ("entities", "stage 'entities' needs tokens, which no earlier stage produces"),
    ("normalize,entities", "stage 'entities' needs tokens, which no earlier stage produces"),
    ("tokenize,entities", "stage 'tokenize' needs normalizedText, which no earlier stage produces"),
    ("normalize,topics", "stage 'topics' needs tokens, which no earlier stage produces"),
    (
      "entities,tokenize,normalize",
      "stage 'entities' needs tokens, which no earlier stage produces"
    ),
  ])
  func missingRequirementIsAUsageError(stages: String, message: String) throws {
    let result = try NewstagProcess.run(["tag", "--stages", stages, PackagePaths.example])
    #expect(result.status == 64 && !result.wasSignalled, "status \(result.status)")
    #expect(result.standardOutput.isEmpty)
    #expect(result.errorLines.first == "Error: \(message)", "stderr: \(result.errorOutput)")
  }

  @Test func unknownStageIsAUsageError() throws {
    let result = try NewstagProcess.run(
      ["tag", "--stages", "normalize,parse", PackagePaths.example])
    #expect(result.status == 64 && !result.wasSignalled, "status \(result.status)")
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.errorOutput.contains(
        "unknown stage 'parse' (expected normalize, tokenize, entities, topics)"),
      "stderr: \(result.errorOutput)")
  }
}

/// `--profile` reports every step of the run it measured, after the output.
@Suite("Profile")
struct ProfileTests {
  @Test func reportsEveryStepAndTheRate() throws {
    let result = try NewstagProcess.run(
      ["tag", "--profile", "--stages", "normalize,tokenize,entities", PackagePaths.example])
    #expect(result.succeeded, "stderr: \(result.errorOutput)")
    #expect(result.outputLines.count == 1)
    let report = result.errorOutput
    #expect(report.contains("newstag profile: 1 documents"))
    #expect(report.contains("documents/s"))
    for step in ["decode", "normalize", "tokenize", "entities", "render"] {
      #expect(report.contains("\n" + step + " "), "no line for \(step) in:\n\(report)")
    }
    #expect(!report.contains("\ntopics "))
  }
}
