import ArgumentParser
import NewsTag

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The stages a user can pick with `--stages`, in pipeline order.
enum StageName: String, CaseIterable {
  case normalize, tokenize, entities, topics

  static func parseList(_ list: String) throws -> [StageName] {
    try list.split(separator: ",").map { name in
      guard let stage = StageName(rawValue: String(name)) else {
        let known = allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("unknown stage '\(name)' (expected \(known))")
      }
      return stage
    }
  }
}

struct TagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tag",
    abstract: "Tag documents: files, folders (recursively) or JSON Lines on stdin.",
    discussion: """
      A .txt file is one document (its id is its path); a .jsonl file holds one
      document per line. With no path, or '-', JSON Lines are read from stdin.
      Output is one JSON object per input line (or text file), in input order;
      a line that cannot be processed gives {"id", "line", "error"} instead.
      """
  )

  @Argument(help: "Files or folders to tag; none or '-' reads JSON Lines from stdin.")
  var paths: [String] = []

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("Write output here instead of stdout.", valueName: "file"))
  var output: String?

  @Option(name: .shortAndLong, help: "Worker threads; output stays in input order.")
  var jobs = 1

  @Option(help: "JSON member holding the text.")
  var textField = "text"

  @Option(help: "JSON member holding the document id.")
  var idField = "id"

  @Flag(help: "Copy the text member to the output too.")
  var keepText = false

  @Option(
    help: ArgumentHelp(
      "Comma-separated stages to run, in order: normalize,tokenize,entities,topics.",
      valueName: "list"),
    transform: StageName.parseList)
  var stages: [StageName] = StageName.allCases

  @Option(name: .customLong("topics"), help: "At most this many topics per document.")
  var maximumTopics = 3

  @Option(help: "Keep topics scoring at least this (0...1).")
  var topicThreshold = 0.35

  @Flag(help: "Give each topic's evidence with counts and contributions.")
  var explain = false

  @Flag(help: "Print time per stage and documents per second on stderr.")
  var profile = false

  @Option(
    help: ArgumentHelp(
      "Output only entities with these labels (comma-separated).", valueName: "list"))
  var labels: String?

  @Option(
    help: ArgumentHelp(
      "Leave out entities with these labels, e.g. COUNTRY_ADJ (comma-separated).", valueName: "list"
    ))
  var excludeLabels: String?

  @OptionGroup var data: DataOptions

  @Option(help: .hidden) var batchSize = 256

  mutating func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    guard maximumTopics >= 0 else { throw ValidationError("--topics must be at least 0") }
    guard (0...1).contains(topicThreshold) else {
      throw ValidationError("--topic-threshold must be between 0 and 1")
    }
  }

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    let pipeline = try makePipeline()
    let inputs: [InputFile]
    do {
      inputs = try InputFile.expand(paths)
    } catch {
      printError("newstag: \(error)")
      throw ExitCode.failure
    }
    let sink: OutputSink
    do {
      sink = try output.map { try OutputSink(path: $0) } ?? OutputSink(fileDescriptor: 1)
    } catch {
      printError("newstag: \(error)")
      throw ExitCode.failure
    }
    var run = TaggingRun(
      pipeline: pipeline,
      decoder: RecordDecoder(textField: textField, idField: idField, keepText: keepText),
      renderer: DocumentRenderer(
        includeEntities: stages.contains(.entities), includeTopics: stages.contains(.topics),
        explainTopics: explain),
      jobs: jobs, batchSize: batchSize)
    if standardErrorIsTerminal { run.onProgress = ProgressLine().report }
    run.profile = profile
    let start = monotonicSeconds()
    do {
      let summary = try run.run(inputs, to: sink)
      if standardErrorIsTerminal { printError("", terminator: "\r\u{1B}[K") }
      if profile {
        printProfile(summary, steps: run.stepNames, wallSeconds: monotonicSeconds() - start)
      }
      printError(
        "newstag: \(summary.documents) document(s) tagged, \(summary.errors) error record(s)")
    } catch OutputError.closed {
      return
    } catch {
      printError("newstag: \(error)")
      throw ExitCode.failure
    }
  }

  private func printProfile(_ summary: TaggingRun.Summary, steps: [String], wallSeconds: Double) {
    let documents = summary.documents + summary.errors
    let megabytes = Double(summary.inputBytes) / 1_000_000
    printError(
      "newstag profile: \(documents) documents, \(format(megabytes, 1)) MB in "
        + "\(format(wallSeconds, 2)) s (after start-up): "
        + "\(Int(Double(documents) / wallSeconds)) documents/s, "
        + "\(format(megabytes / wallSeconds, 1)) MB/s, --jobs \(jobs)")
    let total = summary.stepSeconds.reduce(0, +)
    printError(
      "step".padding(12) + "seconds".leftPadding(10) + "share".leftPadding(8)
        + "µs/doc".leftPadding(10))
    for (name, seconds) in zip(steps, summary.stepSeconds) {
      printError(
        name.padding(12) + format(seconds, 3).leftPadding(10)
          + (format(100 * seconds / max(total, 1e-9), 1) + " %").leftPadding(8)
          + format(1e6 * seconds / Double(max(documents, 1)), 1).leftPadding(10))
    }
    printError("(step times are summed over worker threads)")
  }

  private func format(_ value: Double, _ digits: Int) -> String {
    var writer = JSONWriter()
    writer.appendDouble(value, fractionDigits: digits)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  private func makePipeline() throws -> Pipeline {
    let files = try data.files()
    var built: [any Stage] = []
    var gazetteer: CompiledGazetteer?
    for stage in stages {
      switch stage {
      case .normalize: built.append(Normalizer())
      case .tokenize: built.append(Tokenizer())
      case .entities:
        let compiled = try data.compiledGazetteer(files: files)
        gazetteer = compiled
        built.append(EntityMatcher(gazetteer: compiled))
      case .topics:
        let scorer = TopicScorer(
          model: try data.topicModel(files: files),
          options: .init(maximumTopics: maximumTopics, threshold: topicThreshold))
        built.append(gazetteer.map { scorer.linked(to: $0) } ?? scorer)
      }
    }
    if labels != nil || excludeLabels != nil {
      func set(_ list: String?) -> Set<String>? {
        list.map { Set($0.split(separator: ",").map(String.init)) }
      }
      built.append(LabelFilter(included: set(labels), excluded: set(excludeLabels) ?? []))
    }
    do {
      return try Pipeline(TermLookup.shared(by: built))
    } catch {
      throw ValidationError("\(error)")
    }
  }
}
