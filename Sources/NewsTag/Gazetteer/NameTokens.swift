/// A gazetteer name as the matcher sees it: normalised and tokenized by the
/// same ``Normalizer`` and ``Tokenizer`` as running text.
struct NameTokens {
  struct Word {
    /// The token as written (after normalisation), for case checks.
    var surface: String
    /// Lowercase key, as in ``TokenList/keys``.
    var key: String
    /// Index of the whitespace-separated word it belongs to: `Британо-българска` is one word, two tokens.
    var wordIndex: Int
    var shape: TokenShape

    var isNumeric: Bool { !shape.contains(.hasUpper) && !shape.contains(.hasLower) }

    var letterCount: Int {
      key.unicodeScalars.filter { ScalarTable.shared.scalarClass($0.value).isLetter }.count
    }

    /// Two or more capitals, or a capital after the first letter (`ЕС`, `САЩ`, `bTV`, `PGNiG`).
    var isAcronymLike: Bool { shape.contains(.upperAfterFirst) }

    var isCyrillic: Bool {
      key.unicodeScalars.first.map { Homoglyphs.isCyrillic($0.value) } ?? false
    }
  }

  var words: [Word]

  init(_ name: String, normalizer: Normalizer, tokenizer: Tokenizer) throws {
    let normalized = try normalizer.normalize(name).string
    let list = tokenizer.tokenize(normalized)
    let bytes = Array(normalized.utf8)
    var words: [Word] = []
    var wordIndex = 0
    var previousEnd = 0
    for (index, token) in list.tokens.enumerated() {
      if index > 0 {
        let gap = String(decoding: bytes[previousEnd..<Int(token.start)], as: UTF8.self)
        if gap.unicodeScalars.contains(where: {
          let kind = ScalarTable.shared.scalarClass($0.value)
          return kind == .space || kind == .newline
        }) {
          wordIndex += 1
        }
      }
      previousEnd = Int(token.end)
      words.append(
        Word(
          surface: String(decoding: bytes[Int(token.start)..<Int(token.wordEnd)], as: UTF8.self),
          key: list.key(index), wordIndex: wordIndex, shape: token.shape))
    }
    self.words = words
  }

  var keys: [String] { words.map(\.key) }

  var wordCount: Int { (words.last?.wordIndex ?? -1) + 1 }

  /// True when every word with letters starts with a capital (`Володимир Зеленски`, not `Свят отец`).
  var isCapitalised: Bool {
    words.allSatisfy { $0.isNumeric || $0.shape.contains(.startsUpper) }
  }
}
