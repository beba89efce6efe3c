import Foundation
import Testing

@testable import NewsTag

@Suite struct TermLookupTests {
  static let matcher = EntityMatcher(gazetteer: DefaultData.gazetteer)
  static let scorer = TopicScorer(
    lexicon: DefaultData.lexicon, options: .init(threshold: 0.05))

  static let texts: [String] = [
    "Конгресът на САЩ одобри военна помощ за Украйна; Зеленски благодари на НАТО.",
    "ТРЪМП И ПУТИН\nБрекзит: Тереза Мей и Барние преговарят в Брюксел за митническия съюз.",
    "„Северен поток“ 2 и газът от Русия; стачка в Райънеър, F16 и ЕС27.",
    (try? String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../examples/seed-bg-news.txt").standardized,
      encoding: .utf8)) ?? "",
  ]

  @Test func insertsOneLookupBeforeTheFirstOfSeveralMatchingStages() {
    let full = TermLookup.shared(by: [Normalizer(), Tokenizer(), Self.matcher, Self.scorer])
    #expect(full.map(\.name) == ["normalize", "tokenize", "lookup", "entities", "topics"])
    let single = TermLookup.shared(by: [Normalizer(), Tokenizer(), Self.matcher])
    #expect(single.map(\.name) == ["normalize", "tokenize", "entities"])
  }

  @Test(arguments: texts.indices)
  func sharedLookupGivesWhatEachStageFindsAlone(_ index: Int) throws {
    let text = Self.texts[index]
    #expect(!text.isEmpty)
    let stages: [any Stage] = [Normalizer(), Tokenizer(), Self.matcher, Self.scorer]
    var alone = Document(id: "d", text: text)
    try Pipeline(stages).process(&alone)
    var shared = Document(id: "d", text: text)
    try Pipeline(TermLookup.shared(by: stages)).process(&shared)

    let list = try #require(shared.tokens)
    #expect(shared.termIDs.count == 2)
    for table in [Self.matcher.terms, Self.scorer.terms] {
      #expect(table.ids(of: shared) == table.ids(of: list))
      #expect(table.ids(of: alone) == table.ids(of: list))
    }
    #expect(Self.matcher.terms.ids(of: list).contains { $0 >= 0 })
    #expect(Self.scorer.terms.ids(of: list).contains { $0 >= 0 })
    #expect(shared.mentions == alone.mentions)
    #expect(shared.topics == alone.topics)
    #expect(!shared.mentions.isEmpty)
  }
}
