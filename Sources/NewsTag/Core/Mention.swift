/// An entity mentions link to: one object per gazetteer entity, shared by
/// all its mentions, so a mention holds one reference rather than three
/// strings, and the entity's output fields are escaped once, not per mention.
public final class LinkedEntity: Sendable {
  /// The entity's stable id, such as `person/volodymyr-zelensky`.
  public let id: String
  public let label: String
  /// The entity's canonical name, in dictionary form.
  public let name: String
  /// The fields every mention of the entity repeats in the output, as JSON.
  let renderedFields: [UInt8]
  /// The ``CompiledGazetteer/serial`` of the gazetteer that made the entity
  /// (0 for none), and the entity's index in it: stages linked to that
  /// gazetteer look per-entity data up by index rather than by id string.
  let gazetteerSerial: UInt64
  let index: Int32

  public convenience init(id: String, label: String, name: String) {
    self.init(id: id, label: label, name: name, gazetteerSerial: 0, index: -1)
  }

  init(id: String, label: String, name: String, gazetteerSerial: UInt64, index: Int32) {
    self.id = id
    self.label = label
    self.name = name
    self.renderedFields = DocumentRenderer.entityFields(id: id, label: label, name: name)
    self.gazetteerSerial = gazetteerSerial
    self.index = index
  }
}

/// A span of the original text linked to a gazetteer entity.
public struct Mention: Sendable, Equatable {
  /// Start byte offset into the document's original UTF-8 text.
  public var start: Int
  /// End byte offset (exclusive) into the document's original UTF-8 text.
  public var end: Int
  public var entity: LinkedEntity

  public var label: String { entity.label }
  /// The entity's stable id, such as `person/volodymyr-zelensky`.
  public var entityID: String { entity.id }
  /// The entity's canonical name, in dictionary form.
  public var name: String { entity.name }

  public init(start: Int, end: Int, entity: LinkedEntity) {
    self.start = start
    self.end = end
    self.entity = entity
  }

  public init(start: Int, end: Int, label: String, entityID: String, name: String) {
    self.init(start: start, end: end, entity: LinkedEntity(id: entityID, label: label, name: name))
  }

  public static func == (a: Mention, b: Mention) -> Bool {
    a.start == b.start && a.end == b.end
      && (a.entity === b.entity
        || (a.entityID == b.entityID && a.label == b.label && a.name == b.name))
  }
}

/// A topic the document is about, with the evidence that supports it.
public struct TopicScore: Sendable, Equatable {
  public struct Evidence: Sendable, Equatable {
    /// The matched term (dictionary form) or cue (entity id or `label:WEAPON`).
    public var cue: String
    public var count: Int
    /// What this cue added to the topic's raw score.
    public var contribution: Double

    public init(cue: String, count: Int, contribution: Double) {
      self.cue = cue
      self.count = count
      self.contribution = contribution
    }
  }

  public var id: String
  public var label: String
  /// IPTC Media Topic code, such as `medtop:16000000`; empty when none applies.
  public var iptc: String
  /// The parent topic's id, which this topic implies; empty for a top-level subject.
  public var parent: String
  /// Calibrated to 0...1.
  public var score: Double
  public var evidence: [Evidence]

  public init(
    id: String, label: String, iptc: String, parent: String = "", score: Double,
    evidence: [Evidence]
  ) {
    self.id = id
    self.label = label
    self.iptc = iptc
    self.parent = parent
    self.score = score
    self.evidence = evidence
  }
}
