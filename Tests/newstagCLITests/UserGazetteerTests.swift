import Foundation
import Testing

/// A user's own gazetteer folder, on top of the defaults or instead of them.
@Suite("User gazetteers")
struct UserGazetteerTests {
  static let text = "Иван Тестов посети Украйна. Според Тестов преговорите продължават."

  static func makeGazetteer(in folder: TemporaryDirectory) throws -> String {
    let path = try folder.makeFolder("mine")
    try folder.write(
      "id\tlabel\tname\taliases\nperson/test-person\tPERSON\tИван Тестов\tТестов\n",
      to: "mine/people.tsv")
    return path
  }

  static func tag(_ arguments: [String]) throws -> TaggedDocument {
    let input = #"{"id":"user","text":"\#(text)"}"# + "\n"
    let result = try NewstagProcess.run(["tag"] + arguments, standardInput: Data(input.utf8))
    #expect(result.succeeded, "stderr: \(result.errorOutput)")
    return try TaggedDocument.parse(try #require(result.outputLines.first))
  }

  @Test func addsToTheDefaults() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let document = try Self.tag(["--gazetteers", try Self.makeGazetteer(in: folder)])
    let people = document.entityList.filter { $0.id == "person/test-person" }
    #expect(people.map(\.text) == ["Иван Тестов", "Тестов"])
    #expect(people.allSatisfy { $0.label == "PERSON" && $0.name == "Иван Тестов" })
    #expect(document.hasEntity("Украйна", "COUNTRY"))
    #expect(document.topics != nil)
  }

  /// Without the defaults there is no topic taxonomy either, so the entity stages alone run.
  @Test func replacesTheDefaults() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let document = try Self.tag([
      "--no-default-gazetteers", "--gazetteers", try Self.makeGazetteer(in: folder),
      "--stages", "normalize,tokenize,entities",
    ])
    #expect(document.entityList.map(\.text) == ["Иван Тестов", "Тестов"])
    #expect(!document.hasEntity("Украйна", "COUNTRY"))
  }
}
