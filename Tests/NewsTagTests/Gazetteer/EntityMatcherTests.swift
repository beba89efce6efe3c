import Testing

@testable import NewsTag

@Suite struct EntityMatcherTests {
  func mentions(_ text: String, _ entries: [GazetteerEntry]) throws -> [(String, String)] {
    var document = Document(id: "t", text: text)
    let gazetteer = CompiledGazetteer(entries)
    try Pipeline([Normalizer(), Tokenizer(), EntityMatcher(gazetteer: gazetteer)]).process(
      &document)
    try DocumentInvariants.check(document)
    let bytes = Array(text.utf8)
    return document.mentions.map {
      (String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), $0.entityID)
    }
  }

  static let usa = GazetteerEntry(
    id: "country/us", label: "COUNTRY", name: "Съединени американски щати", aliases: ["САЩ"])
  static let congress = GazetteerEntry(
    id: "org/congress", label: "ORGANIZATION", name: "Конгрес на САЩ")

  @Test func longestSpanWins() throws {
    let found = try mentions("Конгресът на САЩ одобри, САЩ също.", [Self.usa, Self.congress])
    #expect(found.map(\.0) == ["Конгресът на САЩ", "САЩ"])
    #expect(found.map(\.1) == ["org/congress", "country/us"])
  }

  @Test func laterLongerSpanBeatsEarlierShorterOverlap() throws {
    let a = GazetteerEntry(id: "a", label: "X", name: "Северна Корея")
    let b = GazetteerEntry(id: "b", label: "X", name: "Корея и Китай днес")
    #expect(try mentions("Северна Корея и Китай днес", [a, b]).map(\.1) == ["b"])
  }

  @Test func foldedLookalikesMapBackToOriginalOffsets() throws {
    let text = "Според CAЩ и Киев"
    let kyiv = GazetteerEntry(id: "kyiv", label: "LOCATION", name: "Киев")
    #expect(try mentions(text, [Self.usa, kyiv]).map(\.0) == ["CAЩ", "Киев"])
  }

  @Test func spanWithAnOddNumberOfQuotesTakesInItsPartner() throws {
    let stream = GazetteerEntry(id: "ns2", label: "PRODUCT", name: "Северен поток 2")
    #expect(try mentions("за „Северен поток“ 2 днес", [stream]).map(\.0) == ["„Северен поток“ 2"])
    #expect(try mentions("за „Северен поток 2“ днес", [stream]).map(\.0) == ["Северен поток 2"])
  }

  @Test func acronymMatchesAllCapsOrExactSpelling() throws {
    let btv = GazetteerEntry(id: "btv", label: "ORGANIZATION", name: "bTV")
    #expect(try mentions("по bTV и BTV, но не btv или Btv", [btv]).map(\.0) == ["bTV", "BTV"])
  }

  @Test func commonWordNeedsCapitalAndMidSentence() throws {
    let trud = GazetteerEntry(
      id: "trud", label: "ORGANIZATION", name: "Труд", flags: .commonWord)
    #expect(try mentions("Труд и труд. Писа вестник Труд.\nТРУД ПИСА ТОВА", [trud]).count == 1)
  }

  @Test func commonWordAcronymMayOpenASentence() throws {
    let gerb = GazetteerEntry(id: "gerb", label: "ORGANIZATION", name: "ГЕРБ", flags: .commonWord)
    #expect(try mentions("ГЕРБ спечели. Герб и герб.\nГЕРБ И БСП", [gerb]).map(\.0) == ["ГЕРБ"])
  }

  @Test func nameAsWrittenBeatsAGeneratedFormOfAnotherEntity() throws {
    // "Запада" is a generated form of Запад and a name as written of another entity.
    let west = GazetteerEntry(id: "west", label: "LOCATION", name: "Запад")
    let other = GazetteerEntry(id: "other", label: "LOCATION", name: "Запада")
    #expect(try mentions("от Запада", [west, other]).map(\.1) == ["other"])
  }

  @Test func firstLoadedEntityWinsATie() throws {
    let first = GazetteerEntry(id: "first", label: "PRODUCT", name: "Северен поток 2")
    let second = GazetteerEntry(id: "second", label: "ORGANIZATION", name: "Северен поток 2")
    #expect(try mentions("Северен поток 2", [first, second]).map(\.1) == ["first"])
  }

  @Test func personalNamesAreNeverInflected() throws {
    let radev = GazetteerEntry(
      id: "radev", label: "PERSON", name: "Румен Радев", aliases: ["Радев"])
    #expect(try mentions("Радев, Радева и Радеви", [radev]).map(\.0) == ["Радев"])
  }

  @Test func compilingReportsNamesSharedByTwoEntities() {
    let a = GazetteerEntry(id: "a", label: "X", name: "Кан", file: "f.tsv", line: 2)
    let b = GazetteerEntry(id: "b", label: "Y", name: "Кан", file: "f.tsv", line: 3)
    #expect(
      CompiledGazetteer([a, b]).diagnostics.map(\.description) == [
        "f.tsv:3: warning: name 'Кан' is also a name of 'a'"
      ])
  }
}
