/// One entity of a gazetteer: its identity and every name it goes by.
///
/// The file format is specified in `Gazetteers/README.md`.
public struct GazetteerEntry: Sendable, Equatable {
  /// How the matcher may inflect the entity's names (§5.3 of the morphology notes).
  public enum Inflection: String, Sendable, CaseIterable {
    /// `person` for PERSON entries whose words are all capitalised, else `inflect`.
    case auto
    /// Personal names never take an article: `Радева` is not a form of `Радев`.
    case person
    /// Article forms of the first word are generated (`Конгрес на САЩ` → `Конгресът на САЩ`).
    case inflect
    /// Matched exactly as written, token for token.
    case frozen
  }

  public struct Flags: OptionSet, Sendable, Hashable, BitwiseCopyable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Capitalised words may appear in lower case (`брекзит`, `еврозоната`).
    public static let lowercaseOK = Flags(rawValue: 1 << 0)
    /// The name is also an ordinary word (`Мир`, `Труд`, `Сочи`): exact form only,
    /// capitalised, not at the start of a sentence, not in an all-caps line.
    public static let commonWord = Flags(rawValue: 1 << 1)
    /// Reviewed: the word list has this name as a word, but in news it is
    /// the name (`Самоков`, `Малага`). Silences the review's warning only.
    public static let notCommonWord = Flags(rawValue: 1 << 2)

    /// Flag names as written in the `flags` column.
    public static let names: [(String, Flags)] = [
      ("lowercase-ok", .lowercaseOK), ("common-word", .commonWord),
      ("not-common-word", .notCommonWord),
    ]
  }

  public var id: String
  public var label: String
  /// Canonical name, in dictionary form: the name of the entry's first line.
  public var name: String
  /// Every name the entity goes by, the canonical one first, each with the
  /// options of the line it came from.
  public var names: [Name]
  /// Optional columns such as `wikidata`, `country`, `category`.
  public var attributes: [String: String]
  /// Where the entry is first defined.
  public var file: String
  public var line: Int

  /// One name of an entity and how it may be matched.
  public struct Name: Sendable, Equatable {
    public var text: String
    public var inflection: Inflection
    public var flags: Flags
    public var file: String
    public var line: Int

    public init(
      _ text: String, inflection: Inflection = .auto, flags: Flags = [], file: String = "",
      line: Int = 0
    ) {
      self.text = text
      self.inflection = inflection
      self.flags = flags
      self.file = file
      self.line = line
    }
  }

  /// An entry whose names all share one set of options.
  public init(
    id: String, label: String, name: String, aliases: [String] = [],
    inflection: Inflection = .auto, flags: Flags = [], attributes: [String: String] = [:],
    file: String = "", line: Int = 0
  ) {
    self.id = id
    self.label = label
    self.name = name
    self.names = ([name] + aliases).map {
      Name($0, inflection: inflection, flags: flags, file: file, line: line)
    }
    self.attributes = attributes
    self.file = file
    self.line = line
  }

  /// The names other than the canonical one.
  public var aliases: [String] { names.dropFirst().map(\.text) }
}
