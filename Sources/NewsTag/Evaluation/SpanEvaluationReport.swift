/// What ``SpanEvaluation`` found: scores per label and overall, and what was left out.
///
/// Render it with ``formattedAsText()`` or ``formattedAsJSON()``.
public struct SpanEvaluationReport: Sendable, Equatable {
  /// Counts per label and summed over all labels (micro average), for one matching rule.
  public struct Scores: Sendable, Equatable {
    public var byLabel: [String: SpanCounts]
    public var micro: SpanCounts

    public init(byLabel: [String: SpanCounts] = [:], micro: SpanCounts = SpanCounts()) {
      self.byLabel = byLabel
      self.micro = micro
    }

    /// The counts for `label`; zeros when it never occurred.
    public subscript(label: String) -> SpanCounts {
      byLabel[label] ?? SpanCounts()
    }
  }

  /// How often one (label, text) pair was wrongly predicted or missed.
  public struct ErrorTally: Sendable, Equatable {
    public var count: Int
    public var label: String
    public var text: String

    public init(count: Int, label: String, text: String) {
      self.count = count
      self.label = label
      self.text = text
    }
  }

  /// The labels scored, sorted: the `--labels` restriction, or every label seen on either side.
  public var labels: [String] = []
  /// A prediction counts iff a gold mention has the same start, end and label.
  public var strict = Scores()
  /// A prediction counts iff it shares a code point with a gold mention of its label.
  public var overlap = Scores()

  public var goldDocumentCount = 0
  /// Prediction lines that are documents (not error records).
  public var predictedDocumentCount = 0
  /// Prediction lines that are error records; their documents count as having no mentions.
  public var errorRecordCount = 0
  /// Gold documents without a prediction line, in gold order; all their mentions are misses.
  public var missingDocumentIDs: [String] = []
  /// Prediction ids absent from the gold, in prediction order; they are not scored.
  public var unknownDocumentIDs: [String] = []

  /// Gold mentions scored, after demonym removal and label restriction.
  public var goldMentionCount = 0
  /// Predicted mentions scored, after label mapping, demonym removal and label restriction.
  public var predictedMentionCount = 0
  /// Gold mentions removed as demonyms.
  public var removedGoldDemonymCount = 0
  /// Predicted mentions removed because they overlap a removed gold demonym.
  public var removedPredictedDemonymCount = 0
  /// Predicted mentions dropped because the label map does not cover their label.
  public var droppedUnmappedCount = 0
  /// Scored predicted labels that no gold mention has, sorted: often a missing label map.
  public var predictedLabelsAbsentFromGold: [String] = []

  /// The most frequent strict false positives, by descending count.
  public var falsePositives: [ErrorTally] = []
  /// The most frequent strict false negatives, by descending count.
  public var falseNegatives: [ErrorTally] = []

  public init() {}
}
