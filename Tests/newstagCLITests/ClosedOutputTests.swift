import Foundation
import Testing

/// `newstag tag … | head -1`: a reader that goes away ends the run quietly.
@Suite("Output closed by the reader")
struct ClosedOutputTests {
  /// Made-up documents whose output is several megabytes: more than newstag's output buffer
  /// and the pipe's together, so that newstag writes on after `head` has gone.
  static func makeBigInput(in folder: TemporaryDirectory) throws -> String {
    let text =
      "Володимир Зеленски и Джо Байдън обсъдиха в Киев военната помощ за Украйна, "
      + "след като Конгресът на САЩ одобри пакета, а НАТО и Великобритания подкрепиха Киев."
    var input = ""
    for index in 1...20_000 {
      input += #"{"id":"doc-\#(index)","text":"\#(text)"}"# + "\n"
    }
    return try folder.write(input, to: "big.jsonl")
  }

  @Test func headOneGetsOneLineAndNoOneComplains() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let input = try Self.makeBigInput(in: folder)
    let binary = try NewstagProcess.binaryPath()
    let result = try NewstagProcess.run(
      executable: "/bin/sh", arguments: ["-c", "'\(binary)' tag '\(input)' | head -n 1"],
      timeout: 120)
    #expect(!result.timedOut)
    #expect(result.succeeded)
    #expect(result.errorOutput == "")
    try #require(result.outputLines.count == 1, "stdout: \(result.output.prefix(500))")
    let document = try TaggedDocument.parse(result.outputLines[0])
    #expect(document.id == "doc-1")
  }

  /// The same through standard input, where newstag answers line by line.
  @Test func headOneOnStandardInputGetsOneLineAndNoOneComplains() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let input = try Self.makeBigInput(in: folder)
    let binary = try NewstagProcess.binaryPath()
    let result = try NewstagProcess.run(
      executable: "/bin/sh", arguments: ["-c", "'\(binary)' tag < '\(input)' | head -n 1"],
      timeout: 120)
    #expect(!result.timedOut)
    #expect(result.succeeded)
    #expect(result.errorOutput == "")
    try #require(result.outputLines.count == 1, "stdout: \(result.output.prefix(500))")
    #expect(try TaggedDocument.parse(result.outputLines[0]).id == "doc-1")
  }
}
