/// A fast 64-bit hash of key bytes, eight bytes at a time.
///
/// Lookups always confirm a hit by comparing bytes, so the hash only has to
/// spread keys well, not be collision-free.
///
/// - Complexity: O(n) in the key's bytes.
@inline(__always)
func hashKey(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
  let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
  var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
  var index = 0
  while index + 8 <= bytes.count {
    let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
    hash = (hash ^ word) &* multiplier
    hash ^= hash >> 29
    index += 8
  }
  if index < bytes.count {
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while index < bytes.count {
      tail |= UInt64(bytes[index]) << shift
      shift += 8
      index += 1
    }
    hash = (hash ^ tail) &* multiplier
    hash ^= hash >> 29
  }
  hash = (hash ^ (hash >> 32)) &* multiplier
  return hash ^ (hash >> 31)
}
