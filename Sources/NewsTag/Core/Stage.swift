/// What a stage adds to a ``Document``; pipelines check that each stage's
/// requirements are produced by a stage before it.
public enum Artifact: String, Sendable, CaseIterable, Hashable {
  case normalizedText
  case tokens
  /// Token ids in the term tables of later stages, found by one probe per token.
  case termIDs
  case mentions
  case topics
}

/// One step of the pipeline: a value that transforms a document.
///
/// Resources are loaded before a stage exists; `process` does no I/O and
/// keeps no mutable state, so one stage value is shared by all worker threads.
public protocol Stage: Sendable {
  var name: String { get }
  var requires: Set<Artifact> { get }
  var produces: Set<Artifact> { get }
  func process(_ document: inout Document) throws
}
