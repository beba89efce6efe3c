/// A span of the original text linked to a gazetteer entity.
public struct Mention: Sendable, Equatable {
  /// Start byte offset into the document's original UTF-8 text.
  public var start: Int
  /// End byte offset (exclusive) into the document's original UTF-8 text.
  public var end: Int
  public var label: String
  /// The entity's stable id, such as `person/volodymyr-zelensky`.
  public var entityID: String
  /// The entity's canonical name, in dictionary form.
  public var name: String

  public init(start: Int, end: Int, label: String, entityID: String, name: String) {
    self.start = start
    self.end = end
    self.label = label
    self.entityID = entityID
    self.name = name
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
