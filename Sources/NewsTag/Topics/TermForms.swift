/// The inflected forms of a topic term (a common noun, adjective or verb),
/// which inflect far more than names do.
///
/// Rules cover regular paradigms of one-word terms. A phrase gets the
/// article forms of its first word, as names do. Anything irregular is listed
/// in the lexicon's `forms` column, and every listed form gets its own
/// article forms. Generated forms that are not words
/// do no harm; the rules never strip endings from text, so unrelated words are
/// not pulled in.
public enum TermForms {
  public enum PartOfSpeech: String, CaseIterable, Sendable {
    /// Article forms only (`преговори` → `преговорите`), as for names.
    case noun
    /// Gender, number and article forms of an adjective (`военен` → `военна`, `военните`).
    case adjective = "adj"
    /// Present, past and participle forms of an `-ам`/`-ям` verb (`преговарям` → `преговарят`).
    case verb
  }

  /// The key sequences a term matches: its generated forms and the listed
  /// ones, each with its article forms.
  static func phrases(
    of term: String, forms listed: [String], partOfSpeech: PartOfSpeech?,
    normalizer: Normalizer, tokenizer: Tokenizer
  ) -> [[String]] {
    var written = [term] + listed
    if let partOfSpeech { written += forms(of: term.lowercased(), as: partOfSpeech) }
    var phrases: [[String]] = []
    // Keys are compared as bytes: they are already normalised, and hashing
    // `String`s would normalise them again.
    var seen: Set<[UInt8]> = []
    for form in written {
      guard let tokens = try? NameTokens(form, normalizer: normalizer, tokenizer: tokenizer),
        !tokens.words.isEmpty
      else { continue }
      for phrase in [tokens.keys] + ArticleVariants.variants(of: tokens)
      where seen.insert(Array(phrase.joined(separator: "\u{1F}").utf8)).inserted {
        phrases.append(phrase)
      }
    }
    return phrases
  }

  /// Every form of one word, the word itself first.
  static func forms(of word: String, as partOfSpeech: PartOfSpeech) -> [String] {
    var forms: [String]
    switch partOfSpeech {
    case .noun: forms = [word] + ArticleVariants.forms(of: word, isModified: false)
    case .adjective: forms = adjectiveForms(word)
    case .verb: forms = verbForms(word)
    }
    var seen: Set<String> = []
    return forms.filter { seen.insert($0).inserted }
  }

  /// `военен`: военна, военно, военни, военния, военният, военната, военното, военните;
  /// `руски`: руска, руско, руския, руският, руската, руското, руските;
  /// `бял`: бяла, бяло, бели, белия, белият, бялата, бялото, белите.
  static func adjectiveForms(_ word: String) -> [String] {
    var forms = [word]
    if word.hasSuffix("и") {
      let stem = String(word.dropLast())
      forms += [
        stem + "а", stem + "о", word + "я", word + "ят", stem + "ата", stem + "ото", word + "те",
      ]
      return forms
    }
    var stems = [word]
    if let fleeting = ArticleVariants.withoutFleetingVowel(word) { stems.append(fleeting) }
    for stem in stems {
      // The plural and the masculine article forms take е for я (бял → бели, белия).
      let soft = ArticleVariants.withYaAlternated(stem) ?? stem
      forms += [
        stem + "а", stem + "о", soft + "и", soft + "ия", soft + "ият", stem + "ата", stem + "ото",
        soft + "ите",
      ]
    }
    return forms
  }

  /// `преговарям`: преговаря, преговаряме, преговаряте, преговарят, преговарях,
  /// преговаряше, преговаряхме, преговаряхте, преговаряха, преговарял(а/о/и),
  /// преговарящ(а/о/и); other verbs get no forms beyond the word.
  static func verbForms(_ word: String) -> [String] {
    guard word.hasSuffix("ам") || word.hasSuffix("ям") else { return [word] }
    let stem = String(word.dropLast())
    return [word]
      + [
        "", "ме", "те", "т", "х", "ше", "хме", "хте", "ха", "л", "ла", "ло", "ли", "щ", "ща", "що",
        "щи",
      ]
      .map { stem + $0 }
  }

}
