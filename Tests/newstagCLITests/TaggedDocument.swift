import Foundation
import Testing

/// One line of `newstag tag` output for a document that was tagged.
struct TaggedDocument: Decodable, Sendable {
  struct Entity: Decodable, Sendable, Equatable {
    var start: Int
    var end: Int
    var text: String
    var label: String
    var id: String
    var name: String
  }

  struct Topic: Decodable, Sendable {
    var id: String
    var label: String
    var iptc: String
    var score: Double
    var evidence: [String]
  }

  var id: String
  var entities: [Entity]?
  var topics: [Topic]?

  /// Parses one output line.
  static func parse(_ line: String) throws -> TaggedDocument {
    try JSONDecoder().decode(TaggedDocument.self, from: Data(line.utf8))
  }

  /// The entities, or none when the entities stage did not run.
  var entityList: [Entity] { entities ?? [] }

  /// True when some entity has this exact text and label.
  func hasEntity(_ text: String, _ label: String) -> Bool {
    entityList.contains { $0.text == text && $0.label == label }
  }

  /// Checks that every entity's offsets are in range of `text` and slice it,
  /// by Unicode code points, to the entity's `text`.
  func expectOffsetsSlice(
    _ text: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let scalars = Array(text.unicodeScalars)
    for entity in entityList {
      try #require(
        0 <= entity.start && entity.start < entity.end && entity.end <= scalars.count,
        "offsets out of range: \(entity)", sourceLocation: sourceLocation)
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: scalars[entity.start..<entity.end])
      #expect(String(slice) == entity.text, "\(entity)", sourceLocation: sourceLocation)
    }
  }
}
