/// Gazetteer entries compiled for matching: every name and generated article
/// form as a phrase of interned token keys, with the case rules to check
/// against the text. Built once, immutable, shared by all threads (a class:
/// stages and closures that hold it copy one reference, not twenty arrays).
public final class CompiledGazetteer: Sendable {
  /// How one token of a name constrains the casing of the text token (§5.5).
  struct CaseRule: Sendable, BitwiseCopyable {
    enum Kind: UInt8, Sendable, BitwiseCopyable {
      /// Lowercase or numeric in the gazetteer: any casing in text.
      case any
      /// Capitalised: the text token must start with a capital.
      case capital
      /// Acronym-like: the text token must be all capitals or written exactly so.
      case acronym
    }
    var kind: Kind
    /// The acronym as written, in `surfaces`.
    var surfaceStart: Int32
    var surfaceEnd: Int32
  }

  /// One way a phrase can be read as an entity.
  struct Candidate: Sendable, BitwiseCopyable {
    var entity: Int32
    /// Rules for the phrase's tokens are `rules[rulesStart..<rulesStart + length]`.
    var rulesStart: Int32
    var length: Int32
    /// A generated article form rather than a name as written.
    var isGenerated: Bool
    var capitalCount: Int32
    var flags: GazetteerEntry.Flags
  }

  public let entities: [LinkedEntity]
  /// A random number telling this gazetteer from every other one in the
  /// process (never 0); its entities carry it.
  let serial: UInt64
  let terms: TermTable
  let phrases: PhraseIndex
  let candidates: [Candidate]
  let rules: [CaseRule]
  let surfaces: [UInt8]
  /// Problems found while compiling (names without words, shared names).
  public let diagnostics: [Diagnostic]
  /// Number of phrases (names and generated forms) in the index.
  public let phraseCount: Int

  /// The longest phrase in tokens.
  public let maximumPhraseLength: Int

  /// A serial for a new gazetteer.
  static func newSerial() -> UInt64 { UInt64.random(in: 1...UInt64.max) }

  init(
    serial: UInt64, entities: [LinkedEntity], terms: TermTable, phrases: PhraseIndex,
    candidates: [Candidate], rules: [CaseRule], surfaces: [UInt8],
    diagnostics: [Diagnostic] = [], phraseCount: Int, maximumPhraseLength: Int
  ) {
    self.serial = serial
    self.entities = entities
    self.terms = terms
    self.phrases = phrases
    self.candidates = candidates
    self.rules = rules
    self.surfaces = surfaces
    self.diagnostics = diagnostics
    self.phraseCount = phraseCount
    self.maximumPhraseLength = maximumPhraseLength
  }

  /// Compiles entries; names that yield no token are reported and skipped.
  public convenience init(_ entries: [GazetteerEntry]) {
    let normalizer = Normalizer()
    let tokenizer = Tokenizer()
    var termBuilder = TermTableBuilder()
    var phraseBuilder = PhraseIndexBuilder()
    var entities: [LinkedEntity] = []
    var candidates: [Candidate] = []
    var rules: [CaseRule] = []
    var surfaces: [UInt8] = []
    var diagnostics: [Diagnostic] = []
    // Candidates per phrase (as term ids), in load order: the first one owns the phrase.
    var candidatesByPhrase: [[Int32]: [Int]] = [:]
    var maximumLength = 0

    let serial = Self.newSerial()
    for entry in entries {
      let entityIndex = Int32(entities.count)
      entities.append(
        LinkedEntity(
          id: entry.id, label: entry.label, name: entry.name, gazetteerSerial: serial,
          index: entityIndex))
      for entryName in entry.names {
        let name = entryName.text
        let tokens: NameTokens
        do {
          tokens = try NameTokens(name, normalizer: normalizer, tokenizer: tokenizer)
        } catch {
          diagnostics.append(
            .init(.error, file: entryName.file, line: entryName.line, "name '\(name)': \(error)"))
          continue
        }
        guard !tokens.words.isEmpty else {
          diagnostics.append(
            .init(
              .error, file: entryName.file, line: entryName.line,
              "name '\(name)' has no letters or digits"))
          continue
        }
        let phrases =
          [(keys: tokens.keys, isGenerated: false)]
          + Self.generatedForms(of: tokens, name: entryName, label: entry.label).map {
            (keys: $0, isGenerated: true)
          }
        let rulesStart = Int32(rules.count)
        var capitalCount: Int32 = 0
        for word in tokens.words {
          if word.isAcronymLike {
            let start = Int32(surfaces.count)
            surfaces.append(contentsOf: word.surface.utf8)
            rules.append(
              CaseRule(kind: .acronym, surfaceStart: start, surfaceEnd: Int32(surfaces.count)))
            capitalCount += 1
          } else if word.shape.contains(.startsUpper) {
            rules.append(CaseRule(kind: .capital, surfaceStart: 0, surfaceEnd: 0))
            capitalCount += 1
          } else {
            rules.append(CaseRule(kind: .any, surfaceStart: 0, surfaceEnd: 0))
          }
        }
        for phrase in phrases {
          let termIDs = phrase.keys.map { termBuilder.intern(Array($0.utf8)) }
          let sharing = candidatesByPhrase[termIDs, default: []]
          // One candidate per entity and phrase; a name as written beats a generated form.
          if let existing = sharing.first(where: { candidates[$0].entity == entityIndex }) {
            if candidates[existing].isGenerated && !phrase.isGenerated {
              candidates[existing].isGenerated = false
              candidates[existing].rulesStart = rulesStart
              candidates[existing].capitalCount = capitalCount
              candidates[existing].flags = entryName.flags
            }
            continue
          }
          if let owner = sharing.first.map({ candidates[$0] }), !phrase.isGenerated {
            diagnostics.append(
              .init(
                .warning, file: entryName.file, line: entryName.line,
                "name '\(name)' is also a name of '\(entities[Int(owner.entity)].id)'"
                  + (owner.isGenerated ? " (as a generated article form)" : "")))
          }
          let candidateIndex = candidates.count
          candidates.append(
            Candidate(
              entity: entityIndex, rulesStart: rulesStart, length: Int32(termIDs.count),
              isGenerated: phrase.isGenerated, capitalCount: capitalCount, flags: entryName.flags))
          candidatesByPhrase[termIDs, default: []].append(candidateIndex)
          phraseBuilder.insert(termIDs, payload: Int32(candidateIndex))
          maximumLength = max(maximumLength, termIDs.count)
        }
      }
    }
    self.init(
      serial: serial, entities: entities, terms: termBuilder.build(),
      phrases: phraseBuilder.build(), candidates: candidates, rules: rules, surfaces: surfaces,
      diagnostics: diagnostics, phraseCount: candidatesByPhrase.count,
      maximumPhraseLength: maximumLength)
  }

  /// The article forms the matcher accepts for a name besides the name as
  /// written: none for personal, frozen and common-word names.
  static func generatedForms(of tokens: NameTokens, name: GazetteerEntry.Name, label: String)
    -> [[String]]
  {
    let inflection = resolve(name.inflection, label: label, tokens: tokens)
    guard inflection == .inflect && !name.flags.contains(.commonWord) else { return [] }
    return ArticleVariants.variants(of: tokens)
  }

  /// `auto` becomes `person` for PERSON (or PER) entries whose words are all
  /// capitalised (`Свят отец` is a title, not a personal name), else `inflect`.
  static func resolve(_ inflection: GazetteerEntry.Inflection, label: String, tokens: NameTokens)
    -> GazetteerEntry.Inflection
  {
    guard inflection == .auto else { return inflection }
    return (label == "PERSON" || label == "PER") && tokens.isCapitalised ? .person : .inflect
  }
}
