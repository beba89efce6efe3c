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
}
