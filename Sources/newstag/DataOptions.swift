import ArgumentParser
import NewsTag

/// Where gazetteers and topic lexicons come from, shared by the subcommands.
struct DataOptions: ParsableArguments {
  @Option(
    name: .customLong("gazetteers"),
    help: ArgumentHelp(
      "A folder of gazetteer .tsv files (and topics/) added on top of the defaults; repeatable.",
      valueName: "dir"))
  var gazetteerDirectories: [String] = []

  @Flag(
    help: """
      Use only the --gazetteers folders' entity files, not the built-in ones \
      (the built-in topic lexicons stay unless a folder has topics/taxonomy.tsv).
      """)
  var noDefaultGazetteers = false

  @Flag(help: "Compile the gazetteers and topics afresh instead of reading the compiled cache.")
  var noCache = false

  /// The files to load, defaults first.
  func files() throws -> GazetteerFiles {
    var files = GazetteerFiles.defaults
    if noDefaultGazetteers { files.gazetteers = [] }
    for directory in gazetteerDirectories {
      do {
        files = files.merged(with: try GazetteerFiles.load(directory: directory))
      } catch {
        printError("newstag: \(error)")
        throw ExitCode.failure
      }
    }
    return files
  }

  /// Loads and compiles the gazetteers, or reads them from the cache when the
  /// same files were compiled before; on any error prints every diagnostic and fails.
  func compiledGazetteer(files: GazetteerFiles) throws -> CompiledGazetteer {
    let cache = noCache ? nil : GazetteerCache.standard
    let key = cache?.key(for: files.gazetteers)
    if let cache, let key, let cached = cache.load(key: key) { return cached }
    let compiled = try loadedGazetteer(files: files).compiled
    if let cache, let key { cache.store(compiled, key: key) }
    return compiled
  }

  /// Loads and compiles the gazetteers, without the cache, for commands that
  /// also need the entries; on any error prints every diagnostic and fails.
  func loadedGazetteer(files: GazetteerFiles) throws -> (
    entries: [GazetteerEntry], compiled: CompiledGazetteer
  ) {
    let loader = GazetteerLoader.load(files.gazetteers)
    guard !loader.hasErrors else {
      report(loader.diagnostics)
      throw ExitCode.failure
    }
    let compiled = CompiledGazetteer(loader.entries)
    let diagnostics = loader.diagnostics + compiled.diagnostics
    if diagnostics.contains(where: { $0.severity == .error }) {
      report(diagnostics)
      throw ExitCode.failure
    }
    return (loader.entries, compiled)
  }

  /// Loads the topic taxonomy and lexicons; on any error prints every diagnostic and fails.
  func topicLexicon(files: GazetteerFiles) throws -> TopicLexicon {
    guard let taxonomy = files.taxonomy else {
      printError("newstag: error: no topic taxonomy (topics/taxonomy.tsv) among the gazetteers")
      throw ExitCode.failure
    }
    let lexicon = TopicLexicon(taxonomy: taxonomy, lexicons: files.topicLexicons)
    if lexicon.hasErrors {
      report(lexicon.diagnostics)
      throw ExitCode.failure
    }
    return lexicon
  }

  /// The compiled topic model, read from the cache when the same taxonomy
  /// and lexicons were compiled before; on any error prints every diagnostic and fails.
  func topicModel(files: GazetteerFiles) throws -> TopicModel {
    let cache = noCache ? nil : GazetteerCache.standard
    let key = files.taxonomy.flatMap { taxonomy in
      cache?.key(for: [taxonomy] + files.topicLexicons)
    }
    if let cache, let key, let cached = cache.loadTopicModel(key: key) { return cached }
    let model = TopicModel(try topicLexicon(files: files))
    if let cache, let key { cache.store(model, key: key) }
    return model
  }

  func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { printError(diagnostic.description) }
    let errors = diagnostics.filter { $0.severity == .error }.count
    printError("newstag: \(errors) error(s), \(diagnostics.count - errors) warning(s)")
  }
}
