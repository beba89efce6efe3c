import Foundation
import Testing

/// An entity the example article must yield.
struct ExpectedEntity: Sendable, CustomTestStringConvertible {
  var text: String
  var label: String

  init(_ text: String, _ label: String) {
    self.text = text
    self.label = label
  }

  var testDescription: String { "\(text) → \(label)" }
}

/// `newstag tag examples/seed-bg-news.txt` with the default gazetteers.
@Suite("Example article with the default gazetteers")
struct ExampleArticleTests {
  /// The example tagged once, shared by the tests of this suite.
  struct Run: Sendable {
    var result: ProcessResult
    var text: String
    var document: TaggedDocument
  }

  static let run: Result<Run, any Error> = Result {
    let result = try NewstagProcess.run(
      ["tag", PackagePaths.exampleRelativePath], workingDirectory: PackagePaths.root)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.example))
    let line = result.outputLines.first ?? ""
    return Run(
      result: result, text: String(decoding: bytes, as: UTF8.self),
      document: try TaggedDocument.parse(line))
  }

  static let expectedEntities: [ExpectedEntity] = [
    ExpectedEntity("Володимир Зеленски", "PERSON"),
    ExpectedEntity("Зеленски", "PERSON"),
    ExpectedEntity("Джо Байдън", "PERSON"),
    ExpectedEntity("Нетаняху", "PERSON"),
    ExpectedEntity("Тръмп", "PERSON"),
    ExpectedEntity("Путин", "PERSON"),
    ExpectedEntity("САЩ", "COUNTRY"),
    ExpectedEntity("Съединените щати", "COUNTRY"),
    ExpectedEntity("Украйна", "COUNTRY"),
    ExpectedEntity("Великобритания", "COUNTRY"),
    ExpectedEntity("Франция", "COUNTRY"),
    ExpectedEntity("Германия", "COUNTRY"),
    ExpectedEntity("Израел", "COUNTRY"),
    ExpectedEntity("Иран", "COUNTRY"),
    ExpectedEntity("Руската федерация", "COUNTRY"),
    ExpectedEntity("Беларус", "COUNTRY"),
    ExpectedEntity("Киев", "LOCATION"),
    ExpectedEntity("Москва", "LOCATION"),
    ExpectedEntity("НАТО", "ORGANIZATION"),
    ExpectedEntity("АФП", "ORGANIZATION"),
    ExpectedEntity("БГНЕС", "ORGANIZATION"),
    ExpectedEntity("Конгресът на САЩ", "ORGANIZATION"),
    ExpectedEntity("ATACMS", "WEAPON"),
  ]

  @Test func outputIsOneJSONLineWhoseIDIsThePath() throws {
    let run = try Self.run.get()
    #expect(run.result.succeeded, "stderr: \(run.result.errorOutput)")
    #expect(run.result.outputLines.count == 1)
    #expect(run.result.output.hasSuffix("}\n"))
    #expect(run.document.id == PackagePaths.exampleRelativePath)
    #expect(run.result.errorLines == ["newstag: 1 document(s) tagged, 0 error record(s)"])
  }

  @Test(arguments: expectedEntities)
  func findsEntity(_ expected: ExpectedEntity) throws {
    let document = try Self.run.get().document
    #expect(
      document.hasEntity(expected.text, expected.label),
      "found: \(document.entityList.filter { $0.text == expected.text })")
  }

  @Test func fullAndShortNameOfZelenskyShareOneID() throws {
    let entities = try Self.run.get().document.entityList
    let full = try #require(entities.first { $0.text == "Володимир Зеленски" })
    let short = try #require(entities.first { $0.text == "Зеленски" })
    #expect(full.label == "PERSON" && short.label == "PERSON")
    #expect(full.id == short.id)
  }

  @Test(arguments: ["Коментари", "Сподели", "Февруари", "Подписаните"])
  func doesNotTagCommonWord(_ word: String) throws {
    let entities = try Self.run.get().document.entityList
    #expect(!entities.contains { $0.text == word })
  }

  @Test func everyOffsetPairSlicesTheOriginalTextByCodePoints() throws {
    let run = try Self.run.get()
    #expect(!run.document.entityList.isEmpty)
    try run.document.expectOffsetsSlice(run.text)
  }

  @Test func entitiesAreSortedAndDisjoint() throws {
    let entities = try Self.run.get().document.entityList
    for (previous, next) in zip(entities, entities.dropFirst()) {
      #expect(previous.end <= next.start, "\(previous) overlaps or follows \(next)")
    }
  }

  @Test func topicsAreWellFormed() throws {
    let topics = try #require(try Self.run.get().document.topics)
    #expect(!topics.isEmpty)
    for topic in topics {
      #expect(!topic.id.isEmpty && !topic.label.isEmpty)
      #expect(topic.iptc.hasPrefix("medtop:"), "\(topic.id): \(topic.iptc)")
      #expect((0...1).contains(topic.score), "\(topic.id): \(topic.score)")
      #expect(!topic.evidence.isEmpty, "\(topic.id) has no evidence")
    }
  }

  /// Conflict may come as one of its finer topics (security-defence,
  /// war-in-ukraine, ...), which carry the conflict subject's IPTC code.
  @Test func topTopicsIncludeConflictAndDiplomacy() throws {
    let topics = try #require(try Self.run.get().document.topics)
    #expect(topics.contains { $0.id == "diplomacy" }, "topics: \(topics.map(\.id))")
    #expect(topics.contains { $0.iptc == "medtop:16000000" }, "topics: \(topics.map(\.id))")
  }
}
