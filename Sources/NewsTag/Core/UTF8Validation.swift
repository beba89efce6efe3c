/// Checks UTF-8 and makes strings from bytes it has checked.
///
/// The standard library validates byte by byte, about 1 ns a byte on
/// Cyrillic text, which made it the largest single cost of reading a record.
/// Here eight bytes are checked at once while they hold only ASCII and
/// two-byte sequences (Latin, Greek, Cyrillic); any other byte sends that
/// stretch through an exact scalar-by-scalar check. Both accept exactly
/// RFC 3629 UTF-8: no overlong forms, surrogates or scalars past U+10FFFF.
public enum UTF8Validation {
  /// The string of `bytes`, or nil when they are not well-formed UTF-8.
  public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard isValid(bytes) else { return nil }
    // Checked above, so the standard library need not check again.
    return String(copying: unsafe UTF8Span(unchecked: bytes.span))
  }

  /// Whether `bytes` is well-formed UTF-8.
  public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    firstInvalidOffset(bytes) == nil
  }

  /// Where the first scalar that breaks well-formedness starts, or nil when
  /// `bytes` is well-formed UTF-8.
  ///
  /// - Complexity: O(n), about eight bytes per step for text in the
  ///   scripts news is written in.
  public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let count = bytes.count
    let high: UInt64 = 0x8080_8080_8080_8080
    var index = 0
    // 0x80 when the previous word ended with a two-byte lead, whose
    // continuation is this word's first byte.
    var carried: UInt64 = 0
    while index + 8 <= count {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      let bit7 = word & high
      let bit6 = (word << 1) & high
      let bit5 = (word << 2) & high
      let continuations = bit7 & ~bit6
      let twoByteLeads = bit7 & bit6 & ~bit5
      let longerLeads = bit7 & bit6 & bit5
      // C0 and C1 would start overlong two-byte forms.
      let overlong = hasZeroByte((word & 0xFEFE_FEFE_FEFE_FEFE) ^ 0xC0C0_C0C0_C0C0_C0C0)
      // Each two-byte lead (little-endian: the next byte is eight bits up) is
      // followed by a continuation, and every continuation by such a lead.
      if longerLeads == 0 && !overlong && continuations == (twoByteLeads << 8) | carried {
        carried = twoByteLeads >> 56
        index += 8
        continue
      }
      // Exactly, from the scalar this word's first byte belongs to, to the
      // first scalar boundary past the word.
      let start = carried != 0 ? index - 1 : index
      switch checkScalars(base, from: start, to: index + 8, limit: count) {
      case .end(let end): index = end
      case .invalid(let offset): return offset
      }
      carried = 0
    }
    let start = carried != 0 ? index - 1 : index
    if case .invalid(let offset) = checkScalars(base, from: start, to: count, limit: count) {
      return offset
    }
    return nil
  }

  /// Whether some byte of `word` is zero (exact for the word as a whole).
  @inline(__always)
  private static func hasZeroByte(_ word: UInt64) -> Bool {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
  }

  private enum ScalarCheck {
    /// Every scalar was well-formed; the last one ends here.
    case end(Int)
    /// The scalar starting here is not.
    case invalid(at: Int)
  }

  /// Checks whole scalars from `start` (a scalar boundary) until one ends at
  /// or past `target`; none may reach past `limit`.
  private static func checkScalars(
    _ base: UnsafePointer<UInt8>, from start: Int, to target: Int, limit: Int
  ) -> ScalarCheck {
    var index = start
    while index < target {
      let lead = base[index]
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0x00...0x7F:
        index += 1
        continue
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF:
        length = 3
        if lead == 0xE0 { lower = 0xA0 }  // overlong below U+0800
        if lead == 0xED { upper = 0x9F }  // surrogates
      case 0xF0...0xF4:
        length = 4
        if lead == 0xF0 { lower = 0x90 }  // overlong below U+10000
        if lead == 0xF4 { upper = 0x8F }  // past U+10FFFF
      default: return .invalid(at: index)
      }
      guard index + length <= limit else { return .invalid(at: index) }
      let second = base[index + 1]
      guard second >= lower && second <= upper else { return .invalid(at: index) }
      for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 {
        return .invalid(at: index)
      }
      index += length
    }
    return .end(index)
  }
}
