import Foundation
import Testing

/// Output offsets are Unicode code points into the original text, whatever normalisation
/// changed on the way.
@Suite("Code point offsets")
struct OffsetTests {
  /// A text and the entity texts it must yield, in order.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var entities: [String]

    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "decomposed letter й", text: "Зеленски посети Украи\u{306}на вчера.",
      entities: ["Зеленски", "Украи\u{306}на"]),
    Case(
      name: "emoji before the name", text: "\u{1F600}\u{1F1FA}\u{1F1E6} Киев и Москва",
      entities: ["Киев", "Москва"]),
    Case(
      name: "Latin look-alike letter", text: "Делегация на C\u{410}\u{429} пристигна в Киев.",
      entities: ["C\u{410}\u{429}", "Киев"]),
    Case(
      name: "no-break space and CRLF", text: "Тръмп\u{A0}и Путин.\r\nНАТО\r\n",
      entities: ["Тръмп", "Путин", "НАТО"]),
    Case(name: "byte order mark", text: "\u{FEFF}Киев", entities: ["Киев"]),
    Case(
      name: "direction marks around a name", text: "в \u{200E}Киев\u{200E} и Москва",
      entities: ["Киев", "Москва"]),
  ]

  @Test(arguments: cases)
  func entityOffsetsSliceTheOriginalText(_ testCase: Case) throws {
    let escaped = try #require(
      String(data: try JSONEncoder().encode(testCase.text), encoding: .utf8))
    let input = #"{"id":"offsets","text":\#(escaped)}"# + "\n"
    let result = try NewstagProcess.run(
      ["tag", "--stages", "normalize,tokenize,entities"], standardInput: Data(input.utf8))
    #expect(result.succeeded, "stderr: \(result.errorOutput)")
    let document = try TaggedDocument.parse(try #require(result.outputLines.first))
    #expect(document.entityList.map(\.text) == testCase.entities)
    try document.expectOffsetsSlice(testCase.text)
  }
}
