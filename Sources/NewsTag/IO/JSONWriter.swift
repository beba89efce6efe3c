/// Builds JSON text as UTF-8 bytes, one piece at a time.
///
/// The writer only appends: the caller emits the punctuation (`{`, `:`, `,`) with
/// ``appendRaw(_:)-(UInt8)`` and the values with the typed methods. Output is deterministic: the
/// same calls always produce the same bytes.
///
/// The writer owns its buffer and cannot be copied, so an append is a capacity check and a
/// store, with no reference count or uniqueness check (a document's output is a few hundred
/// appends).
public struct JSONWriter: ~Copyable {
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The number of bytes written.
  public private(set) var count = 0

  /// A writer with room for `capacity` bytes before it grows.
  public init(capacity: Int = 256) {
    self.capacity = max(capacity, 16)
    storage = .allocate(capacity: self.capacity)
  }

  deinit { storage.deallocate() }

  /// The JSON text written so far, as a new array.
  public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count &+ extra > capacity { grow(toFit: count + extra) }
  }

  private mutating func grow(toFit needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newStorage.initialize(from: storage, count: count)
    storage.deallocate()
    storage = newStorage
    capacity = newCapacity
  }

  @inline(__always)
  private mutating func put(_ byte: UInt8) {
    reserve(1)
    storage[count] = byte
    count &+= 1
  }

  @inline(__always)
  private mutating func put(_ source: UnsafeBufferPointer<UInt8>) {
    guard let base = source.baseAddress else { return }
    reserve(source.count)
    (storage + count).initialize(from: base, count: source.count)
    count &+= source.count
  }

  /// Appends `s` as a quoted JSON string.
  ///
  /// Escapes `"`, `\`, the control characters below U+0020 (as `\n`, `\r`, `\t`, `\b`, `\f`, or
  /// else `\u00XX`) and U+2028, U+2029 (as `\u2028`, `\u2029`, for JavaScript consumers); every
  /// other character is written as raw UTF-8.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `s`; runs of bytes that need no escaping are
  ///   found eight bytes at a time and copied in bulk.
  public mutating func appendString(_ s: String) {
    s.withUTF8Bytes { appendString(utf8: $0) }
  }

  /// Appends the well-formed UTF-8 text `bytes` as a quoted JSON string, escaped as by
  /// ``appendString(_:)``.
  public mutating func appendString(utf8 source: UnsafeBufferPointer<UInt8>) {
    put(quote)
    guard let base = source.baseAddress else {
      put(quote)
      return
    }
    let count = source.count
    var runStart = 0
    var index = 0
    while true {
      index = firstCandidate(base, from: index, count: count)
      guard index < count else { break }
      let byte = base[index]
      if byte == 0xE2 {
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; other E2 sequences are plain text.
        guard index + 2 < count, base[index + 1] == 0x80, base[index + 2] & 0xFE == 0xA8 else {
          index += 1
          continue
        }
        appendRun(base, runStart..<index)
        appendUnicodeEscape(base[index + 2] == 0xA8 ? 0x2028 : 0x2029)
        index += 3
        runStart = index
        continue
      }
      appendRun(base, runStart..<index)
      switch byte {
      case quote: appendEscape(quote)
      case backslash: appendEscape(backslash)
      case 0x0A: appendEscape(UInt8(ascii: "n"))
      case 0x0D: appendEscape(UInt8(ascii: "r"))
      case 0x09: appendEscape(UInt8(ascii: "t"))
      case 0x08: appendEscape(UInt8(ascii: "b"))
      case 0x0C: appendEscape(UInt8(ascii: "f"))
      default: appendUnicodeEscape(UInt16(byte))
      }
      index += 1
      runStart = index
    }
    appendRun(base, runStart..<count)
    put(quote)
  }

  /// Appends `s` as it is: it must already be valid JSON text (or punctuation).
  /// Literals go to ``appendRaw(_:)-(StaticString)``, which costs no reference count.
  public mutating func appendRaw(string s: String) {
    s.withUTF8Bytes { put($0) }
  }

  /// Appends a static string's bytes as they are (fixed keys and punctuation).
  public mutating func appendRaw(_ s: StaticString) {
    put(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
  }

  /// Appends one byte as it is, typically punctuation such as `{`, `,` or `\n`.
  public mutating func appendRaw(_ byte: UInt8) {
    put(byte)
  }

  /// Appends bytes as they are, such as a raw value range taken from ``JSONObjectScanner``.
  public mutating func appendRaw(bytes source: UnsafeBufferPointer<UInt8>) {
    put(source)
  }

  /// Appends an integer in decimal, without building a `String`.
  public mutating func appendInt(_ v: Int) {
    if v < 0 { put(UInt8(ascii: "-")) }
    appendDecimal(UInt64(v.magnitude), width: 1)
  }

  /// Appends `v` in fixed-point notation with exactly `fractionDigits` digits after the point
  /// (none and no point when 0): `0.873`, `12.500`, `-3.1`. Never uses an exponent.
  ///
  /// The value is scaled by 10^`fractionDigits` and rounded half away from zero, so
  /// `0.0625` gives `0.063` and `-0.0625` gives `-0.063`. A result that rounds to zero is
  /// written without a sign. Non-finite values, which JSON cannot represent, are written as
  /// `null`.
  ///
  /// - Precondition: `fractionDigits` is in `0...18`.
  public mutating func appendDouble(_ v: Double, fractionDigits: Int) {
    precondition((0...18).contains(fractionDigits), "fractionDigits must be in 0...18")
    guard v.isFinite else {
      appendRaw("null")
      return
    }
    let scale = powersOfTen[fractionDigits]
    let magnitude = v.magnitude
    let scaled = (magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
    let fraction: UInt64
    if scaled < 0x1p64 {
      let units = UInt64(scaled)
      if units != 0, v < 0 { put(UInt8(ascii: "-")) }
      appendDecimal(units / scale, width: 1)
      fraction = units % scale
    } else {
      // Too large to scale into 64 bits: print the integer part exactly, then the fraction.
      var whole = magnitude.rounded(.towardZero)
      var scaledFraction = ((magnitude - whole) * Double(scale)).rounded(.toNearestOrAwayFromZero)
      if scaledFraction >= Double(scale) {
        whole += 1
        scaledFraction = 0
      }
      if v < 0 { put(UInt8(ascii: "-")) }
      if whole < 0x1p64 {
        appendDecimal(UInt64(whole), width: 1)
      } else {
        appendLargeInteger(whole)
      }
      fraction = UInt64(scaledFraction)
    }
    if fractionDigits > 0 {
      put(UInt8(ascii: "."))
      appendDecimal(fraction, width: fractionDigits)
    }
  }

  // MARK: - Pieces

  @inline(__always)
  private mutating func appendRun(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) {
    if range.isEmpty { return }
    put(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
  }

  @inline(__always)
  private mutating func appendEscape(_ letter: UInt8) {
    put(backslash)
    put(letter)
  }

  private mutating func appendUnicodeEscape(_ unit: UInt16) {
    put(backslash)
    put(UInt8(ascii: "u"))
    for shift in stride(from: 12, through: 0, by: -4) {
      put(hexDigits[Int(unit >> UInt16(shift) & 0xF)])
    }
  }

  /// Appends `value` in decimal, padded with leading zeros to at least `width` digits.
  private mutating func appendDecimal(_ value: UInt64, width: Int) {
    // Digits are written backwards into a small buffer, then appended at once.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var start = 20
      var rest = value
      repeat {
        start -= 1
        digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
      } while rest != 0
      while 20 - start < width {
        start -= 1
        digits[start] = UInt8(ascii: "0")
      }
      put(UnsafeBufferPointer(rebasing: digits[start..<20]))
    }
  }

  /// Appends an integral double of at least 2^64 exactly, through base-10^9 limbs.
  private mutating func appendLargeInteger(_ value: Double) {
    let limbBase: UInt64 = 1_000_000_000
    var rest = value.significandBitPattern | 1 << 52
    var limbs: [UInt64] = []
    while rest != 0 {
      limbs.append(rest % limbBase)
      rest /= limbBase
    }
    var shift = Int(value.exponent) - 52
    while shift > 0 {
      let step = min(shift, 32)
      shift -= step
      var carry: UInt64 = 0
      for index in limbs.indices {
        let product = limbs[index] << UInt64(step) + carry
        limbs[index] = product % limbBase
        carry = product / limbBase
      }
      while carry != 0 {
        limbs.append(carry % limbBase)
        carry /= limbBase
      }
    }
    guard let top = limbs.last else { return }
    appendDecimal(top, width: 1)
    for limb in limbs.dropLast().reversed() {
      appendDecimal(limb, width: 9)
    }
  }
}

private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")
private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
private let powersOfTen: [UInt64] = (0...18).map { exponent in
  (0..<exponent).reduce(1) { power, _ in power * 10 }
}

/// The index of the first byte at or after `start` that may need escaping (a quote, a
/// backslash, a control character, or 0xE2, which starts U+2028 and U+2029), or `count`.
@inline(__always)
private func firstCandidate(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
  let lowBits: UInt64 = 0x0101_0101_0101_0101
  let highBits: UInt64 = 0x8080_8080_8080_8080
  var index = start
  while index + 8 <= count {
    let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    let quotes = word ^ (lowBits &* UInt64(quote))
    let backslashes = word ^ (lowBits &* UInt64(backslash))
    let leads = word ^ (lowBits &* 0xE2)
    // For each test the lowest flagged byte is exact; later ones may be spurious.
    var mask = (quotes &- lowBits) & ~quotes
    mask |= (backslashes &- lowBits) & ~backslashes
    mask |= (leads &- lowBits) & ~leads
    mask |= (word &- lowBits &* 0x20) & ~word
    mask &= highBits
    if mask != 0 { return index + mask.trailingZeroBitCount >> 3 }
    index += 8
  }
  while index < count {
    let byte = base[index]
    if byte == quote || byte == backslash || byte < 0x20 || byte == 0xE2 { return index }
    index += 1
  }
  return count
}
