import Testing

@testable import NewsTag

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
  static let cases: [(bytes: [UInt8], valid: Bool, why: String)] = [
    ([], true, "empty"),
    (Array("ASCII only, longer than one word".utf8), true, "ASCII"),
    (Array("Конгресът на САЩ одобри помощта".utf8), true, "Cyrillic"),
    (Array("ГЕРБ – „Северен поток“ 2 … €5".utf8), true, "three-byte punctuation"),
    (Array("emoji 🇧🇬 and 𝔸".utf8), true, "four-byte scalars"),
    ([0x41, 0xD0], false, "two-byte lead at the very end"),
    ([0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0xD0], false, "lead ends the only word"),
    ([0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0xD0, 0x90], true, "pair across words"),
    (
      [0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0xD0, 0x41], false,
      "lead across words, no continuation"
    ),
    (
      Array(repeating: 0x41, count: 12) + [0x90] + Array(repeating: 0x41, count: 12), false,
      "lone continuation"
    ),
    (
      Array(repeating: 0x41, count: 9) + [0xC0, 0x80] + Array(repeating: 0x41, count: 9), false,
      "overlong C0"
    ),
    (
      Array(repeating: 0x41, count: 9) + [0xC1, 0xBF] + Array(repeating: 0x41, count: 9), false,
      "overlong C1"
    ),
    ([0xE0, 0x80, 0x80], false, "overlong three-byte"),
    ([0xE0, 0xA0, 0x80], true, "smallest three-byte"),
    ([0xED, 0xA0, 0x80], false, "surrogate"),
    ([0xED, 0x9F, 0xBF], true, "last scalar before the surrogates"),
    ([0xF0, 0x8F, 0xBF, 0xBF], false, "overlong four-byte"),
    ([0xF4, 0x8F, 0xBF, 0xBF], true, "U+10FFFF"),
    ([0xF4, 0x90, 0x80, 0x80], false, "past U+10FFFF"),
    ([0xF5, 0x80, 0x80, 0x80], false, "F5 lead"),
    ([0xFF], false, "FF"),
    (Array("дълъг текст с ".utf8) + [0xE2, 0x80], false, "truncated three-byte"),
    (Array("дълъг текст с ".utf8) + [0xE2, 0x28, 0xA1], false, "bad second continuation"),
  ]

  @Test("accepts exactly well-formed UTF-8", arguments: cases.indices)
  func table(_ index: Int) {
    let (bytes, valid, why) = Self.cases[index]
    let answer = bytes.withUnsafeBufferPointer(UTF8Validation.isValid)
    #expect(answer == valid, "\(why)")
    #expect(answer == (String(validating: bytes, as: UTF8.self) != nil), "\(why)")
  }

  @Test("agrees with the standard library on mutated text")
  func agreesWithStandardLibrary() {
    let sample = Array("Президентът Зеленски: „ATACMS“ – 2 €; 🇺🇦 F-16 и Ñ".utf8)
    let bytes: [UInt8] = [
      0x00, 0x41, 0x7F, 0x80, 0x9F, 0xBF, 0xC0, 0xC2, 0xD0, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4,
      0xF8,
    ]
    var generator = SplitMix(seed: 42)
    for _ in 0..<20_000 {
      var text = sample
      for _ in 0..<Int(generator.next() % 3) {
        let position = Int(generator.next() % UInt64(text.count))
        let byte = bytes[Int(generator.next() % UInt64(bytes.count))]
        if generator.next() % 2 == 0 {
          text[position] = byte
        } else {
          text.insert(byte, at: position)
        }
      }
      let cut = Int(generator.next() % UInt64(text.count + 1))
      let slice = Array(text[..<cut])
      let expected = String(validating: slice, as: UTF8.self)
      let actual = slice.withUnsafeBufferPointer(UTF8Validation.string)
      #expect(actual == expected, "\(slice)")
      if actual != expected { return }
      // The first invalid scalar starts where the longest valid prefix ends.
      let offset = slice.withUnsafeBufferPointer(UTF8Validation.firstInvalidOffset)
      #expect((offset == nil) == (expected != nil))
      if let offset {
        #expect(String(validating: slice[..<offset], as: UTF8.self) != nil, "\(slice)")
      }
    }
  }
}

/// A small deterministic generator, so a failure can be replayed.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
