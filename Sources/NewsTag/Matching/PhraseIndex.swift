/// A trie over sequences of term ids, each node holding payload numbers.
///
/// Edges live in one open-addressing table keyed by (node, term), so walking
/// a phrase costs one probe per token and no per-node allocation.
///
/// - Complexity: ``Walker/child(of:term:)`` is O(1) expected.
public struct PhraseIndex: Sendable {
  public static let root: Int32 = 0

  let edgeKeys: [UInt64]
  /// Child node + 1 per slot; 0 = empty.
  let edgeChildren: [Int32]
  let mask: Int
  /// Payloads of node `n` are `payloads[payloadOffsets[n]..<payloadOffsets[n+1]]`.
  let payloadOffsets: [Int32]
  public let payloads: [Int32]
  /// The root's children by term id (-1: no phrase starts with that term), so
  /// the first step of every walk, the one most tokens fail, is an array read.
  let rootChildren: [Int32]

  /// An index from its stored parts, as the builder made them.
  init(edgeKeys: [UInt64], edgeChildren: [Int32], payloadOffsets: [Int32], payloads: [Int32]) {
    self.edgeKeys = edgeKeys
    self.edgeChildren = edgeChildren
    self.mask = edgeChildren.count - 1
    self.payloadOffsets = payloadOffsets
    self.payloads = payloads
    self.rootChildren = Self.rootChildren(edgeKeys: edgeKeys, edgeChildren: edgeChildren)
  }

  private static func rootChildren(edgeKeys: [UInt64], edgeChildren: [Int32]) -> [Int32] {
    var rootEdges: [(term: Int, child: Int32)] = []
    for (key, child) in zip(edgeKeys, edgeChildren) where child != 0 && key >> 32 == 0 {
      rootEdges.append((Int(key & 0xFFFF_FFFF), child - 1))
    }
    var children = [Int32](repeating: -1, count: (rootEdges.map(\.term).max() ?? -1) + 1)
    for edge in rootEdges { children[edge.term] = edge.child }
    return children
  }

  fileprivate init(
    edges: [(parent: Int32, term: Int32, child: Int32)], nodeCount: Int,
    payloadsByNode: [(node: Int32, payload: Int32)]
  ) {
    var capacity = 16
    while capacity < edges.count * 2 { capacity <<= 1 }
    var keys = [UInt64](repeating: 0, count: capacity)
    var children = [Int32](repeating: 0, count: capacity)
    for edge in edges {
      let key = Self.edgeKey(edge.parent, edge.term)
      var slot = Self.slot(for: key, mask: capacity - 1)
      while children[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = key
      children[slot] = edge.child + 1
    }
    var offsets = [Int32](repeating: 0, count: nodeCount + 1)
    for entry in payloadsByNode { offsets[Int(entry.node) + 1] += 1 }
    for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
    var next = offsets
    var payloads = [Int32](repeating: 0, count: payloadsByNode.count)
    for entry in payloadsByNode {
      payloads[Int(next[Int(entry.node)])] = entry.payload
      next[Int(entry.node)] += 1
    }
    self.init(edgeKeys: keys, edgeChildren: children, payloadOffsets: offsets, payloads: payloads)
  }

  @inline(__always) fileprivate static func edgeKey(_ parent: Int32, _ term: Int32) -> UInt64 {
    (UInt64(UInt32(bitPattern: parent)) << 32) | UInt64(UInt32(bitPattern: term))
  }

  @inline(__always) fileprivate static func slot(for key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
  }

  /// Indices into `payloads` for `node`; empty when no phrase ends there.
  @inline(__always) public func payloadRange(of node: Int32) -> Range<Int> {
    Int(payloadOffsets[Int(node)])..<Int(payloadOffsets[Int(node) + 1])
  }

  /// The index's arrays borrowed as buffers, for walking every phrase of a
  /// document without touching the arrays' reference counts per step.
  public struct Walker {
    fileprivate let rootChildren: UnsafeBufferPointer<Int32>
    fileprivate let edgeKeys: UnsafeBufferPointer<UInt64>
    fileprivate let edgeChildren: UnsafeBufferPointer<Int32>
    fileprivate let payloadOffsets: UnsafeBufferPointer<Int32>
    fileprivate let mask: Int

    /// The node reached from `node` by `term`, or -1.
    @inline(__always) public func child(of node: Int32, term: Int32) -> Int32 {
      if node == PhraseIndex.root {
        return Int(term) < rootChildren.count ? rootChildren[Int(term)] : -1
      }
      let key = PhraseIndex.edgeKey(node, term)
      var slot = PhraseIndex.slot(for: key, mask: mask)
      while true {
        let child = edgeChildren[slot]
        if child == 0 { return -1 }
        if edgeKeys[slot] == key { return child - 1 }
        slot = (slot + 1) & mask
      }
    }

    /// Whether some phrase ends at `node`.
    @inline(__always) public func hasPayload(_ node: Int32) -> Bool {
      payloadOffsets[Int(node)] != payloadOffsets[Int(node) + 1]
    }
  }

  public func withWalker<Result>(_ body: (Walker) -> Result) -> Result {
    rootChildren.withUnsafeBufferPointer { rootChildren in
      edgeKeys.withUnsafeBufferPointer { edgeKeys in
        edgeChildren.withUnsafeBufferPointer { edgeChildren in
          payloadOffsets.withUnsafeBufferPointer { payloadOffsets in
            body(
              Walker(
                rootChildren: rootChildren, edgeKeys: edgeKeys, edgeChildren: edgeChildren,
                payloadOffsets: payloadOffsets, mask: mask))
          }
        }
      }
    }
  }
}

/// Accumulates phrases, then freezes them into a ``PhraseIndex``.
public struct PhraseIndexBuilder {
  private var edges: [UInt64: Int32] = [:]
  private var edgeList: [(parent: Int32, term: Int32, child: Int32)] = []
  private var payloads: [(node: Int32, payload: Int32)] = []
  private var nodeCount = 1

  public init() {}

  /// Adds a phrase ending in `payload`. Phrases may share prefixes and payloads.
  public mutating func insert(_ terms: [Int32], payload: Int32) {
    var node = PhraseIndex.root
    for term in terms {
      let key = PhraseIndex.edgeKey(node, term)
      if let child = edges[key] {
        node = child
      } else {
        let child = Int32(nodeCount)
        nodeCount += 1
        edges[key] = child
        edgeList.append((node, term, child))
        node = child
      }
    }
    payloads.append((node, payload))
  }

  public func build() -> PhraseIndex {
    PhraseIndex(edges: edgeList, nodeCount: nodeCount, payloadsByNode: payloads)
  }
}
