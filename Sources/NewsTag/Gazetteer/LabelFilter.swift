/// Keeps only the mentions whose labels a user asked for (`--labels`), or
/// drops some (`--exclude-labels COUNTRY_ADJ`).
///
/// The driver puts it last, so topic scoring still sees every mention.
public struct LabelFilter: Stage {
  public var name: String { "label-filter" }
  public var requires: Set<Artifact> { [.mentions] }
  public var produces: Set<Artifact> { [] }

  /// Labels to keep; nil keeps all.
  public let included: Set<String>?
  public let excluded: Set<String>

  public init(included: Set<String>?, excluded: Set<String> = []) {
    self.included = included
    self.excluded = excluded
  }

  public func process(_ document: inout Document) {
    document.mentions.removeAll { mention in
      excluded.contains(mention.label) || !(included?.contains(mention.label) ?? true)
    }
  }
}
