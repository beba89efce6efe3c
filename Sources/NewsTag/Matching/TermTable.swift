/// Interns token keys (lowercase UTF-8) as dense integer ids.
///
/// Built once, then read-only and shared across threads: an open-addressing
/// table of 64-bit hashes over one byte arena, every hit confirmed by bytes.
///
/// - Complexity: lookup O(k) in the key's bytes, expected one probe.
public struct TermTable: Sendable {
  /// Key bytes of all terms, back to back; term `t` is `arena[offsets[t]..<offsets[t+1]]`.
  let arena: [UInt8]
  let offsets: [Int32]
  let hashes: [UInt64]
  /// Per slot: the high 32 bits of the term's hash, then its id + 1 (0 =
  /// empty), so most misses are decided by one memory read. Size is a power of two.
  let slots: [UInt64]
  let mask: Int
  /// One bit per term hash in a bitset small enough for the fastest caches:
  /// most text tokens are in no name, and this rejects them without
  /// touching `slots` (about 16 bits per term: ~6 % false positives).
  let filter: [UInt64]
  let filterMask: UInt64

  public var count: Int { hashes.count }

  /// A table from its stored parts, as ``init(keys:)`` made them.
  init(arena: [UInt8], offsets: [Int32], hashes: [UInt64], slots: [UInt64]) {
    self.arena = arena
    self.offsets = offsets
    self.hashes = hashes
    self.slots = slots
    self.mask = slots.count - 1
    (self.filter, self.filterMask) = Self.filter(for: hashes)
  }

  private static func filter(for hashes: [UInt64]) -> ([UInt64], UInt64) {
    var bits = 1 << 16
    while bits < hashes.count * 16 { bits <<= 1 }
    var filter = [UInt64](repeating: 0, count: bits / 64)
    let mask = UInt64(bits - 1)
    for hash in hashes {
      let bit = Self.filterBit(hash, mask: mask)
      filter[Int(bit >> 6)] |= 1 << (bit & 63)
    }
    return (filter, mask)
  }

  /// The filter bit of a hash: bits the slot index does not use.
  @inline(__always) static func filterBit(_ hash: UInt64, mask: UInt64) -> UInt64 {
    (hash >> 37) & mask
  }

  /// Builds the table from distinct keys; a key's id is its index in `keys`.
  public init(keys: [[UInt8]]) {
    var arena: [UInt8] = []
    var offsets: [Int32] = [0]
    var hashes: [UInt64] = []
    for key in keys {
      arena.append(contentsOf: key)
      offsets.append(Int32(arena.count))
      hashes.append(key.withUnsafeBytes { hashKey($0) })
    }
    var capacity = 16
    while capacity < keys.count * 2 { capacity <<= 1 }
    var slots = [UInt64](repeating: 0, count: capacity)
    for (term, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = Self.slotValue(term: term, hash: hash)
    }
    self.arena = arena
    self.offsets = offsets
    self.hashes = hashes
    self.slots = slots
    self.mask = capacity - 1
    (self.filter, self.filterMask) = Self.filter(for: hashes)
  }

  @inline(__always) static func slotValue(term: Int, hash: UInt64) -> UInt64 {
    (hash & 0xFFFF_FFFF_0000_0000) | UInt64(term + 1)
  }

  /// The id of `key`, or -1 when the table does not hold it.
  public func id(of key: UnsafeRawBufferPointer) -> Int32 {
    let bytes = key.bindMemory(to: UInt8.self)
    return withProbe { $0.id(of: bytes, 0..<bytes.count, hash: hashKey(key)) }
  }

  /// The id of every token's key in `list` (-1 where the table lacks it).
  ///
  /// - Complexity: O(n) for n tokens, expected one probe each; the tables are
  ///   borrowed once for the whole list rather than per token.
  public func ids(of list: TokenList) -> [Int32] {
    let count = list.tokens.count
    return [Int32](unsafeUninitializedCapacity: count) { output, initialized in
      withProbe { probe in
        list.tokens.withUnsafeBufferPointer { tokens in
          list.keys.withUnsafeBufferPointer { keys in
            for index in 0..<count {
              let token = tokens[index]
              output[index] =
                probe.mayHold(token.keyHash)
                ? probe.id(of: keys, Int(token.keyStart)..<Int(token.keyEnd), hash: token.keyHash)
                : -1
            }
          }
        }
      }
      initialized = count
    }
  }

  /// The table's arrays, borrowed as buffers for a run of lookups.
  private struct Probe {
    let filter: UnsafeBufferPointer<UInt64>
    let filterMask: UInt64
    let slots: UnsafeBufferPointer<UInt64>
    let hashes: UnsafeBufferPointer<UInt64>
    let offsets: UnsafeBufferPointer<Int32>
    let arena: UnsafeBufferPointer<UInt8>
    let mask: Int

    /// False when the filter proves the table lacks every key with this hash.
    @inline(__always) func mayHold(_ hash: UInt64) -> Bool {
      let bit = TermTable.filterBit(hash, mask: filterMask)
      return filter[Int(bit >> 6)] & (1 << (bit & 63)) != 0
    }

    /// The id of the key at `range` of `keys`, or -1.
    @inline(__always) func id(
      of keys: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt64
    )
      -> Int32
    {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = slots[slot]
        if entry == 0 { return -1 }
        let term = Int(entry & 0xFFFF_FFFF) - 1
        if entry >> 32 == hash >> 32 && hashes[term] == hash {
          let start = Int(offsets[term])
          let length = Int(offsets[term + 1]) - start
          if length == range.count {
            guard let stored = arena.baseAddress, let wanted = keys.baseAddress else {
              return length == 0 ? Int32(term) : -1
            }
            if memcmpEqual(stored + start, wanted + range.lowerBound, length) {
              return Int32(term)
            }
          }
        }
        slot = (slot + 1) & mask
      }
    }
  }

  private func withProbe<R>(_ body: (Probe) -> R) -> R {
    filter.withUnsafeBufferPointer { filter in
      slots.withUnsafeBufferPointer { slots in
        hashes.withUnsafeBufferPointer { hashes in
          offsets.withUnsafeBufferPointer { offsets in
            arena.withUnsafeBufferPointer { arena in
              body(
                Probe(
                  filter: filter, filterMask: filterMask, slots: slots, hashes: hashes,
                  offsets: offsets, arena: arena, mask: mask))
            }
          }
        }
      }
    }
  }

  /// The key bytes of term `id`.
  public func key(_ id: Int32) -> ArraySlice<UInt8> {
    arena[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])]
  }
}

@inline(__always)
func memcmpEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
  var index = 0
  while index + 8 <= count {
    if a.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      != b.loadUnaligned(fromByteOffset: index, as: UInt64.self)
    {
      return false
    }
    index += 8
  }
  while index < count {
    if a.load(fromByteOffset: index, as: UInt8.self)
      != b.load(fromByteOffset: index, as: UInt8.self)
    {
      return false
    }
    index += 1
  }
  return true
}

/// Collects distinct keys and hands out their ids while a table is being built.
public struct TermTableBuilder {
  private var ids: [[UInt8]: Int32] = [:]
  public private(set) var keys: [[UInt8]] = []

  public init() {}

  public mutating func intern(_ key: [UInt8]) -> Int32 {
    if let id = ids[key] { return id }
    let id = Int32(keys.count)
    ids[key] = id
    keys.append(key)
    return id
  }

  public func build() -> TermTable { TermTable(keys: keys) }
}
