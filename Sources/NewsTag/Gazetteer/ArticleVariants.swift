/// Generates the Bulgarian definite-article forms of a dictionary-form name.
///
/// The article goes on the first word of a name and only there; later words
/// never change (`Конгрес на САЩ` → `Конгреса на САЩ`, `Конгресът на САЩ`;
/// `Европейски съюз` → `Европейския съюз`, `Европейският съюз`). The rules are
/// those of §5.4 of the morphology notes; they produce about two keys per
/// entry, at most seven. Forms that never occur in text do no harm.
enum ArticleVariants {
  /// Function words after which the first word counts as unmodified (`Съд на ЕС`).
  static let functionWords: Set<String> = [
    "на", "за", "в", "във", "от", "по", "с", "със", "към", "при", "между", "до", "и", "или",
    "след", "срещу", "над", "под", "пред", "без", "през", "относно", "край",
  ]

  /// Key sequences for the articled forms of `name`; empty when none apply.
  static func variants(of name: NameTokens) -> [[String]] {
    guard let slotIndex = slot(of: name) else { return [] }
    let slot = name.words[slotIndex]
    if name.wordCount == 1 && slot.letterCount < 4 { return [] }
    let next = slotIndex + 1 < name.words.count ? name.words[slotIndex + 1] : nil
    let isModified = next.map { !$0.isNumeric && !functionWords.contains($0.key) } ?? false
    return forms(of: slot.key, isModified: isModified).map { form in
      var keys = name.keys
      keys[slotIndex] = form
      return keys
    }
  }

  /// The token that takes the article: the first word, or the last part of a
  /// hyphenated first word; nil when it is not a Cyrillic common word.
  static func slot(of name: NameTokens) -> Int? {
    guard let last = name.words.lastIndex(where: { $0.wordIndex == 0 }) else { return nil }
    let word = name.words[last]
    guard word.isCyrillic, !word.isNumeric, !word.isAcronymLike else { return nil }
    return last
  }

  /// The article forms of a lowercase word.
  static func forms(of word: String, isModified: Bool) -> [String] {
    guard let last = word.last else { return [] }
    let stem = String(word.dropLast())
    switch last {
    case "а", "я": return [word + "та"]
    case "о", "е", "у", "ю": return [word + "то"]
    case "и": return isModified ? [word + "те", word + "я", word + "ят"] : [word + "те"]
    case "й": return [stem + "я", stem + "ят"]
    case "ь", "ъ": return []
    default: break
    }
    guard last.unicodeScalars.allSatisfy({ Homoglyphs.isCyrillic($0.value) }) else { return [] }
    var forms = [word + "а", word + "ът"]
    if word.hasSuffix("тел") || word.hasSuffix("ар") { forms += [word + "я", word + "ят"] }
    guard isModified else { return forms }
    // Adjectives: full and short article, with the fleeting vowel dropped
    // (Северен → Северния) and я → е (Бял → Белия).
    forms += [word + "ия", word + "ият"]
    if let fleeting = withoutFleetingVowel(word) { forms += [fleeting + "ия", fleeting + "ият"] }
    if let alternated = withYaAlternated(word) { forms += [alternated + "ия", alternated + "ият"] }
    return forms
  }

  /// The adjective without the vowel that drops before an ending (`северен`
  /// → `северн`, `добър` → `добр`), or nil when it has none.
  static func withoutFleetingVowel(_ word: String) -> String? {
    guard ["ен", "ър", "ък", "ъл", "ел"].contains(where: word.hasSuffix), let last = word.last
    else { return nil }
    return String(word.dropLast(2)) + String(last)
  }

  /// The word with its last vowel я turned into е (`бял` → `бел`), or nil
  /// when its last vowel is not я.
  static func withYaAlternated(_ word: String) -> String? {
    guard let index = word.lastIndex(where: { "аъоуеиюя".contains($0) }), word[index] == "я"
    else { return nil }
    var result = word
    result.replaceSubrange(index...index, with: "е")
    return result
  }
}
