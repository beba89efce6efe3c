/// One entity mention as read from a gold or prediction file.
///
/// Offsets count Unicode code points of the document text; `end` is
/// exclusive. Only `start`, `end` and `label` take part in scoring: `text`
/// names the mention in error listings, and `eid` (gold only) lets
/// ``SpanEvaluation`` recognise demonyms.
public struct AnnotatedSpan: Sendable, Hashable, Codable {
  public var start: Int
  public var end: Int
  public var label: String
  /// The covered text, as the file gives it.
  public var text: String?
  /// The gold entity id, such as `PER-Donald-Trump` or `GPE-Pakistan`.
  public var eid: String?

  public init(start: Int, end: Int, label: String, text: String? = nil, eid: String? = nil) {
    self.start = start
    self.end = end
    self.label = label
    self.text = text
    self.eid = eid
  }

  /// Whether the two spans share at least one code point.
  public func overlaps(_ other: AnnotatedSpan) -> Bool {
    start < other.end && other.start < end
  }
}
