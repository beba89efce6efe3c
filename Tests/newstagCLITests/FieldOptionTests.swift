import Foundation
import Testing

/// `--text-field`, `--id-field` and `--keep-text`.
@Suite("Text and id fields")
struct FieldOptionTests {
  /// A command line, its one input line, and what the output must hold.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var input: String
    var id: String
    /// Output members that must equal the input's members of the same name.
    var keptMembers: [String]
    /// Members that must not be in the output.
    var absentMembers: [String]

    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "custom fields",
      arguments: ["tag", "--text-field", "body", "--id-field", "doc_id"],
      input: #"{"doc_id":"d-1","body":"Киев и Москва","text":"Берлин"}"#,
      id: "d-1", keptMembers: ["text"], absentMembers: ["body", "doc_id"]),
    Case(
      name: "custom fields, text kept",
      arguments: ["tag", "--text-field", "body", "--id-field", "doc_id", "--keep-text"],
      input: #"{"doc_id":"d-2","body":"Киев и Москва"}"#,
      id: "d-2", keptMembers: ["body"], absentMembers: ["doc_id", "text"]),
    Case(
      name: "default fields, text kept",
      arguments: ["tag", "--keep-text"],
      input: #"{"id":"d-3","text":"Киев и Москва","lang":"bg"}"#,
      id: "d-3", keptMembers: ["text", "lang"], absentMembers: []),
    Case(
      name: "default fields",
      arguments: ["tag"],
      input: #"{"id":"d-4","text":"Киев и Москва","lang":"bg"}"#,
      id: "d-4", keptMembers: ["lang"], absentMembers: ["text"]),
  ]

  @Test(arguments: cases)
  func readsAndWritesTheChosenFields(_ testCase: Case) throws {
    let result = try NewstagProcess.run(
      testCase.arguments, standardInput: Data((testCase.input + "\n").utf8))
    #expect(result.succeeded, "stderr: \(result.errorOutput)")
    try #require(result.outputLines.count == 1, "stdout: \(result.output)")
    let line = result.outputLines[0]
    let output = try JSONValue.parse(line)
    let input = try JSONValue.parse(testCase.input)
    #expect(output["id"] == .string(testCase.id))
    #expect(output["error"] == nil, "\(line)")
    for member in testCase.keptMembers {
      #expect(output[member] == input[member], "\(member) in \(line)")
    }
    for member in testCase.absentMembers {
      #expect(output[member] == nil, "\(member) in \(line)")
    }
    let document = try TaggedDocument.parse(line)
    #expect(document.hasEntity("Киев", "LOCATION"), "\(line)")
    #expect(document.hasEntity("Москва", "LOCATION"), "\(line)")
  }

  /// With `--id-field doc_id`, an input member named `id` must not give the output object a
  /// second `id` member: JSON readers disagree on which of two equal keys wins (Python's `json`
  /// takes the last, so the document would be known by the wrong id).
  @Test func inputMemberNamedIDDoesNotDuplicateTheDocumentID() throws {
    let input = #"{"doc_id":"d-5","body":"Киев","id":"other"}"# + "\n"
    let result = try NewstagProcess.run(
      ["tag", "--text-field", "body", "--id-field", "doc_id"], standardInput: Data(input.utf8))
    #expect(result.succeeded, "stderr: \(result.errorOutput)")
    let line = try #require(result.outputLines.first)
    let topLevel = try #require(line.components(separatedBy: #","entities":"#).first)
    #expect(
      topLevel.components(separatedBy: #""id":"#).count - 1 == 1,
      "one top-level \"id\" member expected: \(line)")
    #expect(try JSONValue.parse(line)["id"] == .string("d-5"))
  }

  @Test func keepTextCopiesATextFileIntoTheOutput() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let text = "Киев, 12 февруари.\n„Цитат“ и \"кавички\"\tтаб\n"
    let path = try folder.write(text, to: "article.txt")
    let result = try NewstagProcess.run(["tag", "--keep-text", path])
    #expect(result.succeeded, "stderr: \(result.errorOutput)")
    let output = try JSONValue.parse(try #require(result.outputLines.first))
    #expect(output["text"] == .string(text))
    #expect(output["id"] == .string(path))
  }
}
