import FoundationEssentials
import Testing

@testable import NewsTag

@Suite struct GazetteerCacheTests {
  static let sources = [
    GazetteerSource(
      path: "g.tsv",
      text: "id\tlabel\tname\taliases\norg/congress\tORGANIZATION\tКонгрес на САЩ\t\n"
        + "country/us\tCOUNTRY\tСъединени щати\tСАЩ\n")
  ]
  static let text = "Конгресът на САЩ и Съединените щати, но не сащ."

  func mentions(_ gazetteer: CompiledGazetteer) throws -> [Mention] {
    var document = Document(id: "d", text: Self.text)
    try Pipeline([Normalizer(), Tokenizer(), EntityMatcher(gazetteer: gazetteer)]).process(
      &document)
    return document.mentions
  }

  @Test func serializedGazetteerMatchesLikeTheOriginal() throws {
    let compiled = CompiledGazetteer(GazetteerLoader.load(Self.sources).entries)
    let restored = try CompiledGazetteer(serialized: compiled.serialized())
    #expect(try mentions(restored) == mentions(compiled))
    #expect(try mentions(restored).map(\.entityID) == ["org/congress", "country/us"])
    #expect(restored.phraseCount == compiled.phraseCount)
  }

  @Test func damagedBytesAreRejectedNotTrusted() {
    let bytes = CompiledGazetteer(GazetteerLoader.load(Self.sources).entries).serialized()
    #expect(throws: (any Error).self) {
      try CompiledGazetteer(serialized: Array(bytes.dropLast(9)))
    }
    #expect(throws: (any Error).self) { try CompiledGazetteer(serialized: [1, 2, 3]) }
    // An entity count past the end of the file (after the version and two strides).
    var huge = bytes
    withUnsafeBytes(of: Int64.max) { huge.replaceSubrange(24..<32, with: $0) }
    #expect(throws: (any Error).self) { try CompiledGazetteer(serialized: huge) }
  }

  @Test func storesAndFindsByContent() throws {
    let directory =
      FileManager.default.temporaryDirectory.path
      + "/newstag-cache-\(UInt64.random(in: 0...UInt64.max))"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let cache = GazetteerCache(directory: directory)
    let key = cache.key(for: Self.sources)
    #expect(cache.load(key: key) == nil)
    cache.store(CompiledGazetteer(GazetteerLoader.load(Self.sources).entries), key: key)
    let cached = try #require(cache.load(key: key))
    #expect(try mentions(cached).count == 2)
    var edited = Self.sources
    edited[0].text += "x\tPERSON\tИме\t\n"
    #expect(cache.key(for: edited) != key)
  }

  static let taxonomy = GazetteerSource(
    path: "taxonomy.tsv",
    text: """
      id\tparent\tiptc\tlabel\tlabel_bg
      conflict\t\tmedtop:16000000\tconflict, war and peace\tконфликти
      military-aid\tconflict\tmedtop:16000000\tmilitary aid\tвоенна помощ
      """)
  static let terms = GazetteerSource(
    path: "terms.tsv",
    text: """
      topic\tweight\tcue\tforms\tpos
      conflict\t1.5\tвойна\tвойни\t
      military-aid\t2\tвоенна помощ\t\t
      military-aid\t1\tlabel:WEAPON\t\t
      military-aid\t1\tentity:org/congress\t\t
      conflict\t0.5\tнапрегнат\t\tadj
      """)

  func topics(_ model: TopicModel) throws -> [TopicScore] {
    var document = Document(
      id: "d", text: "Войната и военната помощ: напрегнатата война. " + Self.text)
    let gazetteer = CompiledGazetteer(GazetteerLoader.load(Self.sources).entries)
    try Pipeline([
      Normalizer(), Tokenizer(), EntityMatcher(gazetteer: gazetteer),
      TopicScorer(model: model, options: .init(maximumTopics: 3, threshold: 0.01)),
    ]).process(&document)
    return document.topics
  }

  @Test func serializedTopicModelScoresLikeTheOriginal() throws {
    let lexicon = TopicLexicon(taxonomy: Self.taxonomy, lexicons: [Self.terms])
    #expect(lexicon.diagnostics.isEmpty)
    let model = TopicModel(lexicon)
    let restored = try TopicModel(serialized: model.serialized())
    let original = try topics(model)
    #expect(try topics(restored) == original)
    #expect(original.map(\.id) == ["military-aid"])
    #expect(
      Set(original[0].evidence.map(\.cue)) == ["военна помощ", "Конгрес на САЩ"])
    // The parent, cut from the output, scored on its terms and their generated forms.
    var unlimited = try Pipeline([Normalizer(), Tokenizer()]).stages
    unlimited.append(
      TopicScorer(model: restored, options: .init(maximumTopics: 1, threshold: 0.01)))
    var document = Document(id: "d", text: "Войната и войните: напрегнатата война.")
    try Pipeline(unlimited).process(&document)
    #expect(document.topics.map(\.id) == ["conflict"])
    #expect(document.topics.first?.evidence.map(\.cue) == ["война", "напрегнат"])
    #expect(restored.serialized() == model.serialized())
    let bytes = model.serialized()
    #expect(throws: (any Error).self) { try TopicModel(serialized: Array(bytes.dropLast(5))) }
    #expect(throws: (any Error).self) { try TopicModel(serialized: [1, 0, 0, 0, 0, 0, 0, 0, 9]) }
  }

  @Test func keepsTopicModelsBesideGazetteers() throws {
    let directory =
      FileManager.default.temporaryDirectory.path
      + "/newstag-cache-\(UInt64.random(in: 0...UInt64.max))"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let cache = GazetteerCache(directory: directory)
    let key = cache.key(for: [Self.taxonomy, Self.terms])
    #expect(cache.loadTopicModel(key: key) == nil)
    cache.store(TopicModel(TopicLexicon(taxonomy: Self.taxonomy, lexicons: [Self.terms])), key: key)
    let cached = try #require(cache.loadTopicModel(key: key))
    #expect(try topics(cached).map(\.id) == ["military-aid"])
    // A gazetteer under the same key is another file.
    #expect(cache.load(key: key) == nil)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["topics-\(key).bin"])
  }
}
