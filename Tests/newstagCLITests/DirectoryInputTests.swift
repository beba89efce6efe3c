import Foundation
import Testing

/// Folders as input, read recursively in path order, and `--output`.
@Suite("Folder input and --output")
struct DirectoryInputTests {
  /// A folder with `a.txt`, `ignored.md` and `sub/b.jsonl` (two documents).
  static func makeInput(in folder: TemporaryDirectory) throws -> String {
    let input = try folder.makeFolder("input")
    try folder.write("Киев е столицата на Украйна.\n", to: "input/a.txt")
    try folder.write("# Москва\n", to: "input/ignored.md")
    try folder.write(
      #"{"id":"b-1","text":"Москва"}"# + "\n" + #"{"id":"b-2","text":"Берлин"}"# + "\n",
      to: "input/sub/b.jsonl")
    return input
  }

  @Test func readsTextAndJSONLinesFilesRecursivelyInPathOrder() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let input = try Self.makeInput(in: folder)
    let result = try NewstagProcess.run(["tag", input])
    #expect(result.succeeded, "stderr: \(result.errorOutput)")
    let documents = try result.outputLines.map(TaggedDocument.parse)
    #expect(documents.map(\.id) == [input + "/a.txt", "b-1", "b-2"])
    #expect(documents.first?.hasEntity("Украйна", "COUNTRY") == true)
    #expect(result.errorLines == ["newstag: 3 document(s) tagged, 0 error record(s)"])
  }

  @Test(arguments: ["--output", "-o"])
  func outputOptionWritesTheFileAndNothingToStandardOutput(option: String) throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let input = try Self.makeInput(in: folder)
    let outputPath = folder.file("tagged.jsonl")
    let toFile = try NewstagProcess.run(["tag", input, option, outputPath])
    #expect(toFile.succeeded, "stderr: \(toFile.errorOutput)")
    #expect(toFile.standardOutput.isEmpty)
    let toStandardOutput = try NewstagProcess.run(["tag", input])
    let written = try Data(contentsOf: URL(fileURLWithPath: outputPath))
    #expect(written == toStandardOutput.standardOutput)
    #expect(ProcessResult.lines(of: String(decoding: written, as: UTF8.self)).count == 3)
  }

  @Test func invalidTextFileGivesAnErrorRecordNamingIt() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let good = try folder.write("Киев\n", to: "input/a.txt")
    let bad = try folder.write(Data("Киев ".utf8) + Data([0xFF]), to: "input/b.txt")
    let result = try NewstagProcess.run(["tag", folder.file("input")])
    #expect(result.succeeded, "stderr: \(result.errorOutput)")
    try #require(result.outputLines.count == 2, "stdout: \(result.output)")
    #expect(try TaggedDocument.parse(result.outputLines[0]).id == good)
    let error = try JSONValue.parse(result.outputLines[1])
    #expect(
      error
        == .object([
          "id": .string(bad), "source": .string(bad), "error": .string("invalid UTF-8 at byte 9"),
        ]))
    #expect(result.errorLines == ["newstag: 1 document(s) tagged, 1 error record(s)"])
  }
}
