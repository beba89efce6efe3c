import Testing

@testable import NewsTag

@Suite struct TokenizerTests {
  let tokenizer = Tokenizer()

  func keys(_ text: String) -> [String] {
    let list = tokenizer.tokenize(text)
    return list.tokens.indices.map { list.key($0) }
  }

  @Test(arguments: [
    ("Конгресът на САЩ", ["конгресът", "на", "сащ"]),
    ("Днес+ и Днес", ["днес+", "и", "днес"]),
    ("С&Д, AT&T", ["с&д", "at&t"]),
    ("Жан-Клод Юнкер", ["жан", "клод", "юнкер"]),
    ("„Северен поток“ 2", ["северен", "поток", "2"]),
    ("Северен поток-2", ["северен", "поток", "2"]),
    ("Северен поток – 2", ["северен", "поток", "2"]),
    ("БДЖ-то спря", ["бдж", "спря"]),
    ("ЕС27 и F-16 и F16", ["ес", "27", "и", "f", "16", "и", "f", "16"]),
    ("Зелен\u{00AD}ски", ["зеленски"]),
    ("10-годишни", ["10", "годишни"]),
    ("в\u{200B}Киев", ["в", "киев"]),
  ])
  func splitsAndKeys(text: String, expected: [String]) {
    #expect(keys(text) == expected)
  }

  @Test func absorbsTheArticleOfAnAcronymOnly() {
    let list = tokenizer.tokenize("БДЖ-то и ЕС-а и нато-то")
    let bytes = Array("БДЖ-то и ЕС-а и нато-то".utf8)
    let first = list.tokens[0]
    #expect(String(decoding: bytes[Int(first.start)..<Int(first.end)], as: UTF8.self) == "БДЖ-то")
    #expect(String(decoding: bytes[Int(first.start)..<Int(first.wordEnd)], as: UTF8.self) == "БДЖ")
    #expect(first.shape.contains(.hasArticleSuffix))
    #expect(list.key(2) == "ес")
    // A lowercase word keeps the hyphen as a separator.
    #expect(list.tokens.indices.map { list.key($0) }.suffix(2) == ["нато", "то"])
  }

  @Test func marksSentenceInitialTokens() {
    let text = "Мей каза: „Тръмп дойде.“ Днес, а не утре.\n— Путин"
    let list = tokenizer.tokenize(text)
    let initial = list.tokens.indices.filter { list.tokens[$0].shape.contains(.sentenceInitial) }
      .map { list.key($0) }
    #expect(initial == ["мей", "тръмп", "днес", "путин"])
  }

  @Test func marksAllCapsLines() {
    let list = tokenizer.tokenize("ТРЪМП И ПУТИН\nТръмп и САЩ")
    let flagged = list.tokens.indices.filter { list.tokens[$0].shape.contains(.inAllCapsLine) }
      .map { list.key($0) }
    #expect(flagged == ["тръмп", "и", "путин"])
  }

  @Test(arguments: [
    ("Киев", TokenShape([.startsUpper, .hasUpper, .hasLower])),
    ("САЩ", TokenShape([.startsUpper, .hasUpper, .upperAfterFirst])),
    ("bTV", TokenShape([.hasUpper, .hasLower, .upperAfterFirst])),
    ("2024", TokenShape([.hasDigit])),
  ])
  func describesShapes(word: String, shape: TokenShape) {
    let token = tokenizer.tokenize("и " + word).tokens[1]
    #expect(token.shape == shape)
  }

  @Test func formatCharactersAroundAWordStayOutsideIt() {
    let text = "\u{FEFF}Киев \u{200E}Москва\u{200E} и"
    let list = tokenizer.tokenize(text)
    let bytes = Array(text.utf8)
    let surfaces = list.tokens.map {
      String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self)
    }
    #expect(surfaces == ["Киев", "Москва", "и"])
    #expect(list.tokens[0].shape.contains(.sentenceInitial))
  }

  @Test func offsetsAreByteRangesOfTheText() {
    let text = "Киев, „Москва“"
    let list = tokenizer.tokenize(text)
    let bytes = Array(text.utf8)
    let surfaces = list.tokens.map {
      String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self)
    }
    #expect(surfaces == ["Киев", "Москва"])
  }
}
