import ArgumentParser
import NewsTag

struct GazetteerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gazetteer",
    abstract: "Check, count and explain gazetteers.",
    subcommands: [Check.self, Stats.self, Explain.self]
  )

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate gazetteer files; every problem as file:line: message.",
      discussion: "Exits non-zero when there is any error. Warnings do not fail the check.")

    @Argument(help: "Folders to check on top of the defaults.")
    var directories: [String] = []

    @Flag(help: "Check only the given folders, not the built-in defaults.")
    var noDefaultGazetteers = false

    @Option(
      help: ArgumentHelp(
        "A Bulgarian word list, one form a line, for the common-word check.", valueName: "file"))
    var wordList = "/usr/share/dict/bulgarian"

    func run() throws {
      var data = DataOptions()
      data.gazetteerDirectories = directories
      data.noDefaultGazetteers = noDefaultGazetteers
      let files = try data.files()
      let loader = GazetteerLoader.load(files.gazetteers)
      var diagnostics = loader.diagnostics
      if !loader.hasErrors { diagnostics += CompiledGazetteer(loader.entries).diagnostics }
      let words = WordList.load(path: wordList)
      if words == nil {
        printError(
          "newstag: note: no word list at \(wordList) (Debian package wbulgarian); "
            + "common-word check skipped")
      }
      diagnostics += GazetteerReview.review(loader.entries, commonWords: words)
      if let taxonomy = files.taxonomy {
        let lexicon = TopicLexicon(taxonomy: taxonomy, lexicons: files.topicLexicons)
        diagnostics += lexicon.diagnostics
        diagnostics += lexicon.unknownEntityCues(knownIDs: Set(loader.entries.map(\.id)))
      }
      for diagnostic in diagnostics { print(diagnostic.description) }
      let errors = diagnostics.filter { $0.severity == .error }.count
      let summary =
        "\(loader.entries.count) entries in \(files.gazetteers.count) file(s): "
        + "\(errors) error(s), \(diagnostics.count - errors) warning(s)"
      printError("newstag: \(summary)")
      if errors > 0 { throw ExitCode.failure }
    }
  }

  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Count entries, names and keys.")

    @OptionGroup var data: DataOptions

    func run() throws {
      let files = try data.files()
      let (entries, compiled) = try data.loadedGazetteer(files: files)
      var byLabel: [String: (entries: Int, names: Int)] = [:]
      for entry in entries {
        byLabel[entry.label, default: (0, 0)].entries += 1
        byLabel[entry.label, default: (0, 0)].names += entry.names.count
      }
      print("label".padding(16) + "entries".leftPadding(9) + "names".leftPadding(9))
      for (label, counts) in byLabel.sorted(by: { $0.key < $1.key }) {
        print(
          label.padding(16) + String(counts.entries).leftPadding(9)
            + String(counts.names).leftPadding(9))
      }
      print(
        "total".padding(16) + String(entries.count).leftPadding(9)
          + String(entries.reduce(0) { $0 + $1.names.count }).leftPadding(9))
      print(
        "files: \(files.gazetteers.count); phrases (names and article forms): \(compiled.phraseCount)"
      )
    }
  }

  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show how a text is tokenized and keyed and which entries it matches.")

    @Argument(help: "The text to explain, such as \"Конгресът на САЩ\".")
    var text: String

    @OptionGroup var data: DataOptions

    func run() throws {
      let files = try data.files()
      let (entries, compiled) = try data.loadedGazetteer(files: files)
      let explanation = try GazetteerExplanation(text: text, entries: entries, gazetteer: compiled)
      for line in explanation.lines { print(line) }
    }
  }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  func leftPadding(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
