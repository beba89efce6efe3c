/// True positives, false positives and false negatives, and the scores they give.
///
/// Scores are percentages; each is 0 when its denominator is.
public struct SpanCounts: Sendable, Equatable {
  public var truePositives: Int
  public var falsePositives: Int
  public var falseNegatives: Int

  public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.falseNegatives = falseNegatives
  }

  /// TP / (TP + FP), in percent.
  public var precision: Double {
    Self.percent(truePositives, of: truePositives + falsePositives)
  }

  /// TP / (TP + FN), in percent.
  public var recall: Double {
    Self.percent(truePositives, of: truePositives + falseNegatives)
  }

  /// The harmonic mean of precision and recall, 2·TP / (2·TP + FP + FN), in percent.
  public var f1: Double {
    Self.percent(2 * truePositives, of: 2 * truePositives + falsePositives + falseNegatives)
  }

  public static func += (lhs: inout SpanCounts, rhs: SpanCounts) {
    lhs.truePositives += rhs.truePositives
    lhs.falsePositives += rhs.falsePositives
    lhs.falseNegatives += rhs.falseNegatives
  }

  private static func percent(_ part: Int, of whole: Int) -> Double {
    whole == 0 ? 0 : 100 * Double(part) / Double(whole)
  }
}
