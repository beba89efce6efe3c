/// Why a text does or does not match the gazetteer, for `newstag gazetteer explain`.
///
/// Lists how the text is normalised and tokenized, the key of every token,
/// each mention with the name (as written, or which generated article form)
/// that produced it, and near misses: names whose keys the text reaches but
/// whose case rules or guards reject it, and words that begin like a name
/// but are not one of its generated forms.
public struct GazetteerExplanation {
  /// One way a key sequence can be read as an entity's name.
  struct Reading {
    var entry: GazetteerEntry
    var name: GazetteerEntry.Name
    var tokens: NameTokens
    var inflection: GazetteerEntry.Inflection
    /// The generated article form, or nil for the name as written.
    var generatedForm: String?
  }

  public let lines: [String]

  public init(text: String, entries: [GazetteerEntry], gazetteer: CompiledGazetteer) throws {
    let normalizer = Normalizer()
    let tokenizer = Tokenizer()
    var readings: [String: [Reading]] = [:]
    var namesByFirstKey: [String: [Reading]] = [:]
    for entry in entries {
      for name in entry.names {
        guard let tokens = try? NameTokens(name.text, normalizer: normalizer, tokenizer: tokenizer),
          let first = tokens.words.first
        else { continue }
        let inflection = CompiledGazetteer.resolve(
          name.inflection, label: entry.label, tokens: tokens)
        let base = Reading(
          entry: entry, name: name, tokens: tokens, inflection: inflection, generatedForm: nil)
        readings[Self.join(tokens.keys), default: []].append(base)
        namesByFirstKey[first.key, default: []].append(base)
        for variant in CompiledGazetteer.generatedForms(of: tokens, name: name, label: entry.label)
        {
          var reading = base
          reading.generatedForm = variant.joined(separator: " ")
          readings[Self.join(variant), default: []].append(reading)
        }
      }
    }

    var document = Document(id: "explain", text: text)
    try Pipeline([Normalizer(), Tokenizer(), EntityMatcher(gazetteer: gazetteer)])
      .process(&document)
    var lines: [String] = []
    let matchText = document.matchText
    if !matchText.isUnchanged { lines.append("normalised: \(matchText.string)") }
    let list = document.tokens ?? TokenList()
    let bytes = Array(matchText.string.utf8)
    func surface(_ token: Token) -> String {
      String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
    }
    lines.append("tokens:")
    for (index, token) in list.tokens.enumerated() {
      lines.append(
        "  \(index) \(surface(token))  key '\(list.key(index))'  \(Self.describe(token.shape))")
    }

    // Token ranges covered by mentions.
    let original = Array(text.utf8)
    var covered = [Bool](repeating: false, count: list.tokens.count)
    lines.append("mentions:")
    if document.mentions.isEmpty { lines.append("  none") }
    for mention in document.mentions {
      let indices = list.tokens.indices.filter {
        let start = matchText.originalOffset(Int(list.tokens[$0].start))
        return start >= mention.start && start < mention.end
      }
      for index in indices { covered[index] = true }
      let keys = indices.map { list.key($0) }
      let how =
        readings[Self.join(keys), default: []].first { $0.entry.id == mention.entityID }
        .map(Self.describe) ?? ""
      let written = String(decoding: original[mention.start..<mention.end], as: UTF8.self)
      lines.append("  \(written) → \(mention.label) \(mention.entityID) (\(mention.name))\(how)")
    }

    var misses: [String] = []
    for start in list.tokens.indices where !covered[start] {
      var keys: [String] = []
      for end in start..<min(list.tokens.count, start + gazetteer.maximumPhraseLength) {
        keys.append(list.key(end))
        for reading in readings[Self.join(keys), default: []] {
          let written = (start...end).map { surface(list.tokens[$0]) }.joined(separator: " ")
          misses.append(
            "  '\(written)' has the keys of \(reading.entry.id) '\(reading.name.text)'\(Self.describe(reading))"
              + " but is rejected: \(Self.rejection(reading, tokens: Array(list.tokens[start...end])))"
          )
        }
      }
      let key = list.key(start)
      let scalars = Array(key.unicodeScalars)
      guard scalars.count > 3 else { continue }
      for length in stride(from: scalars.count - 1, through: 3, by: -1) {
        let prefix = String(String.UnicodeScalarView(scalars[0..<length]))
        for reading in namesByFirstKey[prefix, default: []]
        where scalars.count - length <= 3 && reading.tokens.words.count == 1 {
          misses.append(
            "  '\(surface(list.tokens[start]))' begins like \(reading.entry.id) '\(reading.name.text)' "
              + "but is not one of its forms: \(Self.formsNote(reading))")
        }
      }
    }
    lines.append("near misses:")
    lines += misses.isEmpty ? ["  none"] : misses
    self.lines = lines
  }

  static func join(_ keys: [String]) -> String { keys.joined(separator: "\u{1F}") }

  static func describe(_ reading: Reading) -> String {
    if let form = reading.generatedForm {
      return " [generated article form '\(form)' of '\(reading.name.text)']"
    }
    return " [name as written '\(reading.name.text)']"
  }

  static func rejection(_ reading: Reading, tokens: [Token]) -> String {
    var reasons: [String] = []
    if reading.name.flags.contains(.commonWord) {
      if tokens.first?.shape.contains(.sentenceInitial) == true {
        reasons.append("a common-word name never matches at the start of a sentence")
      }
      if tokens.first?.shape.contains(.inAllCapsLine) == true {
        reasons.append("a common-word name never matches in an all-caps line")
      }
    }
    for (word, token) in zip(reading.tokens.words, tokens) {
      if word.isAcronymLike && !token.shape.isAllCaps {
        reasons.append("'\(word.surface)' is written in capitals, so only capitals match")
      } else if word.shape.contains(.startsUpper) && !token.shape.contains(.startsUpper)
        && !(reading.name.flags.contains(.lowercaseOK) && !reading.name.flags.contains(.commonWord))
      {
        reasons.append(
          "'\(word.surface)' is capitalised, so the text must be (or flag lowercase-ok)")
      }
    }
    return reasons.isEmpty
      ? "a longer or earlier match took these words" : reasons.joined(separator: "; ")
  }

  static func formsNote(_ reading: Reading) -> String {
    switch reading.inflection {
    case .person: return "personal names are never inflected (Радева is not Радев)"
    case .frozen: return "it is frozen: only the form as written matches"
    default: break
    }
    if reading.name.flags.contains(.commonWord) {
      return "it is a common-word name: only the form as written matches"
    }
    let forms = ArticleVariants.variants(of: reading.tokens).map { $0.joined(separator: " ") }
    if forms.isEmpty {
      return "no article forms are generated for it (short, acronym, number or not Cyrillic)"
    }
    return "its generated forms are \(forms.joined(separator: ", "))"
  }

  static func describe(_ shape: TokenShape) -> String {
    let names: [(TokenShape, String)] = [
      (.startsUpper, "capitalised"), (.hasLower, "lower"), (.hasDigit, "digits"),
      (.sentenceInitial, "sentence-initial"), (.inAllCapsLine, "all-caps-line"),
      (.hasArticleSuffix, "article-suffix"),
    ]
    var parts = names.filter { shape.contains($0.0) }.map(\.1)
    if shape.isAllCaps { parts.insert("all-caps", at: 0) }
    return parts.joined(separator: ",")
  }
}
