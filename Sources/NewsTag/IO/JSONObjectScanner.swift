/// The kind of a JSON value, as told by its first byte.
public enum JSONValueKind: Sendable {
  case string, number, object, array, bool, null
}

/// One top-level member of a JSON object: its decoded key and where its raw value lies.
public struct JSONMember: Sendable, Equatable {
  /// The member's key, with escapes decoded.
  public var key: String
  /// The byte range of the member's raw value text in the scanned bytes (quotes included for a
  /// string, brackets for an object or array).
  public var valueRange: Range<Int>
  public var kind: JSONValueKind

  public init(key: String, valueRange: Range<Int>, kind: JSONValueKind) {
    self.key = key
    self.valueRange = valueRange
    self.kind = kind
  }
}

/// A JSON syntax error, located by its 0-based byte offset in the scanned bytes.
public struct JSONLineError: Error, Equatable, CustomStringConvertible {
  public var message: String
  /// 0-based offset of the byte where the problem was found.
  public var byteOffset: Int

  public init(message: String, byteOffset: Int) {
    self.message = message
    self.byteOffset = byteOffset
  }

  /// For example `malformed JSON at byte 17: expected ':' after object key`.
  public var description: String { "malformed JSON at byte \(byteOffset): \(message)" }
}

/// Validates one JSON object held as UTF-8 bytes (one line of JSON Lines input) and lists its
/// top-level members without building a tree.
///
/// Validation follows the grammar of RFC 8259: nested objects and arrays, numbers, literals and
/// string escapes are all checked; control characters inside strings, escaped lone surrogates,
/// trailing data and nesting deeper than ``maximumDepth`` are errors. Nested values are only
/// validated and skipped: a caller reads the members it needs through their `valueRange`.
/// Strings are scanned eight bytes at a time.
public enum JSONObjectScanner {
  /// The deepest nesting accepted, the top-level object counting as level 1.
  public static let maximumDepth = 512

  /// Validates that `bytes` is exactly one JSON object (whitespace around allowed) and returns
  /// its top-level members in order; `valueRange` is the byte range of the member's raw value.
  ///
  /// Duplicate keys are all kept, in order. Input is expected to be valid UTF-8 (checked by the
  /// caller); other bytes are passed through inside strings and never cause a crash.
  ///
  /// - Complexity: O(*n*) in the number of bytes; no allocation besides the members and their
  ///   keys (keys of up to 15 ASCII bytes are stored inline).
  public static func members(
    of bytes: UnsafeBufferPointer<UInt8>
  ) throws(JSONLineError) -> [JSONMember] {
    var scanner = Scanner(bytes)
    return try scanner.topLevelObject()
  }

  /// Decodes the JSON string value whose raw text (including quotes) is at `range`.
  ///
  /// Handles every escape, including `\uXXXX` and surrogate pairs; an unpaired surrogate is an
  /// error. Meant for ranges found by ``members(of:)``: the text between the quotes is not
  /// re-validated beyond its escapes.
  ///
  /// - Complexity: O(*n*) in the length of the range. Without a backslash the string is made
  ///   straight from the bytes.
  public static func decodeString(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) throws(JSONLineError) -> String {
    guard range.lowerBound >= 0, range.upperBound <= bytes.count, range.count >= 2,
      bytes[range.lowerBound] == Byte.quote, bytes[range.upperBound - 1] == Byte.quote,
      let base = bytes.baseAddress
    else {
      throw JSONLineError(
        message: "expected a string", byteOffset: min(max(range.lowerBound, 0), bytes.count))
    }
    let contentStart = range.lowerBound + 1
    let contentEnd = range.upperBound - 1
    let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd])
    if firstBackslash(in: base, from: contentStart, to: contentEnd) == contentEnd {
      guard let string = UTF8Validation.string(content) else {
        throw JSONLineError(message: "invalid UTF-8 in string", byteOffset: contentStart)
      }
      return string
    }
    return try decodeEscaped(bytes, contentStart..<contentEnd)
  }

  /// Decodes string content that contains escapes, writing straight into the new string's
  /// storage: the decoded form is never longer than the escaped one.
  private static func decodeEscaped(
    _ bytes: UnsafeBufferPointer<UInt8>, _ content: Range<Int>
  ) throws(JSONLineError) -> String {
    guard let base = bytes.baseAddress else { return "" }
    var failure: JSONLineError?
    let decoded = [UInt8](unsafeUninitializedCapacity: content.count) { output, initialized in
      initialized = 0
      guard let outputBase = output.baseAddress else { return }
      var written = 0
      var index = content.lowerBound
      while index < content.upperBound {
        let backslash = firstBackslash(in: base, from: index, to: content.upperBound)
        if backslash > index {
          (outputBase + written).initialize(from: base + index, count: backslash - index)
          written += backslash - index
          index = backslash
          if index == content.upperBound { break }
        }
        let escape: (value: UInt32, length: Int)
        do throws(JSONLineError) {
          escape = try parseEscape(bytes, at: index, limit: content.upperBound)
        } catch {
          failure = error
          return
        }
        written += writeUTF8(escape.value, to: outputBase + written)
        index += escape.length
      }
      initialized = written
    }
    if let failure { throw failure }
    // Validated once, here: the bytes between escapes came straight from the input.
    guard let string = decoded.withUnsafeBufferPointer(UTF8Validation.string) else {
      throw JSONLineError(message: "invalid UTF-8 in string", byteOffset: content.lowerBound)
    }
    return string
  }

  /// Parses the escape sequence starting with the backslash at `index`, which must lie before
  /// `limit` (the end of the string's content).
  ///
  /// - Returns: the scalar value it stands for and the number of bytes it takes.
  @inline(__always)
  fileprivate static func parseEscape(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int
  ) throws(JSONLineError) -> (value: UInt32, length: Int) {
    guard index + 1 < limit else {
      throw JSONLineError(message: "unterminated escape sequence", byteOffset: index)
    }
    switch bytes[index + 1] {
    case Byte.quote: return (0x22, 2)
    case Byte.backslash: return (0x5C, 2)
    case Byte.slash: return (0x2F, 2)
    case UInt8(ascii: "b"): return (0x08, 2)
    case UInt8(ascii: "f"): return (0x0C, 2)
    case UInt8(ascii: "n"): return (0x0A, 2)
    case UInt8(ascii: "r"): return (0x0D, 2)
    case UInt8(ascii: "t"): return (0x09, 2)
    case UInt8(ascii: "u"):
      guard let unit = hexQuad(bytes, at: index + 2, limit: limit) else {
        throw JSONLineError(
          message: "invalid \\u escape: expected 4 hex digits", byteOffset: index)
      }
      switch unit {
      case 0xD800...0xDBFF:
        if index + 7 < limit, bytes[index + 6] == Byte.backslash,
          bytes[index + 7] == UInt8(ascii: "u"),
          let low = hexQuad(bytes, at: index + 8, limit: limit), (0xDC00...0xDFFF).contains(low)
        {
          return (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), 12)
        }
        throw JSONLineError(
          message: "unpaired surrogate \\u\(hex4(unit)) in string", byteOffset: index)
      case 0xDC00...0xDFFF:
        throw JSONLineError(
          message: "unpaired surrogate \\u\(hex4(unit)) in string", byteOffset: index)
      default:
        return (unit, 6)
      }
    case let other:
      let shown = (0x21...0x7E).contains(other) ? " '\\\(Character(Unicode.Scalar(other)))'" : ""
      throw JSONLineError(message: "invalid escape sequence\(shown)", byteOffset: index)
    }
  }

  /// The value of four hex digits at `index`, or nil when they are not all there before `limit`.
  @inline(__always)
  private static func hexQuad(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int
  ) -> UInt32? {
    guard index + 4 <= limit else { return nil }
    var value: UInt32 = 0
    for offset in 0..<4 {
      let byte = bytes[index + offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// The index of the first backslash in `start..<end`, or `end`.
  @inline(__always)
  private static func firstBackslash(
    in base: UnsafePointer<UInt8>, from start: Int, to end: Int
  ) -> Int {
    var index = start
    while index + 8 <= end {
      let word = loadWord(base + index)
      let mask = matches(word, Byte.backslash)
      if mask != 0 { return index + mask.trailingZeroBitCount >> 3 }
      index += 8
    }
    while index < end, base[index] != Byte.backslash { index += 1 }
    return index
  }

  /// Four uppercase hex digits, for messages.
  fileprivate static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

/// A cursor over the bytes of one JSON text.
private struct Scanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let count: Int
  var position = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    self.count = bytes.count
  }

  mutating func topLevelObject() throws(JSONLineError) -> [JSONMember] {
    skipWhitespace()
    guard position < count, bytes[position] == Byte.openBrace else {
      throw error("expected a JSON object")
    }
    var members: [JSONMember] = []
    members.reserveCapacity(8)
    try object(depth: 1, recording: &members, isTopLevel: true)
    skipWhitespace()
    if position < count { throw error("unexpected data after the JSON object") }
    return members
  }

  /// Scans the object whose `{` is at the cursor; the top-level one records its members.
  mutating func object(
    depth: Int, recording members: inout [JSONMember], isTopLevel: Bool
  ) throws(JSONLineError) {
    if depth > JSONObjectScanner.maximumDepth { throw tooDeep() }
    position += 1
    skipWhitespace()
    if position < count, bytes[position] == Byte.closeBrace {
      position += 1
      return
    }
    var isFirst = true
    while true {
      guard position < count else { throw endOfInput() }
      guard bytes[position] == Byte.quote else {
        throw error(isFirst ? "expected a string key or '}'" : "expected a string key after ','")
      }
      isFirst = false
      let keyStart = position
      try string()
      // Decoded, and so checked as UTF-8, like every string value the decoder reads.
      let key = isTopLevel ? try JSONObjectScanner.decodeString(bytes, keyStart..<position) : nil
      skipWhitespace()
      guard position < count else { throw endOfInput() }
      guard bytes[position] == Byte.colon else { throw error("expected ':' after object key") }
      position += 1
      skipWhitespace()
      let valueStart = position
      let kind = try value(depth: depth)
      if let key {
        members.append(JSONMember(key: key, valueRange: valueStart..<position, kind: kind))
      }
      skipWhitespace()
      guard position < count else { throw endOfInput() }
      switch bytes[position] {
      case Byte.comma:
        position += 1
        skipWhitespace()
      case Byte.closeBrace:
        position += 1
        return
      default:
        throw error("expected ',' or '}' after object member")
      }
    }
  }

  /// Scans the array whose `[` is at the cursor.
  mutating func array(depth: Int) throws(JSONLineError) {
    if depth > JSONObjectScanner.maximumDepth { throw tooDeep() }
    position += 1
    skipWhitespace()
    if position < count, bytes[position] == Byte.closeBracket {
      position += 1
      return
    }
    while true {
      _ = try value(depth: depth)
      skipWhitespace()
      guard position < count else { throw endOfInput() }
      switch bytes[position] {
      case Byte.comma:
        position += 1
        skipWhitespace()
      case Byte.closeBracket:
        position += 1
        return
      default:
        throw error("expected ',' or ']' after array element")
      }
    }
  }

  /// Scans one value held by a container at `depth`.
  mutating func value(depth: Int) throws(JSONLineError) -> JSONValueKind {
    guard position < count else { throw endOfInput() }
    switch bytes[position] {
    case Byte.quote:
      try string()
      return .string
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try number()
      return .number
    case Byte.openBrace:
      var ignored: [JSONMember] = []
      try object(depth: depth + 1, recording: &ignored, isTopLevel: false)
      return .object
    case Byte.openBracket:
      try array(depth: depth + 1)
      return .array
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default:
      throw error("expected a value")
    }
  }

  /// Scans the string whose opening quote is at the cursor.
  mutating func string() throws(JSONLineError) {
    let start = position
    position += 1
    while true {
      position = firstSpecial(from: position)
      guard position < count else {
        throw JSONLineError(message: "unterminated string", byteOffset: start)
      }
      let byte = bytes[position]
      if byte == Byte.quote {
        position += 1
        return
      }
      if byte == Byte.backslash {
        if position + 1 >= count {
          throw JSONLineError(message: "unterminated string", byteOffset: start)
        }
        position += try JSONObjectScanner.parseEscape(bytes, at: position, limit: count).length
        continue
      }
      throw error(
        "control character U+\(JSONObjectScanner.hex4(UInt32(byte))) must be escaped in string")
    }
  }

  /// The index of the first quote, backslash or control character at or after `start`, or the
  /// end of the bytes.
  @inline(__always)
  func firstSpecial(from start: Int) -> Int {
    guard let base = bytes.baseAddress else { return count }
    var index = start
    while index + 8 <= count {
      let word = loadWord(base + index)
      let mask = matches(word, Byte.quote) | matches(word, Byte.backslash) | controls(word)
      if mask != 0 { return index + mask.trailingZeroBitCount >> 3 }
      index += 8
    }
    while index < count {
      let byte = base[index]
      if byte == Byte.quote || byte == Byte.backslash || byte < 0x20 { return index }
      index += 1
    }
    return count
  }

  /// Scans a number by the grammar `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  mutating func number() throws(JSONLineError) {
    if bytes[position] == UInt8(ascii: "-") {
      position += 1
      guard position < count else { throw endOfInput() }
    }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
      if position < count, isDigit(bytes[position]) {
        throw error("leading zeros are not allowed in numbers")
      }
    } else {
      guard isDigit(bytes[position]) else { throw error("expected a digit in number") }
      skipDigits()
    }
    if position < count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard position < count else { throw endOfInput() }
      guard isDigit(bytes[position]) else { throw error("expected a digit after '.' in number") }
      skipDigits()
    }
    if position < count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      guard position < count else { throw endOfInput() }
      if bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
        position += 1
        guard position < count else { throw endOfInput() }
      }
      guard isDigit(bytes[position]) else { throw error("expected a digit in exponent") }
      skipDigits()
    }
  }

  /// Scans `true`, `false` or `null`.
  mutating func literal(_ text: StaticString) throws(JSONLineError) {
    let start = position
    let length = text.utf8CodeUnitCount
    let expected = text.utf8Start
    for offset in 0..<length {
      guard start + offset < count else { throw endOfInput() }
      if bytes[start + offset] != expected[offset] {
        throw JSONLineError(message: "invalid literal, expected '\(text)'", byteOffset: start)
      }
    }
    position += length
  }

  @inline(__always)
  mutating func skipDigits() {
    while position < count, isDigit(bytes[position]) { position += 1 }
  }

  @inline(__always)
  mutating func skipWhitespace() {
    while position < count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  @inline(__always)
  func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

  func error(_ message: String) -> JSONLineError {
    JSONLineError(message: message, byteOffset: position)
  }

  func endOfInput() -> JSONLineError {
    JSONLineError(message: "unexpected end of input", byteOffset: count)
  }

  func tooDeep() -> JSONLineError {
    error("nesting deeper than \(JSONObjectScanner.maximumDepth) levels")
  }
}

// MARK: - Bytes, eight at a time

/// The bytes the scanner dispatches on.
private enum Byte {
  static let quote = UInt8(ascii: "\"")
  static let backslash = UInt8(ascii: "\\")
  static let slash = UInt8(ascii: "/")
  static let colon = UInt8(ascii: ":")
  static let comma = UInt8(ascii: ",")
  static let openBrace = UInt8(ascii: "{")
  static let closeBrace = UInt8(ascii: "}")
  static let openBracket = UInt8(ascii: "[")
  static let closeBracket = UInt8(ascii: "]")
}

private let lowBits: UInt64 = 0x0101_0101_0101_0101
private let highBits: UInt64 = 0x8080_8080_8080_8080

/// Eight bytes from `pointer`, the first in the lowest byte.
@inline(__always)
private func loadWord(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
  UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
}

/// A mask whose lowest set bit is the high bit of the first byte of `word` equal to `byte`
/// (higher bits may be set spuriously).
@inline(__always)
private func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
  let difference = word ^ (lowBits &* UInt64(byte))
  return (difference &- lowBits) & ~difference & highBits
}

/// A mask whose lowest set bit is the high bit of the first byte of `word` below 0x20.
@inline(__always)
private func controls(_ word: UInt64) -> UInt64 {
  (word &- lowBits &* 0x20) & ~word & highBits
}
