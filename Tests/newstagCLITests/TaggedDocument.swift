import Foundation

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
}
