/// The ordered stages a document passes through.
///
/// ```
/// Document ─▶ Normalizer ─▶ Tokenizer ─▶ (TermLookup) ─▶ EntityMatcher ─▶ TopicScorer ─▶ Document
///             matching form  tokens+keys   term ids        mentions         topics
/// ```
/// Any prefix or subset works as long as each stage's requirements are
/// produced earlier; construction checks that. ``TermLookup/shared(by:)``
/// adds the lookup when two stages match terms.
public struct Pipeline: Sendable {
  public let stages: [any Stage]

  public init(_ stages: [any Stage]) throws(PipelineError) {
    var available: Set<Artifact> = []
    for stage in stages {
      let missing = stage.requires.subtracting(available)
      if !missing.isEmpty {
        throw PipelineError.unmetRequirement(
          stage: stage.name, missing: missing.map(\.rawValue).sorted())
      }
      available.formUnion(stage.produces)
    }
    self.stages = stages
  }

  /// Runs every stage on `document`, adding each stage's elapsed seconds to
  /// `stageSeconds` (indexed like `stages`), for `newstag tag --profile`.
  public func process(_ document: inout Document, stageSeconds: inout [Double])
    throws(PipelineError)
  {
    let clock = ContinuousClock()
    for (index, stage) in stages.enumerated() {
      let start = clock.now
      try Self.run(stage, on: &document)
      stageSeconds[index] += (clock.now - start).seconds
    }
  }

  /// Runs every stage on `document`; an error names the stage and the document.
  public func process(_ document: inout Document) throws(PipelineError) {
    for stage in stages { try Self.run(stage, on: &document) }
  }

  private static func run(_ stage: any Stage, on document: inout Document) throws(PipelineError) {
    do {
      try stage.process(&document)
    } catch {
      throw PipelineError.stageFailed(
        stage: stage.name, documentID: document.id, reason: "\(error)")
    }
  }
}

public enum PipelineError: Error, Equatable, CustomStringConvertible {
  case unmetRequirement(stage: String, missing: [String])
  case stageFailed(stage: String, documentID: String, reason: String)

  public var description: String {
    switch self {
    case .unmetRequirement(let stage, let missing):
      "stage '\(stage)' needs \(missing.joined(separator: ", ")), which no earlier stage produces"
    case .stageFailed(let stage, let documentID, let reason):
      "stage '\(stage)' failed on document '\(documentID)': \(reason)"
    }
  }
}

extension Duration {
  /// The duration in seconds, as a floating-point number.
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }
}
