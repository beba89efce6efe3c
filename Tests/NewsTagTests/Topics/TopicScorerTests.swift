import Testing

@testable import NewsTag

@Suite struct TopicScorerTests {
  static let taxonomy = GazetteerSource(
    path: "taxonomy.tsv",
    text: """
      id\tparent\tiptc\tlabel\tlabel_bg
      conflict\t\tmedtop:16000000\tconflict, war and peace\tконфликти
      military-aid\tconflict\tmedtop:16000000\tmilitary aid\tвоенна помощ
      sport\t\tmedtop:15000000\tsport\tспорт
      """)
  static let terms = GazetteerSource(
    path: "terms.tsv",
    text: """
      topic\tweight\tcue\tforms
      conflict\t1.5\tвойна\tвойни
      military-aid\t2\tвоенна помощ\t
      military-aid\t1\tlabel:WEAPON\t
      sport\t1.5\tмач\tмача|мачове
      sport\t-3\tвойна\t
      """)

  func score(_ text: String, mentions: [Mention] = [], threshold: Double = 0.2) throws
    -> [TopicScore]
  {
    let lexicon = TopicLexicon(taxonomy: Self.taxonomy, lexicons: [Self.terms])
    #expect(lexicon.diagnostics.isEmpty)
    var document = Document(id: "t", text: text)
    try Pipeline([Normalizer(), Tokenizer()]).process(&document)
    document.mentions = mentions
    TopicScorer(lexicon: lexicon, options: .init(maximumTopics: 3, threshold: threshold))
      .process(&document)
    try DocumentInvariants.check(document)
    return document.topics
  }

  @Test func matchesInflectedTermsAndExplainsTheScore() throws {
    let topics = try score("Войната продължава. Войни, войни.")
    let conflict = try #require(topics.first { $0.id == "conflict" })
    #expect(conflict.iptc == "medtop:16000000")
    #expect(conflict.evidence.first { $0.cue == "война" }?.count == 3)
    #expect((0...1).contains(conflict.score))
  }

  @Test func childTopicImpliesItsParentWhichIsLeftOut() throws {
    let topics = try score("Пакетът военна помощ е одобрен.")
    #expect(topics.map(\.id) == ["military-aid"])
    #expect(topics[0].parent == "conflict")
    #expect(topics[0].iptc == "medtop:16000000")
  }

  @Test func parentWithoutAKeptChildCarriesTheChildsEvidence() throws {
    let text = "Война, война, война и военна помощ."
    // A threshold between the child's own score and the parent's.
    let child = try #require(try score(text).first { $0.id == "military-aid" }).score
    let topics = try score(text, threshold: child + 0.01)
    let conflict = try #require(topics.first { $0.id == "conflict" })
    #expect(!topics.contains { $0.id == "military-aid" })
    #expect(conflict.evidence.map(\.cue).contains("военна помощ"))
  }

  @Test func aChildCutByTheSlotLimitDoesNotHideItsParent() throws {
    let taxonomy = GazetteerSource(
      path: "taxonomy.tsv",
      text: "id\tparent\tiptc\tlabel\na\t\t\tA\nb\t\t\tB\nc\t\t\tC\nc1\tc\t\tC1\n")
    let terms = GazetteerSource(
      path: "terms.tsv",
      text: "topic\tweight\tcue\na\t3\tалфа\nb\t1.5\tбета\nc\t2\tгама\nc1\t0.5\tделта\n")
    let lexicon = TopicLexicon(taxonomy: taxonomy, lexicons: [terms])
    #expect(lexicon.diagnostics.isEmpty)
    var document = Document(id: "t", text: "алфа бета гама делта")
    try Pipeline([Normalizer(), Tokenizer()]).process(&document)
    // c1 is weakest and cut by two slots; c then competes on its own (stronger than b).
    TopicScorer(lexicon: lexicon, options: .init(maximumTopics: 2, threshold: 0.1))
      .process(&document)
    #expect(document.topics.map(\.id) == ["a", "c"])
  }

  @Test func entityCuesAddEvidence() throws {
    let atacms = Mention(
      start: 0, end: 6, label: "WEAPON", entityID: "weapon/atacms", name: "ATACMS")
    let topics = try score("ATACMS", mentions: [atacms])
    #expect(topics.first { $0.id == "military-aid" }?.evidence.map(\.cue) == ["ATACMS"])
  }

  @Test func negativeTermsPullAScoreDown() throws {
    #expect(try score("мач мача").map(\.id) == ["sport"])
    #expect(try score("мач мача война").map(\.id) == ["conflict"])
  }

  @Test func moreEvidenceNeverLowersAScore() throws {
    let once = try #require(try score("война").first?.score)
    let twice = try #require(try score("война война").first?.score)
    #expect(twice > once)
    #expect(twice < 1)
  }

  @Test func lexiconProblemsAreReportedWithLines() {
    let lexicon = TopicLexicon(
      taxonomy: Self.taxonomy,
      lexicons: [
        GazetteerSource(
          path: "bad.tsv", text: "topic\tweight\tcue\nnope\t1\tx\nsport\tmany\tx\nsport\t1\t\n")
      ])
    #expect(
      lexicon.diagnostics.map(\.description) == [
        "bad.tsv:2: error: unknown topic 'nope'",
        "bad.tsv:3: error: weight 'many' is not a non-zero number",
        "bad.tsv:4: error: empty cue",
      ])
  }
}
