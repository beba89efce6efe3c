/// A document's id and the entity mentions a gold or prediction file gives for it.
public struct AnnotatedDocument: Sendable, Equatable {
  public var id: String
  public var spans: [AnnotatedSpan]

  public init(id: String, spans: [AnnotatedSpan]) {
    self.id = id
    self.spans = spans
  }
}
