/// Warnings about gazetteer content that loads fine but will match badly:
/// names that are also common Bulgarian words, and names written in an
/// articled form instead of the dictionary form.
///
/// Shared names (one name on two entities) are reported when compiling
/// (``CompiledGazetteer/diagnostics``).
public enum GazetteerReview {
  /// Endings of an articled first word (`Обединеното кралство`, `Конгресът на САЩ`).
  static let articleEndings = ["ата", "ото", "ите", "ият", "ът", "ят"]
  /// `-ия` is an article only after an adjective stem (`Европейския`, not `Партия`).
  static let adjectiveStemsBeforeIa = ["ск", "шк", "цк", "чк"]

  /// - Parameter commonWords: a Bulgarian word list (one form per entry, as
  ///   written); nil skips the common-word check.
  public static func review(_ entries: [GazetteerEntry], commonWords: Set<String>?) -> [Diagnostic]
  {
    let normalizer = Normalizer()
    let tokenizer = Tokenizer()
    var diagnostics: [Diagnostic] = []
    for entry in entries {
      for name in entry.names {
        guard let tokens = try? NameTokens(name.text, normalizer: normalizer, tokenizer: tokenizer),
          !tokens.words.isEmpty
        else { continue }
        func warning(_ message: String) {
          diagnostics.append(.init(.warning, file: name.file, line: name.line, message))
        }
        if let commonWords, name.flags.isDisjoint(with: [.commonWord, .notCommonWord]),
          let word = commonWord(tokens, written: name.text, in: commonWords)
        {
          warning(
            "'\(name.text)' is also the common word '\(word)': give it its own line with "
              + "flags common-word, or flags not-common-word if news means the name")
        }
        let inflection = CompiledGazetteer.resolve(
          name.inflection, label: entry.label, tokens: tokens)
        if inflection == .inflect, let ending = articledEnding(tokens, words: commonWords) {
          warning(
            "'\(name.text)' looks articled (first word ends in -\(ending)): "
              + "write the dictionary form; article forms are generated")
        }
      }
    }
    return diagnostics
  }

  /// The lowercase word a one-word capitalised name stands for, when the
  /// list has it in lower case but not as written (`Мир`/`мир`, `СТО`/`сто`).
  static func commonWord(_ tokens: NameTokens, written: String, in words: Set<String>) -> String? {
    guard tokens.words.count == 1, let word = tokens.words.first,
      word.shape.contains(.startsUpper), !word.shape.contains(.hasDigit)
    else { return nil }
    let lowercase = word.key
    guard words.contains(lowercase), !words.contains(word.surface) else { return nil }
    return lowercase
  }

  /// The article ending of the name's first word, if it looks articled. A
  /// one-word name counts only when the word list has it both with and
  /// without the ending (`Кремълът`, not `Пейтриът`).
  static func articledEnding(_ tokens: NameTokens, words: Set<String>?) -> String? {
    guard let slot = ArticleVariants.slot(of: tokens) else { return nil }
    let word = tokens.words[slot].key
    let isMultiWord = tokens.wordCount > 1
    for ending in articleEndings where word.hasSuffix(ending) && word.count > ending.count + 2 {
      if isMultiWord { return ending }
      if let words, words.contains(word), words.contains(String(word.dropLast(ending.count))) {
        return ending
      }
    }
    if isMultiWord, word.hasSuffix("ия"),
      adjectiveStemsBeforeIa.contains(where: { word.dropLast(2).hasSuffix($0) })
    {
      return "ия"
    }
    return nil
  }
}
