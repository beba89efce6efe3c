/// Scores predicted entity spans against gold annotations, strictly and by overlap.
///
/// Documents are paired by id. Before matching, each pair goes through these
/// steps, in order:
///
///     predicted spans ── label map ── drop unmapped? ─┐
///                                                      ├─ demonyms? ── labels? ── match
///     gold spans ─────────────────────────────────────┘
///
/// - The label map renames predicted labels; with ``dropsUnmappedLabels``,
///   predictions whose label the map does not cover are dropped (and
///   counted), otherwise they keep their label and count as false positives.
/// - With ``ignoresDemonyms``, gold mentions that ``isDemonym(_:)`` are
///   removed, and so is every prediction that overlaps one of them, whatever
///   its label: it is then neither right nor wrong.
/// - With ``scoredLabels``, mentions with other labels are removed on both sides.
///
/// Matching is one to one within a document:
/// - **strict**: a prediction is correct iff a gold mention has the same
///   start, end and label (a multiset match: two identical predictions need
///   two identical gold mentions);
/// - **overlap**: the strict pairs stand, then each remaining prediction, in
///   document order (by start, then end), takes the first remaining gold
///   mention of its label that shares at least one code point with it. So
///   every strict hit is also an overlap hit, and a boundary error counts as
///   a false positive and a false negative strictly but as a hit by overlap.
///
/// A gold document without a prediction line, or with an error record, has
/// all its mentions missed. Prediction documents absent from the gold are
/// listed in the report and otherwise ignored.
///
/// - Complexity: O((*g* + *p*) log(*g* + *p*) + *u*·*g*) per document, for *g*
///   gold and *p* predicted mentions of which *u* have no exact match.
public struct SpanEvaluation: Sendable {
  /// Renames predicted labels into the gold's label set.
  public var labelMap: EvaluationLabelMap
  /// Whether to drop predictions whose label ``labelMap`` does not cover.
  public var dropsUnmappedLabels: Bool
  /// The labels to score, or `nil` for all of them.
  public var scoredLabels: Set<String>?
  /// Whether to leave gold demonyms, and the predictions overlapping them, out of the scores.
  public var ignoresDemonyms: Bool
  /// How many of the most frequent strict false positives and false negatives to report.
  public var errorListLength: Int

  public init(
    labelMap: EvaluationLabelMap = EvaluationLabelMap(),
    dropsUnmappedLabels: Bool = false,
    scoredLabels: Set<String>? = nil,
    ignoresDemonyms: Bool = false,
    errorListLength: Int = 0
  ) {
    self.labelMap = labelMap
    self.dropsUnmappedLabels = dropsUnmappedLabels
    self.scoredLabels = scoredLabels
    self.ignoresDemonyms = ignoresDemonyms
    self.errorListLength = errorListLength
  }

  /// Whether a gold mention is a demonym or a party member rather than a person.
  ///
  /// The corpus labels both PER but gives them a lowercase text
  /// (`пакистанката`) or a non-person entity id (`GPE-Pakistan`): a PER
  /// mention is a demonym iff its text starts with a lowercase letter or its
  /// `eid` is present and does not start with `PER-`.
  public static func isDemonym(_ span: AnnotatedSpan) -> Bool {
    guard span.label == "PER" else { return false }
    if let first = span.text?.unicodeScalars.first, first.properties.isLowercase {
      return true
    }
    if let eid = span.eid, !eid.hasPrefix("PER-") { return true }
    return false
  }

  /// Reads a comma-separated label list such as `PER,LOC,ORG`; spaces and empty items are ignored.
  public static func labelSet(parsing string: String) -> Set<String> {
    Set(
      string.split(separator: ",")
        .map { EvaluationLabelMap.trimmed($0) }
        .filter { !$0.isEmpty }
        .map(String.init)
    )
  }

  /// Reads both files and scores the predictions.
  ///
  /// Throws ``DataError`` naming the file and line of every problem in the
  /// first file that has one.
  public func evaluate(goldAtPath goldPath: String, predictionsAtPath predictionPath: String)
    throws -> SpanEvaluationReport
  {
    let gold = try AnnotationReader.readGold(atPath: goldPath)
    let predictions = try AnnotationReader.readPredictions(atPath: predictionPath)
    return evaluate(gold: gold, predictions: predictions)
  }

  /// Scores `predictions` against `gold`.
  public func evaluate(gold: [AnnotatedDocument], predictions: [PredictionRecord])
    -> SpanEvaluationReport
  {
    var report = SpanEvaluationReport()
    report.goldDocumentCount = gold.count
    let goldIDs = Set(gold.map(\.id))
    let goldLabels = Set(gold.lazy.flatMap(\.spans).map(\.label))

    var predicted: [String: [AnnotatedSpan]] = [:]
    var unknownIDs: Set<String> = []
    for record in predictions {
      switch record {
      case .document(let document):
        report.predictedDocumentCount += 1
        if predicted[document.id] == nil { predicted[document.id] = document.spans }
      case .error(let id, _):
        report.errorRecordCount += 1
        if let id, predicted[id] == nil { predicted[id] = [] }
      }
      if let id = record.id, !goldIDs.contains(id), unknownIDs.insert(id).inserted {
        report.unknownDocumentIDs.append(id)
      }
    }

    var tally = Tally()
    var labelsSeen: Set<String> = []
    var predictedLabels: Set<String> = []
    for document in gold {
      var goldSpans = document.spans
      var predictedSpans: [AnnotatedSpan] = []
      if let spans = predicted[document.id] {
        predictedSpans = relabelled(spans, droppedCount: &report.droppedUnmappedCount)
      } else {
        report.missingDocumentIDs.append(document.id)
      }
      if ignoresDemonyms {
        let demonyms = goldSpans.filter(Self.isDemonym)
        if !demonyms.isEmpty {
          goldSpans.removeAll(where: Self.isDemonym)
          let before = predictedSpans.count
          predictedSpans.removeAll { span in demonyms.contains { $0.overlaps(span) } }
          report.removedGoldDemonymCount += demonyms.count
          report.removedPredictedDemonymCount += before - predictedSpans.count
        }
      }
      if let scoredLabels {
        goldSpans.removeAll { !scoredLabels.contains($0.label) }
        predictedSpans.removeAll { !scoredLabels.contains($0.label) }
      }
      report.goldMentionCount += goldSpans.count
      report.predictedMentionCount += predictedSpans.count
      labelsSeen.formUnion(goldSpans.map(\.label))
      predictedLabels.formUnion(predictedSpans.map(\.label))
      tally.match(gold: goldSpans, predicted: predictedSpans)
    }
    labelsSeen.formUnion(predictedLabels)

    report.labels = (scoredLabels ?? labelsSeen).sorted()
    report.strict = Self.scores(tally.strict, labels: report.labels)
    report.overlap = Self.scores(tally.overlap, labels: report.labels)
    report.predictedLabelsAbsentFromGold = predictedLabels.subtracting(goldLabels).sorted()
    report.falsePositives = Self.mostFrequent(tally.falsePositives, limit: errorListLength)
    report.falseNegatives = Self.mostFrequent(tally.falseNegatives, limit: errorListLength)
    return report
  }

  /// Applies the label map, dropping uncovered labels when asked to.
  private func relabelled(_ spans: [AnnotatedSpan], droppedCount: inout Int) -> [AnnotatedSpan] {
    var result: [AnnotatedSpan] = []
    result.reserveCapacity(spans.count)
    for var span in spans {
      if dropsUnmappedLabels, !labelMap.covers(span.label) {
        droppedCount += 1
        continue
      }
      span.label = labelMap(span.label)
      result.append(span)
    }
    return result
  }

  private static func scores(_ byLabel: [String: SpanCounts], labels: [String])
    -> SpanEvaluationReport.Scores
  {
    var scores = SpanEvaluationReport.Scores()
    for label in labels {
      let counts = byLabel[label] ?? SpanCounts()
      scores.byLabel[label] = counts
      scores.micro += counts
    }
    return scores
  }

  private static func mostFrequent(_ counts: [Tally.ErrorKey: Int], limit: Int)
    -> [SpanEvaluationReport.ErrorTally]
  {
    guard limit > 0 else { return [] }
    let sorted = counts.sorted { a, b in
      if a.value != b.value { return a.value > b.value }
      if a.key.label != b.key.label { return a.key.label < b.key.label }
      return a.key.text < b.key.text
    }
    return sorted.prefix(limit).map { entry in
      SpanEvaluationReport.ErrorTally(
        count: entry.value, label: entry.key.label, text: entry.key.text)
    }
  }
}

extension SpanEvaluation {
  /// Counts accumulated over documents.
  private struct Tally {
    struct ErrorKey: Hashable {
      var label: String
      var text: String

      init(_ span: AnnotatedSpan) {
        label = span.label
        text = span.text ?? "(no text)"
      }
    }

    private struct ExactKey: Hashable {
      var start: Int
      var end: Int
      var label: String

      init(_ span: AnnotatedSpan) {
        start = span.start
        end = span.end
        label = span.label
      }
    }

    var strict: [String: SpanCounts] = [:]
    var overlap: [String: SpanCounts] = [:]
    var falsePositives: [ErrorKey: Int] = [:]
    var falseNegatives: [ErrorKey: Int] = [:]

    /// Matches one document's mentions, strictly and then by overlap, and adds up the outcome.
    mutating func match(gold: [AnnotatedSpan], predicted: [AnnotatedSpan]) {
      // Strict: exact (start, end, label) pairs, one to one.
      var goldMatched = [Bool](repeating: false, count: gold.count)
      var predictedMatched = [Bool](repeating: false, count: predicted.count)
      var unmatchedGold: [ExactKey: [Int]] = [:]
      for index in gold.indices.reversed() {
        unmatchedGold[ExactKey(gold[index]), default: []].append(index)
      }
      for (index, span) in predicted.enumerated() {
        if let goldIndex = unmatchedGold[ExactKey(span)]?.popLast() {
          goldMatched[goldIndex] = true
          predictedMatched[index] = true
        }
      }
      for (index, span) in predicted.enumerated() {
        if predictedMatched[index] {
          strict[span.label, default: SpanCounts()].truePositives += 1
        } else {
          strict[span.label, default: SpanCounts()].falsePositives += 1
          falsePositives[ErrorKey(span), default: 0] += 1
        }
      }
      for (index, span) in gold.enumerated() where !goldMatched[index] {
        strict[span.label, default: SpanCounts()].falseNegatives += 1
        falseNegatives[ErrorKey(span), default: 0] += 1
      }

      // Overlap: the strict pairs stand; the rest match greedily in document order.
      let goldOrder = gold.indices.sorted { Self.precedes(gold[$0], $0, gold[$1], $1) }
      let predictedOrder = predicted.indices.sorted {
        Self.precedes(predicted[$0], $0, predicted[$1], $1)
      }
      for index in predictedOrder where !predictedMatched[index] {
        let span = predicted[index]
        for goldIndex in goldOrder {
          let candidate = gold[goldIndex]
          if candidate.start >= span.end { break }
          if !goldMatched[goldIndex], candidate.label == span.label, candidate.overlaps(span) {
            goldMatched[goldIndex] = true
            predictedMatched[index] = true
            break
          }
        }
      }
      for (index, span) in predicted.enumerated() {
        if predictedMatched[index] {
          overlap[span.label, default: SpanCounts()].truePositives += 1
        } else {
          overlap[span.label, default: SpanCounts()].falsePositives += 1
        }
      }
      for (index, span) in gold.enumerated() where !goldMatched[index] {
        overlap[span.label, default: SpanCounts()].falseNegatives += 1
      }
    }

    /// Document order: by start, then end, then position in the input.
    private static func precedes(
      _ a: AnnotatedSpan, _ aIndex: Int, _ b: AnnotatedSpan, _ bIndex: Int
    ) -> Bool {
      if a.start != b.start { return a.start < b.start }
      if a.end != b.end { return a.end < b.end }
      return aIndex < bIndex
    }
  }
}
