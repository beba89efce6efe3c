/// Renames predicted labels into the gold's label set before scoring.
///
/// Written `FROM=TO` pairs separated by commas, for example
/// `PERSON=PER,COUNTRY=LOC,LOCATION=LOC,ORGANIZATION=ORG,WEAPON=PRO,EVENT=EVT`.
/// Several labels may map onto one. A label the map does not mention passes
/// through unchanged.
public struct EvaluationLabelMap: Sendable, Equatable {
  /// A label map string that could not be read.
  public struct ParseError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "invalid label map: \(message)" }
  }

  /// The renaming, from predicted label to gold label.
  public private(set) var mapping: [String: String]

  /// Creates a map from explicit pairs; the empty map renames nothing.
  public init(_ mapping: [String: String] = [:]) {
    self.mapping = mapping
  }

  /// Reads `FROM=TO` pairs separated by commas; spaces around either side are ignored.
  ///
  /// Throws ``ParseError`` on a pair without `=`, an empty side, or a label
  /// mapped to two different targets.
  public init(parsing string: String) throws(ParseError) {
    var mapping: [String: String] = [:]
    for item in string.split(separator: ",") {
      let pair = Self.trimmed(item)
      if pair.isEmpty { continue }
      guard let equals = pair.firstIndex(of: "=") else {
        throw ParseError("expected FROM=TO, found \"\(pair)\"")
      }
      let from = String(Self.trimmed(pair[..<equals]))
      let to = String(Self.trimmed(pair[pair.index(after: equals)...]))
      guard !from.isEmpty, !to.isEmpty, !to.contains("=") else {
        throw ParseError("expected FROM=TO, found \"\(pair)\"")
      }
      if let earlier = mapping[from], earlier != to {
        throw ParseError("label \"\(from)\" mapped twice (to \"\(earlier)\" and \"\(to)\")")
      }
      mapping[from] = to
    }
    self.mapping = mapping
  }

  /// Whether the map mentions `label`, as a source or as a target.
  ///
  /// A label that is already a target (such as `PER` in `PERSON=PER`) counts
  /// as mapped onto itself, so that dropping unmapped labels keeps it.
  public func covers(_ label: String) -> Bool {
    mapping[label] != nil || mapping.values.contains(label)
  }

  /// The gold label for a predicted one: its target, or the label itself when the map has none.
  public func callAsFunction(_ label: String) -> String {
    mapping[label] ?? label
  }

  /// `string` without leading and trailing whitespace.
  static func trimmed(_ string: Substring) -> Substring {
    guard let first = string.firstIndex(where: { !$0.isWhitespace }),
      let last = string.lastIndex(where: { !$0.isWhitespace })
    else { return string[string.endIndex...] }
    return string[first...last]
  }
}
