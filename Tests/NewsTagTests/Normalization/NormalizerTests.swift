import Testing

@testable import NewsTag

@Suite struct NormalizerTests {
  let normalizer = Normalizer()

  @Test func leavesNormalTextUncopied() throws {
    let text = "„САЩ и Украйна“ – преговори, 10-годишни."
    let normalized = try normalizer.normalize(text)
    #expect(normalized.isUnchanged)
    #expect(normalized.string == text)
    #expect(normalized.originalOffset(5) == 5)
  }

  @Test(arguments: [
    ("CAЩ", "САЩ"),  // Latin C and A inside a Cyrillic word
    ("Aсия Биби", "Асия Биби"),
    ("Северeн поток", "Северен поток"),
    ("ATACMS и CAЩ", "ATACMS и САЩ"),  // an all-Latin word stays Latin
    ("iPhone", "iPhone"),
  ])
  func foldsLatinLookalikesInsideCyrillicWords(input: String, expected: String) throws {
    #expect(try normalizer.normalize(input).string == expected)
  }

  @Test func mapsOffsetsBackAfterFolding() throws {
    // "CAЩ" has two one-byte Latin letters that become two-byte Cyrillic ones.
    let text = "в CAЩ и Киев"
    let normalized = try normalizer.normalize(text)
    let folded = Array(normalized.string.utf8)
    let kyivInFolded = folded.count - "Киев".utf8.count
    let kyivInOriginal = text.utf8.count - "Киев".utf8.count
    #expect(normalized.originalOffset(kyivInFolded) == kyivInOriginal)
    #expect(normalized.originalOffset(3) == 3)  // start of the folded word
    #expect(normalized.originalOffset(3 + "САЩ".utf8.count) == 3 + "CAЩ".utf8.count)
  }

  @Test func composesDecomposedLetters() throws {
    // и + U+0306 COMBINING BREVE is й in NFC; the offset after it maps back.
    let text = "Зеленски\u{0438}\u{0306} и Киев"
    let normalized = try normalizer.normalize(text)
    #expect(normalized.string == "Зеленский и Киев")
    let folded = normalized.string.utf8.count
    #expect(normalized.originalOffset(folded) == text.utf8.count)
  }

  @Test(arguments: [
    ("„САЩ“ – Киев, 10 души… ATACMS (MGM-140).", true),
    ("CAЩ", false),  // Latin C and A touch Cyrillic
    ("ЕС27", false),  // a digit touches Cyrillic: the full survey decides (nothing changes)
    ("Зеленски\u{0306}", false),  // a combining mark
    ("a\u{2000}b", false),  // EN QUAD, which NFC maps to EN SPACE
    ("Ελλάδα", false),  // Greek: outside the ranges known to be NFC
  ])
  func screensTextThatCannotChange(text: String, unchanged: Bool) throws {
    let screened = text.withUTF8Bytes { Normalizer.isCertainlyUnchanged($0) }
    #expect(screened == unchanged)
    // The screen only skips work: the result is the same either way.
    if screened { #expect(try normalizer.normalize(text).isUnchanged) }
  }

  /// The screen's definition, one byte at a time (the shipped screen takes
  /// eight at once where it can, and must agree).
  static func referenceScreen(_ bytes: [UInt8]) -> Bool {
    func flags(_ byte: UInt8) -> (alphanumeric: Bool, nonASCII: Bool) {
      let alphanumeric =
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      return (alphanumeric, byte >= 0x80)
    }
    for (index, byte) in bytes.enumerated() {
      if index > 0 {
        let (before, current) = (flags(bytes[index - 1]), flags(byte))
        if (before.alphanumeric && current.nonASCII) || (before.nonASCII && current.alphanumeric) {
          return false
        }
      }
      switch byte {
      case 0xCC...0xCF, 0xD4...0xE1, 0xE3...0xFF: return false
      case 0xE2:
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
        if !(next == 0x80 || next == 0x81) || (next == 0x80 && third <= 0x81) { return false }
      default: break
      }
    }
    return true
  }

  @Test func screenAgreesWithItsDefinitionAtEveryAlignment() {
    let pieces = [
      "Конгресът на САЩ", " ", "„", "“", " – ", "…", "2019", "г.", "ATACMS", "F-16", "CAЩ", "ЕС27",
      "\u{0306}", "Ελλάδα", "\u{2000}", "\u{2001}", "\u{2028}", "é", "Ñandú", "\n", "Зеленски",
    ].map { Array($0.utf8) }
    var generator = SplitMix(seed: 7)
    for _ in 0..<5_000 {
      var text: [UInt8] = []
      for _ in 0..<Int(generator.next() % 12) {
        text += pieces[Int(generator.next() % UInt64(pieces.count))]
      }
      let screened = text.withUnsafeBufferPointer { Normalizer.isCertainlyUnchanged($0) }
      #expect(screened == Self.referenceScreen(text), "\(String(decoding: text, as: UTF8.self))")
    }
  }

  @Test func storesItsResultOnTheDocument() throws {
    var document = Document(id: "d", text: "CAЩ")
    try normalizer.process(&document)
    #expect(document.matchText.string == "САЩ")
    #expect(document.text == "CAЩ")
  }
}
