/// One news document as it flows through the pipeline.
///
/// The original `text` is never altered. Everything the stages add refers to
/// it by offsets:
/// - `normalized` is the matching form of the text (see ``NormalizedText``);
/// - `tokens` are sorted, non-overlapping byte ranges of `normalized`;
/// - `mentions` are sorted by start, non-overlapping, and their byte offsets
///   fall on scalar boundaries of `text`;
/// - `topics` have distinct ids and scores in 0...1, grouped by family (a
///   top-level subject and its descendants), the most specific first.
public struct Document: Sendable {
  /// The document's identifier: the input's id field, or a file path.
  public var id: String
  /// The original text, exactly as read.
  public var text: String
  /// The input's other JSON members, in input order, as raw JSON, passed through untouched.
  public var passthrough: [PassthroughField]

  public var normalized: NormalizedText?
  public var tokens: TokenList?
  /// The tokens' ids in the term tables of later stages, when a ``TermLookup`` ran.
  public var termIDs: [TokenTermIDs]
  public var mentions: [Mention]
  public var topics: [TopicScore]

  public init(id: String, text: String, passthrough: [PassthroughField] = []) {
    self.id = id
    self.text = text
    self.passthrough = passthrough
    self.normalized = nil
    self.tokens = nil
    self.termIDs = []
    self.mentions = []
    self.topics = []
  }

  /// The text stages match against: the normalised form when a `Normalizer` ran, else the original.
  public var matchText: NormalizedText {
    normalized ?? NormalizedText(unchanged: text)
  }
}

/// One member of an input JSON object that newstag does not interpret.
public struct PassthroughField: Sendable, Equatable {
  /// The member's key, decoded.
  public var key: String
  /// The member's value as it appeared in the input: valid JSON text.
  public var rawJSONValue: String

  public init(key: String, rawJSONValue: String) {
    self.key = key
    self.rawJSONValue = rawJSONValue
  }
}
