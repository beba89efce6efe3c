extension TermTable {
  /// Writes the table's stored parts for ``init(reading:)``.
  func write(to writer: inout BinaryWriter) {
    writer.write(Int64(MemoryLayout<Slot>.stride))
    writer.write(arena)
    writer.write(offsets)
    writer.write(hashes)
    writer.write(slots)
  }

  /// Reads what ``write(to:)`` wrote; throws on anything inconsistent.
  init(reading reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    guard try reader.read(Int64.self) == Int64(MemoryLayout<Slot>.stride) else {
      throw BinaryReader.Malformed()
    }
    let arena: [UInt8] = try reader.readArray()
    let offsets: [Int32] = try reader.readArray()
    let hashes: [UInt64] = try reader.readArray()
    let slots: [Slot] = try reader.readArray()
    guard slots.count.nonzeroBitCount == 1, offsets.count == hashes.count + 1,
      offsets.first == 0, offsets.last.map({ Int($0) == arena.count }) ?? false
    else { throw BinaryReader.Malformed() }
    self.init(arena: arena, offsets: offsets, hashes: hashes, slots: slots)
  }
}

extension PhraseIndex {
  /// Writes the index's stored parts for ``init(reading:)``.
  func write(to writer: inout BinaryWriter) {
    writer.write(edgeKeys)
    writer.write(edgeChildren)
    writer.write(payloadOffsets)
    writer.write(payloads)
  }

  /// Reads what ``write(to:)`` wrote; throws on anything inconsistent.
  init(reading reader: inout BinaryReader) throws(BinaryReader.Malformed) {
    let edgeKeys: [UInt64] = try reader.readArray()
    let edgeChildren: [Int32] = try reader.readArray()
    let payloadOffsets: [Int32] = try reader.readArray()
    let payloads: [Int32] = try reader.readArray()
    guard edgeChildren.count.nonzeroBitCount == 1, edgeKeys.count == edgeChildren.count,
      !payloadOffsets.isEmpty
    else { throw BinaryReader.Malformed() }
    self.init(
      edgeKeys: edgeKeys, edgeChildren: edgeChildren, payloadOffsets: payloadOffsets,
      payloads: payloads)
  }
}
