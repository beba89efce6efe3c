/// Interns token keys (lowercase UTF-8) as dense integer ids.
///
/// Built once, then read-only and shared across threads: an open-addressing
/// table over one byte arena. A slot holds enough of its key (a hash tag,
/// the length, the first eight bytes) that a hit on a short key, which most
/// hits are (`на`, `за`, `ес`), is confirmed by the one slot it reads; longer
/// keys compare their remaining bytes in the arena.
///
/// - Complexity: lookup O(k) in the key's bytes, expected one probe.
public struct TermTable: Sendable {
  /// Key bytes of all terms, back to back; term `t` is `arena[offsets[t]..<offsets[t+1]]`.
  let arena: [UInt8]
  let offsets: [Int32]
  let hashes: [UInt64]
  /// Size is a power of two, at least twice the number of terms.
  let slots: [Slot]
  let mask: Int
  /// One bit per term hash in a bitset small enough for the fastest caches:
  /// most text tokens are in no name, and this rejects them without
  /// touching `slots` (about 16 bits per term: ~6 % false positives).
  let filter: [UInt64]
  let filterMask: UInt64
  /// Tells this table from every other one, including equal copies built
  /// elsewhere: ids looked up in one table mean nothing in another.
  let identity = Identity()

  final class Identity: Sendable {}

  /// One slot, sixteen bytes.
  struct Slot: BitwiseCopyable {
    /// The hash's top 24 bits, the key length (capped at 255), then the
    /// term's id + 1 in the low 32 bits; 0 for an empty slot.
    var header: UInt64
    /// The key's first eight bytes, zero-padded (little-endian).
    var prefix: UInt64

    static let empty = Slot(header: 0, prefix: 0)

    /// The upper half of the header a key with this hash and length has.
    @inline(__always) static func signature(hash: UInt64, length: Int) -> UInt64 {
      (hash >> 40) << 8 | UInt64(min(length, 255))
    }
  }

  public var count: Int { hashes.count }

  /// A table from its stored parts, as ``init(keys:)`` made them.
  init(arena: [UInt8], offsets: [Int32], hashes: [UInt64], slots: [Slot]) {
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
    self.init(extending: TermTable(arena: [], offsets: [0], hashes: [], slots: []), with: keys)
  }

  /// `base`'s terms with their ids, then `keys` (which `base` must not hold)
  /// numbered on from `base.count`.
  public init(extending base: TermTable, with keys: [[UInt8]]) {
    var arena = base.arena
    var offsets = base.offsets
    var hashes = base.hashes
    for key in keys {
      arena.append(contentsOf: key)
      offsets.append(Int32(arena.count))
      hashes.append(key.withUnsafeBytes { hashKey($0) })
    }
    var capacity = 16
    while capacity < hashes.count * 2 { capacity <<= 1 }
    var slots = [Slot](repeating: .empty, count: capacity)
    arena.withUnsafeBufferPointer { arena in
      for (term, hash) in hashes.enumerated() {
        var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
        while slots[slot].header != 0 { slot = (slot + 1) & (capacity - 1) }
        let range = Int(offsets[term])..<Int(offsets[term + 1])
        slots[slot] = Slot(
          header: Slot.signature(hash: hash, length: range.count) << 32 | UInt64(term + 1),
          prefix: Self.prefix(of: arena, range))
      }
    }
    self.init(arena: arena, offsets: offsets, hashes: hashes, slots: slots)
  }

  /// The first eight bytes of the key at `range` of `bytes`, zero-padded.
  @inline(__always)
  static func prefix(of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
    guard let base = bytes.baseAddress else { return 0 }
    if range.count >= 8 {
      return UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self)
    }
    if range.lowerBound + 8 <= bytes.count {
      let word = UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self)
      return word & ((1 << UInt64(range.count * 8)) - 1)
    }
    var prefix: UInt64 = 0
    for (shift, index) in range.enumerated() { prefix |= UInt64(base[index]) << (8 * shift) }
    return prefix
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
    let slots: UnsafeBufferPointer<Slot>
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
      let signature = Slot.signature(hash: hash, length: range.count)
      let prefix = TermTable.prefix(of: keys, range)
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = slots[slot]
        if entry.header == 0 { return -1 }
        if entry.header >> 32 == signature && entry.prefix == prefix {
          let term = Int(entry.header & 0xFFFF_FFFF) - 1
          if range.count <= 8 { return Int32(term) }
          // Same tag, length (below 255) and first eight bytes: compare the rest.
          let start = Int(offsets[term])
          let length = Int(offsets[term + 1]) - start
          if length == range.count, let stored = arena.baseAddress, let wanted = keys.baseAddress,
            memcmpEqual(stored + start + 8, wanted + range.lowerBound + 8, length - 8)
          {
            return Int32(term)
          }
        }
        slot = (slot + 1) & mask
      }
    }
  }

  private func withProbe<R>(_ body: (Probe) -> R) -> R {
    filter.withUnsafeBufferPointer { filter in
      slots.withUnsafeBufferPointer { slots in
        offsets.withUnsafeBufferPointer { offsets in
          arena.withUnsafeBufferPointer { arena in
            body(
              Probe(
                filter: filter, filterMask: filterMask, slots: slots, offsets: offsets,
                arena: arena, mask: mask))
          }
        }
      }
    }
  }

  /// The key bytes of term `id`.
  public func key(_ id: Int32) -> ArraySlice<UInt8> {
    arena[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])]
  }

  /// The ids of the document's tokens in this table: those a ``TermLookup``
  /// stage found earlier, else looked up now.
  public func ids(of document: Document) -> [Int32] {
    if let found = document.termIDs.first(where: { $0.table === identity }) { return found.ids }
    guard let list = document.tokens else { return [] }
    return ids(of: list)
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
