extension CompiledGazetteer {
  /// Identifies the layout below; bump it when anything compiled changes meaning.
  static let serializationVersion: Int64 = 3

  /// The compiled structure as bytes that ``init(serialized:)`` reads back
  /// in the same build of newstag (struct layouts are written as they are).
  func serialized() -> [UInt8] {
    var writer = BinaryWriter()
    writer.write(Self.serializationVersion)
    writer.write(Int64(MemoryLayout<Candidate>.stride))
    writer.write(Int64(MemoryLayout<CaseRule>.stride))
    writer.write(Int64(entities.count))
    for entity in entities {
      writer.write(entity.id)
      writer.write(entity.label)
      writer.write(entity.name)
    }
    terms.write(to: &writer)
    phrases.write(to: &writer)
    writer.write(candidates)
    writer.write(rules)
    writer.write(surfaces)
    writer.write(Int64(phraseCount))
    writer.write(Int64(maximumPhraseLength))
    return writer.bytes
  }

  /// Reads ``serialized()`` output back; throws on anything unexpected.
  convenience init(serialized bytes: [UInt8]) throws(BinaryReader.Malformed) {
    var reader = BinaryReader(bytes)
    guard try reader.read(Int64.self) == Self.serializationVersion,
      try reader.read(Int64.self) == Int64(MemoryLayout<Candidate>.stride),
      try reader.read(Int64.self) == Int64(MemoryLayout<CaseRule>.stride)
    else { throw BinaryReader.Malformed() }
    let entityCount = try reader.readCount()
    var entities: [LinkedEntity] = []
    entities.reserveCapacity(entityCount)
    let serial = Self.newSerial()
    for index in 0..<entityCount {
      entities.append(
        LinkedEntity(
          id: try reader.readString(), label: try reader.readString(),
          name: try reader.readString(),
          gazetteerSerial: serial, index: Int32(index)))
    }
    let terms = try TermTable(reading: &reader)
    let phrases = try PhraseIndex(reading: &reader)
    let candidates: [Candidate] = try reader.readArray()
    let rules: [CaseRule] = try reader.readArray()
    let surfaces: [UInt8] = try reader.readArray()
    let phraseCount = try reader.read(Int64.self)
    let maximumPhraseLength = try reader.read(Int64.self)
    guard reader.isAtEnd, candidates.allSatisfy({ Int($0.entity) < entities.count })
    else { throw BinaryReader.Malformed() }
    self.init(
      serial: serial, entities: entities, terms: terms, phrases: phrases, candidates: candidates,
      rules: rules,
      surfaces: surfaces, phraseCount: Int(phraseCount),
      maximumPhraseLength: Int(maximumPhraseLength))
  }
}
