import Foundation
import Testing

/// JSON Lines on standard input: one output line per input line, in order, errors as records.
@Suite("JSON Lines on standard input")
struct StandardInputTests {
  /// What one input line must give.
  enum Outcome: Sendable {
    /// A tagged document with this id.
    case document(id: String)
    /// An error record with this id (or none) and exactly this message.
    case error(id: String?, message: String)
    /// An error record whose message starts with this text.
    case errorPrefix(String)
  }

  /// An input line and what it must give.
  struct Line: Sendable {
    var bytes: [UInt8]
    var outcome: Outcome

    init(_ text: String, _ outcome: Outcome) {
      bytes = Array(text.utf8)
      self.outcome = outcome
    }

    init(bytes: [UInt8], _ outcome: Outcome) {
      self.bytes = bytes
      self.outcome = outcome
    }
  }

  static let lines: [Line] = [
    Line(#"{"id":"good","text":"Украйна и САЩ подписаха споразумение."}"#, .document(id: "good")),
    Line(#"{"id":"broken","text":"#, .errorPrefix("malformed JSON")),
    Line(#"{"id":"no-text","body":"Киев"}"#, .error(id: "no-text", message: #"no "text" field"#)),
    Line(
      #"{"id":"number-text","text":42}"#,
      .error(id: "number-text", message: #"field "text" is not a string"#)),
    Line(
      bytes: Array(#"{"id":"latin1","text":""#.utf8) + [0xFF] + Array(#""}"#.utf8),
      .error(id: nil, message: "invalid UTF-8 at byte 23")),
    Line("", .error(id: nil, message: "empty line")),
    Line(#"{"id":7,"text":"Киев"}"#, .document(id: "7")),
    Line(
      #"{"id":"extra","text":"Москва","topic":"x","meta":{"a":[1,2]}}"#,
      .document(id: "extra")),
  ]

  static var input: Data {
    Data(lines.flatMap { $0.bytes + [UInt8(ascii: "\n")] })
  }

  /// No path and `-` both read standard input.
  static let argumentLists: [[String]] = [["tag"], ["tag", "-"]]

  @Test(arguments: argumentLists)
  func givesOneLinePerInputLineInOrder(arguments: [String]) throws {
    let result = try NewstagProcess.run(arguments, standardInput: Self.input)
    #expect(result.succeeded, "stderr: \(result.errorOutput)")
    try #require(result.outputLines.count == Self.lines.count, "stdout: \(result.output)")
    for (index, (line, output)) in zip(Self.lines, result.outputLines).enumerated() {
      let number = index + 1
      let value = try JSONValue.parse(output)
      switch line.outcome {
      case .document(let id):
        #expect(value["id"] == .string(id), "line \(number): \(output)")
        #expect(value["error"] == nil, "line \(number): \(output)")
        #expect(value["entities"]?.array != nil, "line \(number): \(output)")
      case .error(let id, let message):
        #expect(value["line"] == .number(Double(number)), "line \(number): \(output)")
        #expect(value["error"] == .string(message), "line \(number): \(output)")
        #expect(value["id"] == id.map(JSONValue.string), "line \(number): \(output)")
      case .errorPrefix(let prefix):
        #expect(value["line"] == .number(Double(number)), "line \(number): \(output)")
        #expect(
          value["error"]?.string?.hasPrefix(prefix) == true, "line \(number): \(output)")
      }
    }
  }

  @Test(arguments: argumentLists)
  func reportsTheCountsOnStandardError(arguments: [String]) throws {
    let result = try NewstagProcess.run(arguments, standardInput: Self.input)
    #expect(result.succeeded)
    #expect(result.errorLines == ["newstag: 3 document(s) tagged, 5 error record(s)"])
  }

  @Test func passesExtraFieldsThroughUnchanged() throws {
    let input = #"{"id":"extra","text":"Москва","topic":"x","meta":{"a":[1,2]},"n":1.5}"# + "\n"
    let result = try NewstagProcess.run(["tag"], standardInput: Data(input.utf8))
    #expect(result.succeeded)
    let output = try JSONValue.parse(try #require(result.outputLines.first))
    let original = try JSONValue.parse(input)
    for key in ["topic", "meta", "n"] {
      #expect(output[key] == original[key], "\(key)")
    }
    #expect(output["text"] == nil)
    #expect(result.output.contains(#""meta":{"a":[1,2]}"#))
    let entity = try #require(output["entities"]?.array?.first)
    #expect(entity["text"] == .string("Москва"))
  }

  @Test func tagsTheGoodLineLikeAStandaloneDocument() throws {
    let result = try NewstagProcess.run(["tag"], standardInput: Self.input)
    let document = try TaggedDocument.parse(try #require(result.outputLines.first))
    #expect(document.id == "good")
    #expect(document.hasEntity("Украйна", "COUNTRY"))
    #expect(document.hasEntity("САЩ", "COUNTRY"))
  }
}
