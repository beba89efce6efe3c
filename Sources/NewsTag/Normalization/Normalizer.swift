/// Produces the matching form of a document's text (``NormalizedText``).
///
/// - Unicode NFC, so a decomposed `и` + U+0306 matches `й`. ICU is asked only
///   when the text holds scalars outside the ranges known to be in NFC (ASCII,
///   Latin-1, Cyrillic, general punctuation), and then only per combining
///   sequence that ICU's quick check does not clear.
/// - Latin look-alike letters inside words that also contain Cyrillic letters
///   become Cyrillic (`CAЩ` with Latin C and A reads as `САЩ`).
/// - Typographic quotes, dashes and line breaks are folded by class in
///   ``ScalarTable`` rather than rewritten, so they cost nothing here.
///
/// The original text is never altered; most documents come out unchanged and uncopied.
///
/// - Complexity: O(n) in the text's bytes.
public struct Normalizer: Stage {
  public var name: String { "normalize" }
  public var requires: Set<Artifact> { [] }
  public var produces: Set<Artifact> { [.normalizedText] }

  private let table = ScalarTable.shared

  public init() {}

  public func process(_ document: inout Document) throws {
    document.normalized = try normalize(document.text)
  }

  /// The matching form of `text`.
  public func normalize(_ text: String) throws(ICU.Failure) -> NormalizedText {
    let result: Result<NormalizedText, ICU.Failure> = text.withUTF8Bytes { bytes in
      do throws(ICU.Failure) {
        return .success(try normalize(bytes, original: text))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  private func normalize(_ bytes: UnsafeBufferPointer<UInt8>, original: String)
    throws(ICU.Failure) -> NormalizedText
  {
    if Self.isCertainlyUnchanged(bytes) { return NormalizedText(unchanged: original) }
    let survey = survey(bytes)
    var needsNFC = survey.hasScalarsOutsideNFCSafeRanges
    if needsNFC { needsNFC = try !ICU.isCertainlyNFC(bytes) }
    if !needsNFC && survey.mixedScriptWords.isEmpty {
      return NormalizedText(unchanged: original)
    }
    return try rewrite(bytes, mixedScriptWords: survey.mixedScriptWords, nfc: needsNFC)
  }

  private struct Survey {
    var hasScalarsOutsideNFCSafeRanges = false
    /// Byte ranges of words with both Cyrillic letters and Latin look-alikes.
    var mixedScriptWords: [Range<Int>] = []
  }

  /// Per byte, for ``isCertainlyUnchanged(_:)``: bit 0 = ASCII letter or
  /// digit, bit 1 = not ASCII, bit 2 = the lead byte of a scalar outside the
  /// NFC-safe ranges (combining marks, Greek, U+0500 and up except general
  /// punctuation), bit 3 = 0xE2 (general punctuation, checked further).
  private static let screenFlags: [UInt8] = (0..<256).map { byte in
    var flags: UInt8 = 0
    if byte < 0x80 {
      let scalar = Unicode.Scalar(UInt8(byte))
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { flags |= 1 }
    } else {
      flags |= 2
      switch byte {
      case 0xCC...0xCF, 0xD4...0xE1, 0xE3...0xFF: flags |= 4
      case 0xE2: flags |= 8
      default: break
      }
    }
    return flags
  }

  /// True when nothing in `bytes` can change: no ASCII letter or digit
  /// touches a non-ASCII byte (a word mixing Latin and Cyrillic needs one),
  /// and every scalar is in a range that is its own NFC form.
  ///
  /// Eight bytes are screened at once while they hold only ASCII and the
  /// bytes of two-byte Latin, Greek and Cyrillic letters (leads C2–D3 and
  /// continuations); a word with any other byte is screened byte by byte.
  ///
  /// - Complexity: O(n) with no decoding; most news documents pass, and
  ///   skip ``survey(_:)``.
  static func isCertainlyUnchanged(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    return screenFlags.withUnsafeBufferPointer { flags in
      let count = bytes.count
      let high: UInt64 = 0x8080_8080_8080_8080
      // Flags (bit 0 alphanumeric, bit 1 non-ASCII) of the byte before `index`.
      var previous: UInt8 = 0
      var index = 0
      while index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let nonASCII = word & high
        let low = word & ~high
        // Per byte, bit 7 set when the byte's low seven bits lie in lower...upper.
        func inRange(_ bits: UInt64, _ lower: UInt8, _ upper: UInt8) -> UInt64 {
          let atLeast = bits &+ UInt64(0x80 - lower) &* 0x0101_0101_0101_0101
          let above = bits &+ UInt64(0x7F - upper) &* 0x0101_0101_0101_0101
          return atLeast & ~above & high
        }
        let alphanumeric =
          (inRange(low | 0x2020_2020_2020_2020, 0x61, 0x7A) | inRange(low, 0x30, 0x39)) & ~nonASCII
        // Non-ASCII bytes other than continuations (80–BF) and leads C2–D3.
        let unusual = nonASCII & inRange(low, 0x4C, 0x7F) & ~inRange(low, 0x50, 0x53)
        if unusual != 0 {
          guard screen(bytes, flags, index..<index + 8, previous: &previous) else { return false }
          index += 8
          continue
        }
        let touching = (alphanumeric << 8 & nonASCII) | (nonASCII << 8 & alphanumeric)
        let first = UInt8(truncatingIfNeeded: (alphanumeric >> 7) & 1 | (nonASCII >> 6) & 2)
        if touching != 0 || previous & (first >> 1) != 0 || (previous >> 1) & first != 0 {
          return false
        }
        previous = UInt8(truncatingIfNeeded: (alphanumeric >> 63) | (nonASCII >> 62) & 2)
        index += 8
      }
      return screen(bytes, flags, index..<count, previous: &previous)
    }
  }

  /// ``isCertainlyUnchanged(_:)`` for the bytes at `range`, one at a time;
  /// `previous` carries the flags of the byte before, in and out.
  private static func screen(
    _ bytes: UnsafeBufferPointer<UInt8>, _ flags: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
    previous: inout UInt8
  ) -> Bool {
    for index in range {
      let current = flags[Int(bytes[index])]
      // An ASCII alphanumeric next to a non-ASCII byte, in either order.
      if ((previous & (current >> 1)) | ((previous >> 1) & current)) & 1 != 0 { return false }
      if current & 4 != 0 { return false }
      if current & 8 != 0 {
        // U+2000–U+207F (E2 80/81 ..) are safe but for the two quads U+2000, U+2001.
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
        if !(next == 0x80 || next == 0x81) || (next == 0x80 && third <= 0x81) { return false }
      }
      previous = current
    }
    return true
  }

  /// Per ASCII byte: bit 0 = part of a word, bit 1 = a Latin look-alike of a Cyrillic letter.
  private static let asciiFlags: [UInt8] = (0..<128).map { value in
    let wordPart: UInt8 = ScalarTable.shared.scalarClass(UInt32(value)).isWordPart ? 1 : 0
    let lookalike: UInt8 = Homoglyphs.cyrillic(forLatin: UInt32(value)) != nil ? 2 : 0
    return wordPart | lookalike
  }

  /// - Complexity: O(n); ASCII and the two-byte Cyrillic block (lead bytes
  ///   0xD0, 0xD1: U+0400–U+047F, all letters and NFC-safe) need no decoding.
  private func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> Survey {
    var survey = Survey()
    var wordStart = -1
    var hasCyrillic = false
    var hasLookalike = false
    var index = 0
    Self.asciiFlags.withUnsafeBufferPointer { asciiFlags in
      while index < bytes.count {
        let byte = bytes[index]
        let isWordPart: Bool
        var isCyrillic = false
        var isLookalike = false
        let length: Int
        if byte < 0x80 {
          let flags = asciiFlags[Int(byte)]
          isWordPart = flags & 1 != 0
          isLookalike = flags & 2 != 0
          length = 1
        } else if byte == 0xD0 || byte == 0xD1 {
          isWordPart = true
          isCyrillic = true
          length = 2
        } else {
          let scalar = decodeScalar(bytes, at: index)
          if !Self.isNFCSafe(scalar.value) { survey.hasScalarsOutsideNFCSafeRanges = true }
          isWordPart = table.scalarClass(scalar.value).isWordPart
          isCyrillic = Homoglyphs.isCyrillic(scalar.value)
          length = scalar.length
        }
        if isWordPart {
          if wordStart < 0 {
            wordStart = index
            hasCyrillic = false
            hasLookalike = false
          }
          hasCyrillic = hasCyrillic || isCyrillic
          hasLookalike = hasLookalike || isLookalike
        } else if wordStart >= 0 {
          if hasCyrillic && hasLookalike { survey.mixedScriptWords.append(wordStart..<index) }
          wordStart = -1
        }
        index += length
      }
    }
    if wordStart >= 0 && hasCyrillic && hasLookalike {
      survey.mixedScriptWords.append(wordStart..<bytes.count)
    }
    return survey
  }

  /// Scalars whose NFC form is themselves in any context: ASCII, Latin-1,
  /// Cyrillic, general punctuation except the two quads, currency symbols.
  private static func isNFCSafe(_ value: UInt32) -> Bool {
    value < 0x0300 || (value >= 0x0400 && value < 0x0530)
      || (value >= 0x2002 && value < 0x2070) || (value >= 0x20A0 && value < 0x20D0)
  }

  private func rewrite(
    _ bytes: UnsafeBufferPointer<UInt8>, mixedScriptWords: [Range<Int>], nfc: Bool
  )
    throws(ICU.Failure) -> NormalizedText
  {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 16)
    var anchors: [NormalizedText.Anchor] = []
    func anchor(_ originalOffset: Int) {
      anchors.append(.init(normalized: Int32(output.count), original: Int32(originalOffset)))
    }
    var wordIndex = 0
    var index = 0
    while index < bytes.count {
      let (value, length) = decodeScalar(bytes, at: index)
      if nfc {
        // A combining sequence: this scalar and the marks after it.
        var end = index + length
        var isSafe = Self.isNFCSafe(value)
        while end < bytes.count {
          let (next, nextLength) = decodeScalar(bytes, at: end)
          guard table.scalarClass(next) == .mark else { break }
          isSafe = isSafe && Self.isNFCSafe(next)
          end += nextLength
        }
        if !isSafe {
          let sequence = UnsafeBufferPointer(rebasing: bytes[index..<end])
          let composed = try ICU.nfc(sequence)
          if !composed.elementsEqual(sequence) {
            anchor(index)
            output.append(contentsOf: composed)
            anchor(end)
            index = end
            continue
          }
        }
      }
      while wordIndex < mixedScriptWords.count && mixedScriptWords[wordIndex].upperBound <= index {
        wordIndex += 1
      }
      if wordIndex < mixedScriptWords.count && mixedScriptWords[wordIndex].contains(index),
        let cyrillic = Homoglyphs.cyrillic(forLatin: value)
      {
        anchor(index)
        appendUTF8(cyrillic, to: &output)
        anchor(index + length)
      } else {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
      }
      index += length
    }
    return NormalizedText(string: String(decoding: output, as: UTF8.self), anchors: anchors)
  }
}
