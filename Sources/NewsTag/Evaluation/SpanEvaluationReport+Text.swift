extension SpanEvaluationReport {
  /// The report as aligned plain text: a summary, a table per matching rule, then the error lists.
  ///
  /// ```
  /// Documents: 3 gold, 3 predicted; 1 missing, 0 not in gold, 0 error records
  /// Mentions scored: 12 gold, 10 predicted
  ///
  /// strict   TP  FP  FN      P      R     F1
  /// LOC       6   1   2   85.7   75.0   80.0
  /// …
  /// micro     8   2   4   80.0   66.7   72.7
  /// ```
  public func formattedAsText() -> String {
    var lines: [String] = []
    lines.append(
      "Documents: \(goldDocumentCount) gold, \(predictedDocumentCount) predicted; "
        + "\(missingDocumentIDs.count) missing, \(unknownDocumentIDs.count) not in gold, "
        + "\(errorRecordCount) error records"
    )
    if !unknownDocumentIDs.isEmpty {
      lines.append("Not in gold: \(Self.sample(unknownDocumentIDs))")
    }
    lines.append("Mentions scored: \(goldMentionCount) gold, \(predictedMentionCount) predicted")
    if removedGoldDemonymCount > 0 || removedPredictedDemonymCount > 0 {
      lines.append(
        "Demonyms removed: \(removedGoldDemonymCount) gold, "
          + "\(removedPredictedDemonymCount) predicted"
      )
    }
    if droppedUnmappedCount > 0 {
      lines.append("Unmapped predictions dropped: \(droppedUnmappedCount)")
    }
    if !predictedLabelsAbsentFromGold.isEmpty {
      lines.append(
        "Predicted labels absent from gold: "
          + predictedLabelsAbsentFromGold.joined(separator: ", ")
      )
    }

    let countWidth = max(
      2,
      [strict.micro, overlap.micro]
        .flatMap { [$0.truePositives, $0.falsePositives, $0.falseNegatives] }
        .map { String($0).count }
        .max() ?? 0
    )
    let labelWidth = ([["strict", "overlap", "micro"], labels].joined().map(\.count).max() ?? 0)
    for (name, scores) in [("strict", strict), ("overlap", overlap)] {
      lines.append("")
      lines.append(
        Self.padded(name, to: labelWidth, left: true)
          + ["TP", "FP", "FN"].map { "  " + Self.padded($0, to: countWidth) }.joined()
          + ["P", "R", "F1"].map { "  " + Self.padded($0, to: 5) }.joined()
      )
      for label in labels {
        lines.append(Self.row(label, scores[label], labelWidth: labelWidth, countWidth: countWidth))
      }
      lines.append(Self.row("micro", scores.micro, labelWidth: labelWidth, countWidth: countWidth))
    }

    for (title, tallies) in [
      ("False positives", falsePositives), ("False negatives", falseNegatives),
    ] where !tallies.isEmpty {
      lines.append("")
      lines.append("\(title) (strict), most frequent first:")
      let countWidth = tallies.map { String($0.count).count }.max() ?? 0
      let labelWidth = tallies.map(\.label.count).max() ?? 0
      for tally in tallies {
        let text = tally.text.replacing("\n", with: "\\n").replacing("\t", with: "\\t")
        lines.append(
          Self.padded(String(tally.count), to: countWidth) + "  "
            + Self.padded(tally.label, to: labelWidth, left: true) + "  " + text
        )
      }
    }
    return lines.joined(separator: "\n")
  }

  /// A percentage with one decimal, such as `66.7`.
  static func formattedPercent(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  private static func row(
    _ label: String, _ counts: SpanCounts, labelWidth: Int, countWidth: Int
  ) -> String {
    padded(label, to: labelWidth, left: true)
      + [counts.truePositives, counts.falsePositives, counts.falseNegatives]
      .map { "  " + padded(String($0), to: countWidth) }.joined()
      + [counts.precision, counts.recall, counts.f1]
      .map { "  " + padded(formattedPercent($0), to: 5) }.joined()
  }

  /// `text` padded with spaces to `width` characters, on the left (right-aligned) unless `left`.
  private static func padded(_ text: String, to width: Int, left: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return left ? text + padding : padding + text
  }

  /// Up to three ids, then how many more there are.
  private static func sample(_ ids: [String]) -> String {
    let shown = ids.prefix(3).joined(separator: ", ")
    return ids.count > 3 ? "\(shown) and \(ids.count - 3) more" : shown
  }
}
