extension TopicModel {
  /// Identifies the layout below; bump it when anything compiled changes meaning.
  static let serializationVersion: Int64 = 2

  /// The compiled model as bytes that ``init(serialized:)`` reads back in
  /// the same build of newstag.
  func serialized() -> [UInt8] {
    var writer = BinaryWriter()
    writer.write(Self.serializationVersion)
    writer.write(Int64(topics.count))
    for topic in topics {
      for field in [topic.id, topic.parent, topic.iptc, topic.label, topic.bulgarianLabel] {
        writer.write(field)
      }
    }
    terms.write(to: &writer)
    phrases.write(to: &writer)
    writer.write(cueTopic.map(Int64.init))
    writer.write(cueWeight)
    writer.write(Int64(cueName.count))
    for name in cueName { writer.write(name) }
    for index in [entityCues, labelCues] {
      index.keys.write(to: &writer)
      writer.write(Int64(index.cues.count))
      for cues in index.cues { writer.write(cues.map(Int64.init)) }
    }
    return writer.bytes
  }

  /// Reads ``serialized()`` output back; throws on anything unexpected.
  convenience init(serialized bytes: [UInt8]) throws(BinaryReader.Malformed) {
    var reader = BinaryReader(bytes)
    guard try reader.read(Int64.self) == Self.serializationVersion else {
      throw BinaryReader.Malformed()
    }
    var topics: [Topic] = []
    for _ in 0..<(try reader.readCount()) {
      topics.append(
        Topic(
          id: try reader.readString(), parent: try reader.readString(),
          iptc: try reader.readString(), label: try reader.readString(),
          bulgarianLabel: try reader.readString()))
    }
    let terms = try TermTable(reading: &reader)
    let phrases = try PhraseIndex(reading: &reader)
    let cueTopic = try reader.readArray(Int64.self).map { Int($0) }
    let cueWeight: [Double] = try reader.readArray()
    var cueName: [String] = []
    for _ in 0..<(try reader.readCount()) { cueName.append(try reader.readString()) }
    var indexes: [CueIndex] = []
    for _ in 0..<2 {
      let keys = try TermTable(reading: &reader)
      var cues: [[Int]] = []
      for _ in 0..<(try reader.readCount()) {
        cues.append(try reader.readArray(Int64.self).map { Int($0) })
      }
      guard cues.count == keys.count else { throw BinaryReader.Malformed() }
      indexes.append(CueIndex(keys: keys, cues: cues))
    }
    let cueCount = cueWeight.count
    guard reader.isAtEnd, Self.ancestorsEnd(Self.parentIndex(topics)),
      cueTopic.count == cueCount, cueName.count == cueCount,
      cueTopic.allSatisfy({ $0 >= 0 && $0 < topics.count }),
      phrases.payloads.allSatisfy({ $0 >= 0 && Int($0) < cueCount }),
      indexes.allSatisfy({ $0.cues.joined().allSatisfy { $0 >= 0 && $0 < cueCount } })
    else { throw BinaryReader.Malformed() }
    self.init(
      topics: topics, terms: terms, phrases: phrases, cueTopic: cueTopic, cueWeight: cueWeight,
      cueName: cueName, entityCues: indexes[0], labelCues: indexes[1])
  }

  /// Whether every topic's chain of parents ends (a damaged file could make a loop).
  private static func ancestorsEnd(_ parentIndex: [Int?]) -> Bool {
    parentIndex.indices.allSatisfy { topic in
      var ancestor = parentIndex[topic]
      for _ in 0...parentIndex.count {
        guard let parent = ancestor else { return true }
        ancestor = parentIndex[parent]
      }
      return false
    }
  }
}
