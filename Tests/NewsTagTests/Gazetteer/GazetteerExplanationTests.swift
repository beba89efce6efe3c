import Testing

@testable import NewsTag

@Suite struct GazetteerExplanationTests {
  static let entries = [
    GazetteerEntry(id: "org/congress", label: "ORGANIZATION", name: "Конгрес на САЩ"),
    GazetteerEntry(id: "country/us", label: "COUNTRY", name: "Съединени щати", aliases: ["САЩ"]),
    GazetteerEntry(
      id: "person/zelensky", label: "PERSON", name: "Володимир Зеленски", aliases: ["Зеленски"]),
  ]

  func explain(_ text: String) throws -> [String] {
    try GazetteerExplanation(
      text: text, entries: Self.entries, gazetteer: CompiledGazetteer(Self.entries)
    ).lines
  }

  @Test func namesTheGeneratedFormBehindAMention() throws {
    let lines = try explain("Конгресът на САЩ")
    #expect(lines.contains("  2 САЩ  key 'сащ'  all-caps,capitalised"))
    #expect(
      lines.contains(
        "  Конгресът на САЩ → ORGANIZATION org/congress (Конгрес на САЩ) "
          + "[generated article form 'конгресът на сащ' of 'Конгрес на САЩ']"))
  }

  @Test func explainsNearMisses() throws {
    let lines = try explain("Зеленския и сащ")
    #expect(lines.contains("  none"))
    #expect(
      lines.contains(
        "  'Зеленския' begins like person/zelensky 'Зеленски' but is not one of its forms: "
          + "personal names are never inflected (Радева is not Радев)"))
    #expect(
      lines.contains(
        "  'сащ' has the keys of country/us 'САЩ' [name as written 'САЩ'] but is rejected: "
          + "'САЩ' is written in capitals, so only capitals match"))
  }

  @Test func showsTheNormalisedFormWhenItDiffers() throws {
    #expect(try explain("CAЩ").first == "normalised: САЩ")
  }
}
