@testable import NewsTag

/// The bundled gazetteers and topic lexicons, loaded and compiled once for
/// every suite that needs them.
enum DefaultData {
  static let files = GazetteerFiles.defaults
  private static let loaded = {
    let loader = GazetteerLoader.load(files.gazetteers)
    return (entries: loader.entries, diagnostics: loader.diagnostics)
  }()
  static var entries: [GazetteerEntry] { loaded.entries }
  static var loadDiagnostics: [Diagnostic] { loaded.diagnostics }
  static let gazetteer = CompiledGazetteer(entries)
  static let lexicon = TopicLexicon(
    taxonomy: files.taxonomy ?? GazetteerSource(path: "missing", text: ""),
    lexicons: files.topicLexicons)
}
