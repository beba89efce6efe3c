import FoundationEssentials
import NewsTag
import Testing

// Fixture documents mark their mentions inline: `[Асия Биби|PER]`, or with a
// gold entity id `[пакистанката|PER|GPE-Pakistan]`. Offsets are computed in
// Unicode code points, as in the files the evaluator reads.

/// One marked document: its plain text and the spans the marks give.
private struct MarkedDocument {
  var text: String
  var spans: [AnnotatedSpan]

  init(_ marked: String) {
    var text = ""
    var spans: [AnnotatedSpan] = []
    var offset = 0
    var rest = Substring(marked)
    while let open = rest.firstIndex(of: "[") {
      let before = rest[..<open]
      text += before
      offset += before.unicodeScalars.count
      guard let close = rest[open...].firstIndex(of: "]") else { break }
      let parts = rest[rest.index(after: open)..<close].split(separator: "|").map(String.init)
      let covered = parts.first ?? ""
      let length = covered.unicodeScalars.count
      spans.append(
        AnnotatedSpan(
          start: offset, end: offset + length, label: parts.count > 1 ? parts[1] : "",
          text: covered, eid: parts.count > 2 ? parts[2] : nil))
      text += covered
      offset += length
      rest = rest[rest.index(after: close)...]
    }
    text += rest
    self.text = text
    self.spans = spans
  }
}

/// The JSON line of a document: gold when spans carry `eid`s, newstag's output format otherwise.
private func jsonLine(id: String, spans: [AnnotatedSpan]) throws -> String {
  struct Line: Encodable {
    var id: String
    var entities: [AnnotatedSpan]
    var topics: [String] = []
  }
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  return String(decoding: try encoder.encode(Line(id: id, entities: spans)), as: UTF8.self)
}

/// Builds both files from marked texts, reads them back, and evaluates.
///
/// Document *i* (from 1) has id `d`*i*. A prediction is a marked text over the
/// same plain text as its gold, a raw JSON line (starting with `{`), or `nil`
/// for no line at all; `extraLines` are appended to the prediction file.
private func evaluate(
  gold: [String], predicted: [String?], extraLines: [String] = [],
  with evaluation: SpanEvaluation = SpanEvaluation()
) throws -> SpanEvaluationReport {
  var goldLines: [String] = []
  var predictionLines: [String] = []
  for (index, marked) in gold.enumerated() {
    let id = "d\(index + 1)"
    let goldDocument = MarkedDocument(marked)
    goldLines.append(try jsonLine(id: id, spans: goldDocument.spans))
    guard index < predicted.count, let prediction = predicted[index] else { continue }
    if prediction.hasPrefix("{") {
      predictionLines.append(prediction)
    } else {
      let predictedDocument = MarkedDocument(prediction)
      #expect(predictedDocument.text == goldDocument.text, "fixture texts differ")
      let spans = predictedDocument.spans.map { span in
        AnnotatedSpan(start: span.start, end: span.end, label: span.label, text: span.text)
      }
      predictionLines.append(try jsonLine(id: id, spans: spans))
    }
  }
  predictionLines += extraLines
  let goldData = Data(goldLines.joined(separator: "\n").utf8)
  let predictionData = Data(predictionLines.joined(separator: "\n").utf8)
  return evaluation.evaluate(
    gold: try AnnotationReader.readGold(goldData, name: "gold.jsonl"),
    predictions: try AnnotationReader.readPredictions(predictionData, name: "pred.jsonl"))
}

/// TP, FP, FN.
private func counts(_ counts: SpanCounts) -> [Int] {
  [counts.truePositives, counts.falsePositives, counts.falseNegatives]
}

private let newsLabelMap = EvaluationLabelMap([
  "PERSON": "PER", "COUNTRY": "LOC", "LOCATION": "LOC", "ORGANIZATION": "ORG",
  "WEAPON": "PRO", "EVENT": "EVT",
])

@Suite struct SpanEvaluationTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var gold: [String]
    var predicted: [String?]
    var extraLines: [String] = []
    var evaluation = SpanEvaluation()
    /// Micro TP, FP, FN.
    var strict: [Int]
    var overlap: [Int]

    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "exact hits",
      gold: ["[Франция|LOC] и [Германия|LOC] подкрепят [ЕС|ORG]."],
      predicted: ["[Франция|LOC] и [Германия|LOC] подкрепят [ЕС|ORG]."],
      strict: [3, 0, 0], overlap: [3, 0, 0]),
    Case(
      name: "wrong label is a false positive and a false negative either way",
      gold: ["[Франция|LOC] гласува."],
      predicted: ["[Франция|ORG] гласува."],
      strict: [0, 1, 1], overlap: [0, 1, 1]),
    Case(
      name: "span too short: strict miss, overlap hit",
      gold: ["[Асия Биби|PER] е свободна."],
      predicted: ["Асия [Биби|PER] е свободна."],
      strict: [0, 1, 1], overlap: [1, 0, 0]),
    Case(
      name: "span too long: strict miss, overlap hit",
      gold: ["Премиерът [Мей|PER] заяви."],
      predicted: ["[Премиерът Мей|PER] заяви."],
      strict: [0, 1, 1], overlap: [1, 0, 0]),
    Case(
      name: "adjacent spans share no code point",
      gold: ["[Лондон|LOC]ски мост"],
      predicted: ["Лондон[ски|LOC] мост"],
      strict: [0, 1, 1], overlap: [0, 1, 1]),
    Case(
      name: "duplicate prediction matches once",
      gold: ["[Франция|LOC] гласува."],
      predicted: [
        #"{"id": "d1", "entities": [{"start": 0, "end": 7, "text": "Франция", "label": "LOC"},"#
          + #" {"start": 0, "end": 7, "text": "Франция", "label": "LOC"}]}"#
      ],
      strict: [1, 1, 0], overlap: [1, 1, 0]),
    Case(
      name: "two predictions inside one gold mention: one overlap hit",
      gold: ["[Северен поток 2|PRO] е готов."],
      predicted: ["[Северен|PRO] [поток 2|PRO] е готов."],
      strict: [0, 2, 1], overlap: [1, 1, 0]),
    Case(
      name: "one prediction across two gold mentions: one overlap hit",
      gold: ["[Тереза|PER] [Мей|PER] говори."],
      predicted: ["[Тереза Мей|PER] говори."],
      strict: [0, 1, 2], overlap: [1, 0, 1]),
    Case(
      name: "exact pairs are made first, freeing an earlier wide prediction for another gold",
      gold: ["В [Рим|LOC] и [Париж|LOC]"],
      predicted: [
        #"{"id": "d1", "entities": [{"start": 0, "end": 13, "label": "LOC"},"#
          + #" {"start": 2, "end": 5, "label": "LOC"}]}"#
      ],
      strict: [1, 1, 1], overlap: [2, 0, 0]),
    Case(
      name: "document without a prediction line: all its mentions missed",
      gold: ["[Франция|LOC] гласува.", "[Мей|PER] и [Макрон|PER] се срещнаха."],
      predicted: ["[Франция|LOC] гласува.", nil],
      strict: [1, 0, 2], overlap: [1, 0, 2]),
    Case(
      name: "error record counts as a document with no mentions",
      gold: ["[Мей|PER] и [Макрон|PER] се срещнаха."],
      predicted: [#"{"id": "d1", "line": 1, "error": "text is not a string"}"#],
      strict: [0, 0, 2], overlap: [0, 0, 2]),
    Case(
      name: "prediction document not in gold is ignored",
      gold: ["[Франция|LOC] гласува."],
      predicted: ["[Франция|LOC] гласува."],
      extraLines: [#"{"id": "other", "entities": [{"start": 0, "end": 3, "label": "LOC"}]}"#],
      strict: [1, 0, 0], overlap: [1, 0, 0]),
    Case(
      name: "labels outside the gold's set count as false positives without a map",
      gold: ["[Франция|LOC] и [Мей|PER]"],
      predicted: ["[Франция|COUNTRY] и [Мей|PERSON]"],
      strict: [0, 2, 2], overlap: [0, 2, 2]),
    Case(
      name: "label map renames predicted labels",
      gold: ["[Франция|LOC] и [Мей|PER]"],
      predicted: ["[Франция|COUNTRY] и [Мей|PERSON]"],
      evaluation: SpanEvaluation(labelMap: newsLabelMap),
      strict: [2, 0, 0], overlap: [2, 0, 0]),
    Case(
      name: "unmapped label is kept as a false positive",
      gold: ["[Франция|LOC] и [ЕС|ORG]"],
      predicted: ["[Франция|COUNTRY] и [ЕС|MISC]"],
      evaluation: SpanEvaluation(labelMap: newsLabelMap),
      strict: [1, 1, 1], overlap: [1, 1, 1]),
    Case(
      name: "unmapped label is dropped when asked",
      gold: ["[Франция|LOC] и [ЕС|ORG]"],
      predicted: ["[Франция|COUNTRY] и [ЕС|MISC]"],
      evaluation: SpanEvaluation(labelMap: newsLabelMap, dropsUnmappedLabels: true),
      strict: [1, 0, 1], overlap: [1, 0, 1]),
    Case(
      name: "dropping unmapped labels keeps labels that are already targets",
      gold: ["[Франция|LOC] и [ЕС|ORG]"],
      predicted: ["[Франция|LOC] и [ЕС|ORGANIZATION]"],
      evaluation: SpanEvaluation(labelMap: newsLabelMap, dropsUnmappedLabels: true),
      strict: [2, 0, 0], overlap: [2, 0, 0]),
    Case(
      name: "label restriction applies to both sides",
      gold: ["[Франция|LOC], [Мей|PER] и [ЕС|ORG]"],
      predicted: ["[Франция|LOC], [Мей|ORG] и [ЕС|EVT]"],
      evaluation: SpanEvaluation(scoredLabels: ["LOC"]),
      strict: [1, 0, 0], overlap: [1, 0, 0]),
    Case(
      name: "label restriction to two labels",
      gold: ["[Франция|LOC], [Мей|PER] и [ЕС|ORG]"],
      predicted: ["[Франция|LOC], [Мей|ORG] и [ЕС|EVT]"],
      evaluation: SpanEvaluation(scoredLabels: ["LOC", "ORG"]),
      strict: [1, 1, 1], overlap: [1, 1, 1]),
    Case(
      name: "demonyms scored when not ignored",
      gold: [
        "[пакистанката|PER|GPE-Pakistan] [Асия Биби|PER|PER-Asia-Bibi] и "
          + "[Консерваторите|PER|ORG-Conservative-Party] от [Лондон|LOC|GPE-London]"
      ],
      predicted: ["[пакистанката|LOC] [Асия Биби|PER] и Консерваторите от [Лондон|LOC]"],
      strict: [2, 1, 2], overlap: [2, 1, 2]),
    Case(
      name: "demonyms and predictions overlapping them removed",
      gold: [
        "[пакистанката|PER|GPE-Pakistan] [Асия Биби|PER|PER-Asia-Bibi] и "
          + "[Консерваторите|PER|ORG-Conservative-Party] от [Лондон|LOC|GPE-London]"
      ],
      predicted: ["[пакистанката|LOC] [Асия Биби|PER] и Консерваторите от [Лондон|LOC]"],
      evaluation: SpanEvaluation(ignoresDemonyms: true),
      strict: [2, 0, 0], overlap: [2, 0, 0]),
    Case(
      name: "lowercase PER without an entity id is a demonym",
      gold: ["[консерваторите|PER] и [Мей|PER]"],
      predicted: ["[консерваторите|PER] и [Мей|PER]"],
      evaluation: SpanEvaluation(ignoresDemonyms: true),
      strict: [1, 0, 0], overlap: [1, 0, 0]),
    Case(
      name: "lowercase mention of another label is not a demonym",
      gold: ["в [интернет|PRO]"],
      predicted: ["в интернет"],
      evaluation: SpanEvaluation(ignoresDemonyms: true),
      strict: [0, 0, 1], overlap: [0, 0, 1]),
    Case(
      name: "offsets count code points, not UTF-16 units or bytes",
      gold: ["😀 [Франция|LOC] 🇧🇬 [ЕС|ORG]"],
      predicted: [
        #"{"id": "d1", "entities": [{"start": 2, "end": 9, "label": "LOC"},"#
          + #" {"start": 13, "end": 15, "label": "ORG"}]}"#
      ],
      strict: [2, 0, 0], overlap: [2, 0, 0]),
  ]

  @Test(arguments: cases)
  func microCounts(_ testCase: Case) throws {
    let report = try evaluate(
      gold: testCase.gold, predicted: testCase.predicted, extraLines: testCase.extraLines,
      with: testCase.evaluation)
    #expect(counts(report.strict.micro) == testCase.strict, "strict")
    #expect(counts(report.overlap.micro) == testCase.overlap, "overlap")
    for scores in [report.strict, report.overlap] {
      var sum = SpanCounts()
      for label in report.labels { sum += scores[label] }
      #expect(sum == scores.micro, "micro is the sum over labels")
    }
  }

  @Test func microAndPerLabelArithmetic() throws {
    let report = try evaluate(
      gold: [
        "[Париж|LOC], [Рим|LOC], [Берлин|LOC], [Виена|LOC]; "
          + "[Мей|PER], [Макрон|PER], [Меркел|PER], [Борисов|PER]"
      ],
      predicted: [
        "[Париж|LOC], [Рим|LOC], [Берлин|LOC], Виена; "
          + "[Мей|PER], [Макрон|LOC], Меркел, Борисов"
      ])
    let location = report.strict["LOC"]
    let person = report.strict["PER"]
    let micro = report.strict.micro
    #expect(counts(location) == [3, 1, 1])
    #expect(counts(person) == [1, 0, 3])
    #expect(counts(micro) == [4, 1, 4])
    #expect(location.precision == 75 && location.recall == 75 && location.f1 == 75)
    #expect(person.precision == 100 && person.recall == 25 && person.f1 == 40)
    #expect(micro.precision == 80 && micro.recall == 50)
    #expect(abs(micro.f1 - 800.0 / 13) < 1e-9)  // 61.5, where the mean of the F1s is 57.5
  }

  @Test func scoresWithZeroDenominatorsAreZero() {
    let nothing = SpanCounts()
    #expect(nothing.precision == 0 && nothing.recall == 0 && nothing.f1 == 0)
    let onlyMisses = SpanCounts(falseNegatives: 3)
    #expect(onlyMisses.precision == 0 && onlyMisses.recall == 0 && onlyMisses.f1 == 0)
  }

  @Test func reportsWhatWasLeftOut() throws {
    let evaluation = SpanEvaluation(
      labelMap: EvaluationLabelMap(["COUNTRY": "LOC"]), dropsUnmappedLabels: true,
      ignoresDemonyms: true)
    let report = try evaluate(
      gold: [
        "[пакистанката|PER|GPE-Pakistan] в [Лондон|LOC]", "[Мей|PER]", "[ЕС|ORG]",
      ],
      predicted: [
        "[пакистанката|COUNTRY] в [Лондон|CITY]", nil,
        #"{"id": "d3", "line": 3, "error": "bad"}"#,
      ],
      extraLines: [
        #"{"id": "x1", "entities": []}"#, #"{"id": null, "line": 9, "error": "bad JSON"}"#,
      ],
      with: evaluation)
    #expect(report.goldDocumentCount == 3)
    #expect(report.predictedDocumentCount == 2)
    #expect(report.errorRecordCount == 2)
    #expect(report.missingDocumentIDs == ["d2"])
    #expect(report.unknownDocumentIDs == ["x1"])
    #expect(report.droppedUnmappedCount == 1)
    #expect(report.removedGoldDemonymCount == 1)
    #expect(report.removedPredictedDemonymCount == 1)
    #expect(report.goldMentionCount == 3)
    #expect(report.predictedMentionCount == 0)
    #expect(report.labels == ["LOC", "ORG", "PER"])
  }

  @Test func flagsPredictedLabelsAbsentFromGold() throws {
    let report = try evaluate(
      gold: ["[Франция|LOC] и [Мей|PER]"], predicted: ["[Франция|COUNTRY] и [Мей|PER]"])
    #expect(report.predictedLabelsAbsentFromGold == ["COUNTRY"])
    #expect(report.labels == ["COUNTRY", "LOC", "PER"])
  }

  @Test func listsMostFrequentStrictErrors() throws {
    let report = try evaluate(
      gold: [
        "[ЕС|ORG] и [Мей|PER]", "[ЕС|ORG] и [Брекзит|EVT]", "[ЕС|ORG] и [Лондон|LOC]",
      ],
      predicted: [
        "ЕС и [Мей|LOC]", "[Е|ORG]С и [Брекзит|EVT]", "[Е|ORG]С и [Лондон|LOC]",
      ],
      with: SpanEvaluation(errorListLength: 2))
    #expect(
      report.falsePositives == [
        .init(count: 2, label: "ORG", text: "Е"), .init(count: 1, label: "LOC", text: "Мей"),
      ])
    #expect(
      report.falseNegatives == [
        .init(count: 3, label: "ORG", text: "ЕС"), .init(count: 1, label: "PER", text: "Мей"),
      ])
    let unlisted = try evaluate(gold: ["[ЕС|ORG]"], predicted: ["ЕС"])
    #expect(unlisted.falseNegatives.isEmpty)
  }

  @Test func formatsAlignedText() throws {
    let report = try evaluate(
      gold: ["[Асия Биби|PER] от [Пакистан|LOC]", "[Франция|LOC]"],
      predicted: ["Асия [Биби|PER] от [Пакистан|LOC]"],
      with: SpanEvaluation(errorListLength: 5))
    #expect(
      report.formattedAsText() == """
        Documents: 2 gold, 1 predicted; 1 missing, 0 not in gold, 0 error records
        Mentions scored: 3 gold, 2 predicted

        strict   TP  FP  FN      P      R     F1
        LOC       1   0   1  100.0   50.0   66.7
        PER       0   1   1    0.0    0.0    0.0
        micro     1   1   2   50.0   33.3   40.0

        overlap  TP  FP  FN      P      R     F1
        LOC       1   0   1  100.0   50.0   66.7
        PER       1   0   0  100.0  100.0  100.0
        micro     2   0   1  100.0   66.7   80.0

        False positives (strict), most frequent first:
        1  PER  Биби

        False negatives (strict), most frequent first:
        1  LOC  Франция
        1  PER  Асия Биби
        """)
  }

  @Test func formatsJSON() throws {
    let report = try evaluate(
      gold: ["[Асия Биби|PER] от [Пакистан|LOC]", "[Франция|LOC]"],
      predicted: ["Асия [Биби|PER] от [Пакистан|LOC]"],
      with: SpanEvaluation(errorListLength: 1))
    let expected =
      #"{"documents":{"errorRecords":0,"gold":2,"missing":1,"missingIDs":["d2"],"notInGold":0,"#
      + #""notInGoldIDs":[],"predicted":1},"#
      + #""errors":{"falseNegatives":[{"count":1,"label":"LOC","text":"Франция"}],"#
      + #""falsePositives":[{"count":1,"label":"PER","text":"Биби"}]},"#
      + #""mentions":{"gold":3,"predicted":2},"#
      + #""overlap":{"labels":{"LOC":{"f1":66.7,"fn":1,"fp":0,"p":100,"r":50,"tp":1},"#
      + #""PER":{"f1":100,"fn":0,"fp":0,"p":100,"r":100,"tp":1}},"#
      + #""micro":{"f1":80,"fn":1,"fp":0,"p":100,"r":66.7,"tp":2}},"#
      + #""predictedLabelsAbsentFromGold":[],"#
      + #""removed":{"goldDemonyms":0,"predictedDemonyms":0,"unmapped":0},"#
      + #""strict":{"labels":{"LOC":{"f1":66.7,"fn":1,"fp":0,"p":100,"r":50,"tp":1},"#
      + #""PER":{"f1":0,"fn":1,"fp":1,"p":0,"r":0,"tp":0}},"#
      + #""micro":{"f1":40,"fn":2,"fp":1,"p":50,"r":33.3,"tp":1}}}"#
    #expect(try report.formattedAsJSON() == expected)
  }

  /// The package root, found from this file's path.
  static let packageRoot: String = {
    var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(4)  // Tests/NewsTagTests/Evaluation/SpanEvaluationTests.swift
    return components.joined(separator: "/")
  }()

  static let goldPath = packageRoot + "/../shared/data/bg-dev-gold.jsonl"

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: SpanEvaluationTests.goldPath),
      "needs the evaluation data in ../shared/data/ (see its README.md)"),
    arguments: [false, true])
  func goldAgainstItselfScoresFull(ignoringDemonyms: Bool) throws {
    let evaluation = SpanEvaluation(
      labelMap: newsLabelMap, dropsUnmappedLabels: true, ignoresDemonyms: ignoringDemonyms)
    let report = try evaluation.evaluate(
      goldAtPath: Self.goldPath, predictionsAtPath: Self.goldPath)
    #expect(report.goldDocumentCount == 918)
    #expect(report.missingDocumentIDs.isEmpty && report.unknownDocumentIDs.isEmpty)
    #expect(report.goldMentionCount == report.predictedMentionCount)
    #expect(report.goldMentionCount + report.removedGoldDemonymCount == 23_498)
    #expect(report.labels == ["EVT", "LOC", "ORG", "PER", "PRO"])
    for scores in [report.strict, report.overlap] {
      for counts in report.labels.map({ scores[$0] }) + [scores.micro] {
        #expect(counts.falsePositives == 0 && counts.falseNegatives == 0)
        #expect(counts.precision == 100 && counts.recall == 100 && counts.f1 == 100)
      }
    }
  }
}

extension SpanEvaluationTests {
  @Suite struct AnnotationReaderTests {
    @Test func collectsEveryProblemWithItsLine() throws {
      let data = Data(
        """
        {"id": "a", "entities": [{"start": 0, "end": 3, "label": "PER"}]}
        {"id": "b", "entities": [{"start": 0, "label": "PER"}]}

        {"id": "c", "entities": [{"start": "0", "end": 3, "label": "PER"}]}
        {"id": "a", "entities": []}
        {"id": "d", "entities": [{"start": 5, "end": 3, "label": "PER"}]}
        not json
        [1, 2]
        {"id": 7, "entities": []}
        {"id": "e"}
        {"id": "f", "entities": [{"start": 0, "end": null, "label": "PER"}]}
        """.utf8)
      let error = #expect(throws: DataError.self) {
        try AnnotationReader.readPredictions(data, name: "pred.jsonl")
      }
      #expect(
        error?.description == """
          pred.jsonl:2: error: missing "end" in entities[0]
          pred.jsonl:4: error: expected an integer at entities[0].start
          pred.jsonl:5: error: duplicate document id "a" (first at line 1)
          pred.jsonl:6: error: entities[0]: invalid span 5..<3 (expected 0 <= start < end)
          pred.jsonl:7: error: not valid JSON, or a non-integer offset
          pred.jsonl:8: error: expected a JSON object
          pred.jsonl:9: error: expected a string at id
          pred.jsonl:10: error: missing "entities"
          pred.jsonl:11: error: expected an integer at entities[0].end, found null
          """)
    }

    @Test func goldLineNeedsEntities() {
      let data = Data(#"{"id": "h", "line": 3, "error": "bad"}"#.utf8)
      let error = #expect(throws: DataError.self) {
        try AnnotationReader.readGold(data, name: "gold.jsonl")
      }
      #expect(error?.description == #"gold.jsonl:1: error: missing "entities""#)
    }

    @Test func readsNewsTagOutputAndErrorRecords() throws {
      let lines = [
        "\u{FEFF}"
          + #"{"id": "a", "lang": "bg", "entities": [{"start": 0, "end": 7, "text": "Франция","#
          + #" "label": "COUNTRY", "id": "country/france", "name": "Франция"}], "topics": []}"#,
        "",
        #"{"id": "b", "line": 2, "error": "missing text"}"#,
        #"{"id": null, "line": 3, "error": {"code": 1}}"#,
      ]
      let data = Data(lines.joined(separator: "\r\n").utf8)
      let records = try AnnotationReader.readPredictions(data, name: "pred.jsonl")
      let expected: [PredictionRecord] = [
        .document(
          AnnotatedDocument(
            id: "a", spans: [AnnotatedSpan(start: 0, end: 7, label: "COUNTRY", text: "Франция")])),
        .error(id: "b", message: "missing text"),
        .error(id: nil, message: ""),
      ]
      #expect(records == expected)
    }

    @Test func namesAnUnreadableFile() {
      let error = #expect(throws: DataError.self) {
        try AnnotationReader.readGold(atPath: "no/such/gold.jsonl")
      }
      #expect(error?.description == "no/such/gold.jsonl: error: no such file")
    }
  }
}

extension SpanEvaluationTests {
  @Suite struct EvaluationLabelMapTests {
    @Test func parsesPairsIgnoringSpaces() throws {
      let map = try EvaluationLabelMap(parsing: " PERSON=PER, COUNTRY = LOC,LOCATION=LOC,")
      #expect(map.mapping == ["PERSON": "PER", "COUNTRY": "LOC", "LOCATION": "LOC"])
      #expect(map("COUNTRY") == "LOC")
      #expect(map("MISC") == "MISC")
      #expect(map.covers("PERSON") && map.covers("PER") && !map.covers("MISC"))
    }

    @Test(arguments: [
      ("PERSON", #"invalid label map: expected FROM=TO, found "PERSON""#),
      ("PERSON=", #"invalid label map: expected FROM=TO, found "PERSON=""#),
      ("=PER", #"invalid label map: expected FROM=TO, found "=PER""#),
      ("A=B=C", #"invalid label map: expected FROM=TO, found "A=B=C""#),
      (
        "PERSON=PER,PERSON=ORG",
        #"invalid label map: label "PERSON" mapped twice (to "PER" and "ORG")"#
      ),
    ])
    func rejectsMalformedMaps(input: String, message: String) {
      let error = #expect(throws: EvaluationLabelMap.ParseError.self) {
        try EvaluationLabelMap(parsing: input)
      }
      #expect(error?.description == message)
    }

    @Test func parsesLabelLists() {
      #expect(SpanEvaluation.labelSet(parsing: "PER, LOC,,ORG ") == ["PER", "LOC", "ORG"])
      #expect(SpanEvaluation.labelSet(parsing: " , ").isEmpty)
    }
  }
}
