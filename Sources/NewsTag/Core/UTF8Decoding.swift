/// Reads one scalar from well-formed UTF-8 (the bytes of a Swift `String`).
///
/// - Returns: the scalar value and how many bytes it takes.
/// - Complexity: O(1).
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
  value: UInt32, length: Int
) {
  let lead = UInt32(bytes[index])
  if lead < 0x80 { return (lead, 1) }
  if lead < 0xE0 {
    return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
  }
  if lead < 0xF0 {
    return (
      ((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6)
        | (UInt32(bytes[index + 2]) & 0x3F), 3
    )
  }
  return (
    ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
      | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F), 4
  )
}

/// Writes the UTF-8 form of a scalar value (never a surrogate) at `output`
/// and returns its length.
@inline(__always)
func writeUTF8(_ value: UInt32, to output: UnsafeMutablePointer<UInt8>) -> Int {
  if value < 0x80 {
    output[0] = UInt8(truncatingIfNeeded: value)
    return 1
  }
  if value < 0x800 {
    output[0] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
    output[1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
    return 2
  }
  if value < 0x10000 {
    output[0] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
    output[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
    output[2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
    return 3
  }
  output[0] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
  output[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
  output[2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
  output[3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
  return 4
}

/// Appends the UTF-8 encoding of a scalar value.
@inline(__always)
func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
  if value < 0x80 {
    bytes.append(UInt8(value))
  } else if value < 0x800 {
    bytes.append(UInt8(0xC0 | (value >> 6)))
    bytes.append(UInt8(0x80 | (value & 0x3F)))
  } else if value < 0x10000 {
    bytes.append(UInt8(0xE0 | (value >> 12)))
    bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
    bytes.append(UInt8(0x80 | (value & 0x3F)))
  } else {
    bytes.append(UInt8(0xF0 | (value >> 18)))
    bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
    bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
    bytes.append(UInt8(0x80 | (value & 0x3F)))
  }
}

extension String {
  /// Runs `body` over the string's UTF-8 bytes without copying them when the
  /// string is native (always the case for text newstag reads).
  func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
    let copy = Array(utf8)
    return try copy.withUnsafeBufferPointer(body)
  }
}
