import Foundation
import Testing

/// Problems that stop a run before any output: missing inputs and broken gazetteers.
@Suite("Fatal errors")
struct FatalErrorTests {
  @Test func missingInputPathIsNamed() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let missing = folder.file("no-such-file.jsonl")
    let result = try NewstagProcess.run(["tag", PackagePaths.example, missing])
    #expect(!result.succeeded && !result.wasSignalled)
    #expect(result.standardOutput.isEmpty)
    #expect(result.errorLines == ["newstag: \(missing): error: no such file or directory"])
  }

  @Test(arguments: [["tag", "--gazetteers"], ["gazetteer", "check"]])
  func missingGazetteerFolderIsNamed(command: [String]) throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let missing = folder.file("no-such-folder")
    let result = try NewstagProcess.run(command + [missing], standardInput: Data())
    #expect(!result.succeeded && !result.wasSignalled)
    #expect(result.standardOutput.isEmpty)
    #expect(result.errorLines == ["newstag: \(missing): error: no such directory"])
  }

  /// A folder of gazetteers with one problem of each kind, spread over three files, and the
  /// diagnostics they must give, in order.
  static func makeBrokenGazetteers(in folder: TemporaryDirectory) throws -> (
    path: String, diagnostics: [String]
  ) {
    let path = try folder.makeFolder("gazetteers")
    try folder.write("id\tname\taliases\nperson/x\tХ Игрек\t\n", to: "gazetteers/a.tsv")
    try folder.write(
      "# people\nid\tlabel\tname\tkind\nperson/p1\tPERSON\tИван Тестов\tweird\n"
        + "person/p2\tPERSON\tПетър Тестов\t\n",
      to: "gazetteers/b.tsv")
    try folder.write(
      "id\tlabel\tname\nperson/p2\tORGANIZATION\tПетър Тестов ООД\n", to: "gazetteers/c.tsv")
    return (
      path,
      [
        "\(path)/a.tsv:1: error: header lacks the required column 'label'",
        "\(path)/b.tsv:3: error: unknown kind 'weird' (expected one of auto, person, inflect, "
          + "frozen)",
        "\(path)/c.tsv:2: error: id 'person/p2' has label ORGANIZATION here but PERSON at "
          + "\(path)/b.tsv:4",
      ]
    )
  }

  @Test func brokenGazetteersStopTaggingWithEveryProblemListed() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let gazetteers = try Self.makeBrokenGazetteers(in: folder)
    let result = try NewstagProcess.run(
      ["tag", "--gazetteers", gazetteers.path, PackagePaths.example])
    #expect(!result.succeeded && !result.wasSignalled)
    #expect(result.standardOutput.isEmpty)
    for diagnostic in gazetteers.diagnostics {
      #expect(result.errorLines.contains(diagnostic), "stderr: \(result.errorOutput)")
    }
    #expect(
      result.errorLines.last?.hasPrefix("newstag: 3 error(s), ") == true,
      "stderr: \(result.errorOutput)")
  }

  @Test func gazetteerCheckListsEveryProblemOnStandardOutput() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let gazetteers = try Self.makeBrokenGazetteers(in: folder)
    let result = try NewstagProcess.run(["gazetteer", "check", gazetteers.path])
    #expect(!result.succeeded && !result.wasSignalled)
    for diagnostic in gazetteers.diagnostics {
      #expect(result.outputLines.contains(diagnostic), "stdout: \(result.output)")
    }
    // Warnings may come on top; the errors are exactly these.
    let errors = result.outputLines.filter { $0.contains(": error: ") }
    #expect(errors == gazetteers.diagnostics, "stdout: \(result.output)")
    #expect(result.errorOutput.contains(": 3 error(s), "), "stderr: \(result.errorOutput)")
  }

  @Test func gazetteerCheckPassesTheDefaults() throws {
    let result = try NewstagProcess.run(["gazetteer", "check"])
    #expect(result.succeeded, "stdout: \(result.output)\nstderr: \(result.errorOutput)")
    #expect(!result.outputLines.contains { $0.contains(": error: ") })
    #expect(result.errorOutput.contains(": 0 error(s), "), "\(result.errorOutput)")
  }
}
