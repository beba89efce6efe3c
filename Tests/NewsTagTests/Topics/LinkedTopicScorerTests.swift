import Testing

@testable import NewsTag

@Suite struct LinkedTopicScorerTests {
  /// The composition tests' texts, and one whose topics rest on entity and label cues.
  static let texts =
    TermLookupTests.texts + ["Украйна получи ATACMS и HIMARS от САЩ; НАТО обсъди F-16 за Киев."]

  @Test(arguments: texts.indices)
  func linkedScorerScoresLikeTheUnlinkedOne(_ index: Int) throws {
    let matcher = TermLookupTests.matcher
    let scorer = TermLookupTests.scorer
    let linked = scorer.linked(to: matcher.gazetteer)
    func topics(_ scorer: TopicScorer) throws -> [TopicScore] {
      var document = Document(id: "d", text: Self.texts[index])
      try Pipeline([Normalizer(), Tokenizer(), matcher, scorer]).process(&document)
      return document.topics
    }
    let expected = try topics(scorer)
    #expect(!expected.isEmpty)
    #expect(try topics(linked) == expected)
    if index == Self.texts.count - 1 {
      let cues = Set(expected.flatMap(\.evidence).map(\.cue))
      #expect(cues.contains("ATACMS"), "\(cues)")
    }
  }

  @Test func mentionsOfAnotherGazetteerAreLookedUpByID() throws {
    let taxonomy = GazetteerSource(
      path: "taxonomy.tsv",
      text: "id\tparent\tiptc\tlabel\tlabel_bg\nconflict\t\t\tconflict\tконфликти\n")
    let terms = GazetteerSource(
      path: "terms.tsv",
      text: "topic\tweight\tcue\nconflict\t3\tentity:org/nato\nconflict\t1\tlabel:WEAPON\n")
    let scorer = TopicScorer(
      lexicon: TopicLexicon(taxonomy: taxonomy, lexicons: [terms]),
      options: .init(threshold: 0.1))
    let gazetteer = CompiledGazetteer(
      GazetteerLoader.load([
        GazetteerSource(path: "g.tsv", text: "id\tlabel\tname\norg/nato\tORGANIZATION\tНАТО\n")
      ]).entries)
    let linked = scorer.linked(to: gazetteer)
    var document = Document(id: "d", text: "НАТО и ATACMS")
    document.tokens = Tokenizer().tokenize(document.text)
    // Made elsewhere, not by the linked gazetteer: found by id and label all the same.
    document.mentions = [
      Mention(start: 0, end: 8, label: "ORGANIZATION", entityID: "org/nato", name: "НАТО"),
      Mention(start: 11, end: 17, label: "WEAPON", entityID: "weapon/atacms", name: "ATACMS"),
    ]
    linked.process(&document)
    let evidence = try #require(document.topics.first).evidence.map(\.cue)
    #expect(evidence == ["НАТО", "ATACMS"])
  }
}
