import Testing

@testable import NewsTag

@Suite struct ArticleVariantsTests {
  func variants(_ name: String) throws -> [String] {
    let tokens = try NameTokens(name, normalizer: Normalizer(), tokenizer: Tokenizer())
    return ArticleVariants.variants(of: tokens).map { $0.joined(separator: " ") }
  }

  @Test(arguments: [
    ("Конгрес на САЩ", ["конгреса на сащ", "конгресът на сащ"]),
    ("Европейска комисия", ["европейската комисия"]),
    ("Обединено кралство", ["обединеното кралство"]),
    ("Съединени щати", ["съединените щати", "съединения щати", "съединеният щати"]),
    ("Музей на Брекзит", ["музея на брекзит", "музеят на брекзит"]),
    ("Брекзит", ["брекзита", "брекзитът"]),
    ("учител", ["учитела", "учителът", "учителя", "учителят"]),
  ])
  func generatesArticleForms(name: String, expected: [String]) throws {
    #expect(try Set(variants(name)) == Set(expected))
  }

  @Test func dropsTheFleetingVowelAndAlternatesYa() throws {
    #expect(try variants("Върховен съд").contains("върховния съд"))
    #expect(try variants("Върховен съд").contains("върховният съд"))
    #expect(try variants("Бял дом").contains("белия дом"))
    #expect(try variants("Свят отец").contains("светия отец"))
  }

  @Test(arguments: ["САЩ", "Рим", "Мир", "ATACMS", "2024", "Patriot", "bTV"])
  func leavesShortForeignAndAcronymNamesAlone(name: String) throws {
    #expect(try variants(name).isEmpty)
  }

  @Test func inflectsTheLastPartOfAHyphenatedFirstWord() throws {
    #expect(
      try variants("Британо-българска бизнес организация")
        == ["британо българската бизнес организация"])
  }

  @Test func neverTouchesLaterWords() throws {
    for variant in try variants("Световна търговска организация") {
      #expect(variant.hasSuffix(" търговска организация"))
    }
  }
}
