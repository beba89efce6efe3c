/// The matching form of a document's text, and the way back to the original.
///
/// Most documents need no change, and then this is the original string itself
/// with no copy. When the ``Normalizer`` rewrites parts (NFC, look-alike
/// letters), `anchors` record where each rewritten span starts and ends in
/// both texts; between anchors the two texts are byte-identical, so any offset
/// at a token boundary maps back exactly.
public struct NormalizedText: Sendable {
  /// A point where normalised and original offsets are known to correspond.
  public struct Anchor: Sendable, Equatable {
    public var normalized: Int32
    public var original: Int32
  }

  public let string: String
  /// Sorted by both offsets; empty when the text is unchanged.
  public let anchors: [Anchor]

  public init(unchanged text: String) {
    self.string = text
    self.anchors = []
  }

  init(string: String, anchors: [Anchor]) {
    self.string = string
    self.anchors = anchors
  }

  public var isUnchanged: Bool { anchors.isEmpty }

  /// The original byte offset that a normalised byte offset at a token boundary stands for.
  ///
  /// - Complexity: O(log a) for a anchors; O(1) when unchanged.
  public func originalOffset(_ offset: Int) -> Int {
    if anchors.isEmpty { return offset }
    var low = 0
    var high = anchors.count
    while low < high {
      let middle = (low + high) / 2
      if Int(anchors[middle].normalized) <= offset { low = middle + 1 } else { high = middle }
    }
    guard low > 0 else { return offset }
    let anchor = anchors[low - 1]
    return Int(anchor.original) + (offset - Int(anchor.normalized))
  }
}
