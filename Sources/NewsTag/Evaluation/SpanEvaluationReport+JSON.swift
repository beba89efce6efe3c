import FoundationEssentials

extension SpanEvaluationReport {
  /// The report as one line of JSON with sorted keys; scores are percentages rounded to one decimal.
  ///
  /// ```
  /// {"documents":{"errorRecords":0,"gold":3,"missing":1,"missingIDs":["d3"],…},
  ///  "errors":{"falseNegatives":[{"count":2,"label":"PER","text":"Биби"}],…},
  ///  "mentions":{"gold":12,"predicted":10},
  ///  "overlap":{"labels":{"LOC":{"f1":85.7,"fn":1,"fp":1,"p":85.7,"r":85.7,"tp":6},…},
  ///             "micro":{…}},
  ///  "removed":{"goldDemonyms":0,"predictedDemonyms":0,"unmapped":0},
  ///  "strict":{…},
  ///  "predictedLabelsAbsentFromGold":[]}
  /// ```
  public func formattedAsJSON() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(JSONShape(self))
    return String(decoding: data, as: UTF8.self)
  }
}

extension SpanEvaluationReport {
  /// The JSON shape of a ``SpanEvaluationReport``.
  fileprivate struct JSONShape: Encodable {
    struct Documents: Encodable {
      var gold: Int
      var predicted: Int
      var errorRecords: Int
      var missing: Int
      var missingIDs: [String]
      var notInGold: Int
      var notInGoldIDs: [String]
    }

    struct Mentions: Encodable {
      var gold: Int
      var predicted: Int
    }

    struct Removed: Encodable {
      var goldDemonyms: Int
      var predictedDemonyms: Int
      var unmapped: Int
    }

    struct Counts: Encodable {
      var tp: Int
      var fp: Int
      var fn: Int
      var p: Double
      var r: Double
      var f1: Double

      init(_ counts: SpanCounts) {
        tp = counts.truePositives
        fp = counts.falsePositives
        fn = counts.falseNegatives
        p = Self.rounded(counts.precision)
        r = Self.rounded(counts.recall)
        f1 = Self.rounded(counts.f1)
      }

      private static func rounded(_ value: Double) -> Double {
        (value * 10).rounded() / 10
      }
    }

    struct Scores: Encodable {
      var labels: [String: Counts]
      var micro: Counts

      init(_ scores: SpanEvaluationReport.Scores) {
        labels = scores.byLabel.mapValues(Counts.init)
        micro = Counts(scores.micro)
      }
    }

    struct ErrorTally: Encodable {
      var count: Int
      var label: String
      var text: String
    }

    struct Errors: Encodable {
      var falsePositives: [ErrorTally]
      var falseNegatives: [ErrorTally]
    }

    var documents: Documents
    var mentions: Mentions
    var removed: Removed
    var predictedLabelsAbsentFromGold: [String]
    var strict: Scores
    var overlap: Scores
    var errors: Errors

    init(_ report: SpanEvaluationReport) {
      documents = Documents(
        gold: report.goldDocumentCount,
        predicted: report.predictedDocumentCount,
        errorRecords: report.errorRecordCount,
        missing: report.missingDocumentIDs.count,
        missingIDs: report.missingDocumentIDs,
        notInGold: report.unknownDocumentIDs.count,
        notInGoldIDs: report.unknownDocumentIDs
      )
      mentions = Mentions(gold: report.goldMentionCount, predicted: report.predictedMentionCount)
      removed = Removed(
        goldDemonyms: report.removedGoldDemonymCount,
        predictedDemonyms: report.removedPredictedDemonymCount,
        unmapped: report.droppedUnmappedCount
      )
      predictedLabelsAbsentFromGold = report.predictedLabelsAbsentFromGold
      strict = Scores(report.strict)
      overlap = Scores(report.overlap)
      let tally = { (tally: SpanEvaluationReport.ErrorTally) in
        ErrorTally(count: tally.count, label: tally.label, text: tally.text)
      }
      errors = Errors(
        falsePositives: report.falsePositives.map(tally),
        falseNegatives: report.falseNegatives.map(tally)
      )
    }
  }
}
