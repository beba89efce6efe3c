/// Writes a processed ``Document`` as one JSON object (newstag's output schema).
///
/// ```json
/// {"id": "doc-1", "...input fields...": "...",
///  "entities": [{"start": 57, "end": 65, "text": "Зеленски", "label": "PERSON",
///                "id": "person/volodymyr-zelensky", "name": "Володимир Зеленски"}],
///  "topics": [{"id": "war-in-ukraine", "label": "...", "iptc": "medtop:16000000",
///              "parent": "conflict", "score": 0.87, "evidence": ["инвазия", "ATACMS"]}]}
/// ```
/// Offsets are Unicode code points into the original text, end exclusive.
/// `entities` and `topics` appear when their stage ran. With `explainTopics`,
/// evidence items are objects with the cue, its count and its contribution.
public struct DocumentRenderer: Sendable {
  public var includeEntities: Bool
  public var includeTopics: Bool
  public var explainTopics: Bool

  public init(includeEntities: Bool = true, includeTopics: Bool = true, explainTopics: Bool = false)
  {
    self.includeEntities = includeEntities
    self.includeTopics = includeTopics
    self.explainTopics = explainTopics
  }

  /// Appends the document's JSON object (without a newline).
  public func render(_ document: Document, into writer: inout JSONWriter) {
    writer.appendRaw("{\"id\":")
    writer.appendString(document.id)
    for field in document.passthrough {
      writer.appendRaw(",")
      writer.appendString(field.key)
      writer.appendRaw(":")
      writer.appendRaw(string: field.rawJSONValue)
    }
    if includeEntities { renderEntities(document, into: &writer) }
    if includeTopics { renderTopics(document.topics, into: &writer) }
    writer.appendRaw("}")
  }

  /// An entity's fields after the mention's own, through the closing brace:
  /// `,"label":…,"id":…,"name":…}`. The same for all the entity's mentions,
  /// so ``LinkedEntity`` keeps them.
  static func entityFields(id: String, label: String, name: String) -> [UInt8] {
    // Room for the keys and quotes, and for strings that need no escapes.
    var writer = JSONWriter(capacity: id.utf8.count + label.utf8.count + name.utf8.count + 40)
    writer.appendRaw(#","label":"#)
    writer.appendString(label)
    writer.appendRaw(#","id":"#)
    writer.appendString(id)
    writer.appendRaw(#","name":"#)
    writer.appendString(name)
    writer.appendRaw(UInt8(ascii: "}"))
    return writer.bytes
  }

  private func renderEntities(_ document: Document, into writer: inout JSONWriter) {
    writer.appendRaw(",\"entities\":[")
    document.text.withUTF8Bytes { bytes in
      // Mentions are sorted and disjoint, so code points are counted in one pass;
      // counting restarts only if that invariant were broken.
      var byteOffset = 0
      var scalarOffset = 0
      func scalars(upTo target: Int) -> Int {
        if target < byteOffset {
          byteOffset = 0
          scalarOffset = 0
        }
        // Eight bytes at a time: a scalar starts at every byte that is not a
        // continuation byte (10xxxxxx).
        if let base = bytes.baseAddress {
          let raw = UnsafeRawPointer(base)
          while byteOffset + 8 <= target {
            let word = raw.loadUnaligned(fromByteOffset: byteOffset, as: UInt64.self)
            let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
            scalarOffset += 8 - continuation.nonzeroBitCount
            byteOffset += 8
          }
        }
        while byteOffset < target {
          if bytes[byteOffset] & 0xC0 != 0x80 { scalarOffset += 1 }
          byteOffset += 1
        }
        return scalarOffset
      }
      for (index, mention) in document.mentions.enumerated() {
        writer.appendRaw(index > 0 ? #",{"start":"# : #"{"start":"#)
        writer.appendInt(scalars(upTo: mention.start))
        writer.appendRaw(#","end":"#)
        writer.appendInt(scalars(upTo: mention.end))
        writer.appendRaw(#","text":"#)
        writer.appendString(utf8: UnsafeBufferPointer(rebasing: bytes[mention.start..<mention.end]))
        mention.entity.renderedFields.withUnsafeBufferPointer { writer.appendRaw(bytes: $0) }
      }
    }
    writer.appendRaw("]")
  }

  private func renderTopics(_ topics: [TopicScore], into writer: inout JSONWriter) {
    writer.appendRaw(",\"topics\":[")
    for (index, topic) in topics.enumerated() {
      if index > 0 { writer.appendRaw(",") }
      writer.appendRaw("{\"id\":")
      writer.appendString(topic.id)
      writer.appendRaw(",\"label\":")
      writer.appendString(topic.label)
      writer.appendRaw(",\"iptc\":")
      writer.appendString(topic.iptc)
      writer.appendRaw(",\"parent\":")
      writer.appendString(topic.parent)
      writer.appendRaw(",\"score\":")
      writer.appendDouble(topic.score, fractionDigits: 3)
      writer.appendRaw(",\"evidence\":[")
      for (position, item) in topic.evidence.enumerated() {
        if position > 0 { writer.appendRaw(",") }
        if explainTopics {
          writer.appendRaw("{\"cue\":")
          writer.appendString(item.cue)
          writer.appendRaw(",\"count\":")
          writer.appendInt(item.count)
          writer.appendRaw(",\"contribution\":")
          writer.appendDouble(item.contribution, fractionDigits: 3)
          writer.appendRaw("}")
        } else {
          writer.appendString(item.cue)
        }
      }
      writer.appendRaw("]}")
    }
    writer.appendRaw("]")
  }

  /// Appends an error record: `{"id": ..., "source": ..., "line": N, "error": "..."}`.
  public static func renderError(
    id: String?, source: String?, line: Int?, message: String, into writer: inout JSONWriter
  ) {
    writer.appendRaw("{")
    var first = true
    func key(_ name: StaticString) {
      writer.appendRaw(first ? "\"" : ",\"")
      writer.appendRaw(name)
      writer.appendRaw("\":")
      first = false
    }
    if let id {
      key("id")
      writer.appendString(id)
    }
    if let source {
      key("source")
      writer.appendString(source)
    }
    if let line {
      key("line")
      writer.appendInt(line)
    }
    key("error")
    writer.appendString(message)
    writer.appendRaw("}")
  }
}
