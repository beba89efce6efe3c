import Testing

@testable import NewsTag

@Suite struct GazetteerLoaderTests {
  func load(_ files: [(String, String)]) -> GazetteerLoader {
    GazetteerLoader.load(files.map { GazetteerSource(path: $0.0, text: $0.1) })
  }

  @Test func parsesEntriesWithAliasesOptionsAndAttributes() {
    let loader = load([
      (
        "people.tsv",
        """
        # comment
        id\tlabel\tname\taliases\tkind\tflags\twikidata
        person/zelensky\tPERSON\tВолодимир Зеленски\tЗеленски | Zelensky\t\t\tQ3874799

        event/brexit\tEVENT\tБрекзит\t\tinflect\tlowercase-ok\t
        """
      )
    ])
    #expect(loader.diagnostics.isEmpty)
    #expect(loader.entries.count == 2)
    let zelensky = loader.entries[0]
    #expect(zelensky.name == "Володимир Зеленски")
    #expect(zelensky.aliases == ["Зеленски", "Zelensky"])
    #expect(zelensky.attributes == ["wikidata": "Q3874799"])
    #expect(zelensky.file == "people.tsv" && zelensky.line == 3)
    let brexit = loader.entries[1]
    #expect(brexit.names[0].inflection == .inflect)
    #expect(brexit.names[0].flags == .lowercaseOK)
  }

  @Test func reportsEveryProblemWithItsLine() {
    let loader = load([
      (
        "bad.tsv",
        """
        id\tlabel\tname\tkind\tflags\twikidata
        a\tPERSON\t\t\t\t
        b\tPER SON\tИме\t\t\t
        c\tPERSON\tИме\tsometimes\t\t
        d\tPERSON\tИме\t\tloud\t
        e\tPERSON\tИме\t\t\t42
        f\tPERSON\tИме\t\t\t\textra
        """
      ),
      ("empty.tsv", "# nothing here\n"),
      ("header.tsv", "id\tname\n"),
    ])
    #expect(
      loader.diagnostics.map(\.description) == [
        "bad.tsv:2: error: empty name",
        "bad.tsv:3: error: label 'PER SON' is not a word of letters, digits and '_'",
        "bad.tsv:4: error: unknown kind 'sometimes' (expected one of auto, person, inflect, frozen)",
        "bad.tsv:5: error: unknown flag 'loud' (expected lowercase-ok, common-word, not-common-word)",
        "bad.tsv:6: error: wikidata id '42' is not of the form Q123",
        "bad.tsv:7: error: expected 6 fields, found 7",
        "empty.tsv: error: no header row (expected columns id, label, name)",
        "header.tsv:1: error: header lacks the required column 'label'",
      ])
    #expect(loader.hasErrors)
  }

  @Test func mergesLinesWithTheSameIDKeepingEachLinesOptions() {
    let loader = load([
      ("a.tsv", "id\tlabel\tname\nunion/eu\tORGANIZATION\tЕвропейски съюз\n"),
      ("b.tsv", "id\tlabel\tname\tflags\nunion/eu\tORGANIZATION\tСъюз\tcommon-word\n"),
    ])
    #expect(loader.diagnostics.isEmpty)
    #expect(loader.entries.count == 1)
    #expect(loader.entries[0].names.map(\.text) == ["Европейски съюз", "Съюз"])
    #expect(loader.entries[0].names.map(\.flags) == [[], .commonWord])
  }

  @Test func rejectsOneIDUnderTwoLabelsNamingBothPlaces() {
    let loader = load([
      ("a.tsv", "id\tlabel\tname\nx\tPERSON\tИме\n"),
      ("b.tsv", "id\tlabel\tname\n\nx\tLOCATION\tМясто\n"),
    ])
    #expect(
      loader.diagnostics.map(\.description) == [
        "b.tsv:3: error: id 'x' has label LOCATION here but PERSON at a.tsv:2"
      ])
  }

  @Test func disablesEntitiesAndNamesFromAnotherFile() {
    let loader = load([
      ("user.tsv", "id\tlabel\tname\taliases\n-a\t\t\n-b\t\tBee\tБи\n-c\t\t\n-b\t\tNope\n"),
      ("defaults.tsv", "id\tlabel\tname\taliases\na\tX\tA\nb\tX\tBee\tБи|Bi\n"),
    ])
    #expect(loader.entries.map(\.id) == ["b"])
    #expect(loader.entries[0].name == "Bi")
    #expect(loader.entries[0].names.map(\.text) == ["Bi"])
    #expect(
      loader.diagnostics.map(\.description) == [
        "user.tsv:4: warning: '-c' disables nothing: there is no entity 'c'",
        "user.tsv:5: warning: '-b' disables nothing: 'Nope' is not a name of it",
      ])
  }

  @Test func warnsAboutRepeatedNames() {
    let loader = load([("a.tsv", "id\tlabel\tname\taliases\nx\tPERSON\tИме\tИме|Друго||\n")])
    #expect(
      loader.diagnostics.map(\.description) == [
        "a.tsv:2: warning: alias 'Име' repeats a name of the same entry",
        "a.tsv:2: warning: empty alias in 'Име|Друго||'",
        "a.tsv:2: warning: empty alias in 'Име|Друго||'",
      ])
    #expect(!loader.hasErrors)
  }
}

@Suite struct GazetteerReviewTests {
  static let words: Set<String> = ["мир", "сто", "кремъл", "кремълът", "труд"]

  @Test func flagsCommonWordsAndArticledNames() {
    let entries = [
      GazetteerEntry(id: "a", label: "ORGANIZATION", name: "Мир", file: "f.tsv", line: 2),
      GazetteerEntry(id: "b", label: "ORGANIZATION", name: "СТО", file: "f.tsv", line: 3),
      GazetteerEntry(
        id: "c", label: "ORGANIZATION", name: "Труд", flags: .commonWord, file: "f.tsv", line: 4),
      GazetteerEntry(
        id: "d", label: "LOCATION", name: "Обединеното кралство", file: "f.tsv", line: 5),
      GazetteerEntry(id: "e", label: "ORGANIZATION", name: "Кремълът", file: "f.tsv", line: 6),
      GazetteerEntry(id: "f", label: "WEAPON", name: "Пейтриът", file: "f.tsv", line: 7),
      GazetteerEntry(
        id: "g", label: "ORGANIZATION", name: "Партия на свободата", file: "f.tsv", line: 8),
      GazetteerEntry(id: "h", label: "PERSON", name: "Мария Захарова", file: "f.tsv", line: 9),
      GazetteerEntry(
        id: "i", label: "LOCATION", name: "Труд", flags: .notCommonWord, file: "f.tsv", line: 10),
    ]
    #expect(
      GazetteerReview.review(entries, commonWords: Self.words).map(\.description) == [
        "f.tsv:2: warning: 'Мир' is also the common word 'мир': give it its own line with flags "
          + "common-word, or flags not-common-word if news means the name",
        "f.tsv:3: warning: 'СТО' is also the common word 'сто': give it its own line with flags "
          + "common-word, or flags not-common-word if news means the name",
        "f.tsv:5: warning: 'Обединеното кралство' looks articled (first word ends in -ото): "
          + "write the dictionary form; article forms are generated",
        "f.tsv:6: warning: 'Кремълът' is also the common word 'кремълът': give it its own line "
          + "with flags common-word, or flags not-common-word if news means the name",
        "f.tsv:6: warning: 'Кремълът' looks articled (first word ends in -ът): "
          + "write the dictionary form; article forms are generated",
      ])
  }
}

@Suite struct DefaultGazetteerTests {
  @Test func defaultsLoadAndCompileWithoutAnyDiagnostic() throws {
    let files = DefaultData.files
    #expect(!files.gazetteers.isEmpty)
    #expect(DefaultData.loadDiagnostics.map(\.description) == [])
    #expect(DefaultData.gazetteer.diagnostics.map(\.description) == [])
    // The common-word check needs Debian's wbulgarian word list; without it only that part is skipped.
    let words = WordList.load(path: "/usr/share/dict/bulgarian")
    #expect(
      GazetteerReview.review(DefaultData.entries, commonWords: words).map(\.description) == [])
    _ = try #require(files.taxonomy)
    #expect(DefaultData.lexicon.diagnostics.map(\.description) == [])
  }
}
