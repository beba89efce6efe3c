import ArgumentParser
import NewsTag

/// Scores newstag's output against gold annotations, span by span.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score predicted entity spans against gold annotations (precision, recall, F1).",
    discussion: """
      Both files are JSONL. A gold line is {"id", "entities": [{"start", "end", "label", ...}]}; \
      the prediction file is newstag's output (error records count as documents with no \
      entities). Offsets are Unicode code points, end exclusive. Documents are paired by id.

      Strict matching needs the same start, end and label; overlap matching needs the same \
      label and at least one shared code point. Both are one to one.
      """
  )

  /// How to print the report.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  @Option(help: ArgumentHelp("The gold annotations (JSONL).", valueName: "gold.jsonl"))
  var gold: String

  @Argument(help: ArgumentHelp("newstag's output to score (JSONL).", valueName: "prediction.jsonl"))
  var prediction: String

  @Option(
    help: ArgumentHelp(
      "Rename predicted labels, such as PERSON=PER,COUNTRY=LOC,LOCATION=LOC,ORGANIZATION=ORG.",
      valueName: "FROM=TO,..."))
  var labelMap: String?

  @Option(help: ArgumentHelp("Score only these labels, on both sides.", valueName: "PER,LOC,..."))
  var labels: String?

  @Flag(help: "Drop predictions whose label the label map does not mention.")
  var dropUnmapped = false

  @Flag(
    help: """
      Leave out gold PER mentions that are demonyms or party members (lowercase text, or an \
      entity id not starting with PER-) and the predictions overlapping them.
      """)
  var ignoreDemonyms = false

  @Option(
    name: .customLong("errors"),
    help: ArgumentHelp(
      "List the N most frequent strict false positives and false negatives.", valueName: "N"))
  var errorListLength = 0

  @Option(help: "Output format.")
  var format: Format = .text

  mutating func validate() throws {
    guard errorListLength >= 0 else { throw ValidationError("--errors must be at least 0") }
    if dropUnmapped, labelMap == nil {
      throw ValidationError("--drop-unmapped needs --label-map")
    }
    if let labelMap {
      do {
        _ = try EvaluationLabelMap(parsing: labelMap)
      } catch {
        throw ValidationError("--label-map: \(error.message)")
      }
    }
    if let labels, SpanEvaluation.labelSet(parsing: labels).isEmpty {
      throw ValidationError("--labels needs at least one label")
    }
  }

  func run() throws {
    let evaluation = SpanEvaluation(
      labelMap: try labelMap.map { try EvaluationLabelMap(parsing: $0) } ?? EvaluationLabelMap(),
      dropsUnmappedLabels: dropUnmapped,
      scoredLabels: labels.map(SpanEvaluation.labelSet(parsing:)),
      ignoresDemonyms: ignoreDemonyms,
      errorListLength: errorListLength
    )

    let report: SpanEvaluationReport
    do {
      report = try evaluation.evaluate(goldAtPath: gold, predictionsAtPath: prediction)
    } catch {
      printError("\(error)")
      throw ExitCode.failure
    }
    switch format {
    case .text:
      print(report.formattedAsText())
    case .json:
      print(try report.formattedAsJSON())
    }
  }
}
