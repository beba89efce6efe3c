/// The text of one gazetteer file and the name it is reported under.
public struct GazetteerSource: Sendable, Equatable {
  public var path: String
  public var text: String

  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// Parses gazetteer TSV files into entries, collecting every problem.
///
/// Format (specified in `Gazetteers/README.md`): UTF-8, `#` comments, a header
/// row naming the columns — `id`, `label`, `name` required; `aliases`
/// (`|`-separated), `kind`, `flags`, and any other column, kept as an
/// attribute. Lines with the same id merge, across files too. A line whose
/// id starts with `-` disables an entity (no name) or some of its names, so a
/// user's folder can switch off a default without editing it.
public struct GazetteerLoader {
  public private(set) var entries: [GazetteerEntry] = []
  public private(set) var diagnostics: [Diagnostic] = []
  private var indexByID: [String: Int] = [:]
  private var removals: [Removal] = []

  /// A `-id` line: what to switch off, and where it was asked for.
  private struct Removal {
    var id: String
    /// Empty: the whole entity.
    var names: [String]
    var file: String
    var line: Int
  }

  public init() {}

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// Parses and merges `sources` in order, then applies every `-id` line.
  public static func load(_ sources: [GazetteerSource]) -> GazetteerLoader {
    var loader = GazetteerLoader()
    for source in sources { loader.add(source) }
    loader.applyRemovals()
    return loader
  }

  /// Disables what the `-id` lines ask for, wherever they stand in the files.
  private mutating func applyRemovals() {
    var removedEntities: Set<String> = []
    for removal in removals {
      func warning(_ message: String) {
        diagnostics.append(.init(.warning, file: removal.file, line: removal.line, message))
      }
      guard let index = indexByID[removal.id], !removedEntities.contains(removal.id) else {
        warning("'-\(removal.id)' disables nothing: there is no entity '\(removal.id)'")
        continue
      }
      if removal.names.isEmpty {
        removedEntities.insert(removal.id)
        continue
      }
      for name in removal.names {
        guard let position = entries[index].names.firstIndex(where: { $0.text == name }) else {
          warning("'-\(removal.id)' disables nothing: '\(name)' is not a name of it")
          continue
        }
        entries[index].names.remove(at: position)
      }
      if let first = entries[index].names.first {
        entries[index].name = first.text
      } else {
        removedEntities.insert(removal.id)
      }
    }
    removals = []
    guard !removedEntities.isEmpty else { return }
    entries.removeAll { removedEntities.contains($0.id) }
    indexByID = [:]
    for (index, entry) in entries.enumerated() { indexByID[entry.id] = index }
  }

  private static let requiredColumns = ["id", "label", "name"]
  private static let knownColumns: Set<String> = [
    "id", "label", "name", "aliases", "kind", "flags",
  ]

  public mutating func add(_ source: GazetteerSource) {
    for item in TSVTable.items(of: source, required: Self.requiredColumns) {
      switch item {
      case .problem(let diagnostic): diagnostics.append(diagnostic)
      case .row(let line, let values): parseRow(values, file: source.path, line: line)
      }
    }
  }

  private mutating func parseRow(_ values: [String: String], file: String, line: Int) {
    func error(_ message: String) {
      diagnostics.append(.init(.error, file: file, line: line, message))
    }
    func warning(_ message: String) {
      diagnostics.append(.init(.warning, file: file, line: line, message))
    }
    let id = values["id", default: ""]
    let label = values["label", default: ""]
    let name = values["name", default: ""]
    if id.hasPrefix("-") && id.count > 1 {
      let aliases = values["aliases", default: ""].split(separator: "|").map { $0.trimmingSpaces() }
      removals.append(
        Removal(
          id: String(id.dropFirst()), names: ([name] + aliases).filter { !$0.isEmpty },
          file: file, line: line))
      return
    }
    var valid = true
    if id.isEmpty {
      error("empty id")
      valid = false
    } else if id.contains(where: { $0 == " " || $0 == "|" }) {
      error("id '\(id)' contains a space or '|'")
      valid = false
    }
    if !Self.isValidLabel(label) {
      error(
        label.isEmpty ? "empty label" : "label '\(label)' is not a word of letters, digits and '_'")
      valid = false
    }
    if name.isEmpty {
      error("empty name")
      valid = false
    }
    var aliases: [String] = []
    if let column = values["aliases"], !column.isEmpty {
      for alias in column.split(separator: "|", omittingEmptySubsequences: false) {
        let alias = alias.trimmingSpaces()
        if alias.isEmpty {
          warning("empty alias in '\(column)'")
        } else if alias == name || aliases.contains(alias) {
          warning("alias '\(alias)' repeats a name of the same entry")
        } else {
          aliases.append(alias)
        }
      }
    }
    var inflection = GazetteerEntry.Inflection.auto
    if let kind = values["kind"], !kind.isEmpty {
      if let parsed = GazetteerEntry.Inflection(rawValue: kind) {
        inflection = parsed
      } else {
        let known = GazetteerEntry.Inflection.allCases.map(\.rawValue).joined(separator: ", ")
        error("unknown kind '\(kind)' (expected one of \(known))")
        valid = false
      }
    }
    var flags: GazetteerEntry.Flags = []
    if let column = values["flags"], !column.isEmpty {
      for flagName in column.split(separator: ",").map({ $0.trimmingSpaces() }) {
        if let flag = GazetteerEntry.Flags.names.first(where: { $0.0 == flagName })?.1 {
          flags.insert(flag)
        } else {
          let known = GazetteerEntry.Flags.names.map(\.0).joined(separator: ", ")
          error("unknown flag '\(flagName)' (expected \(known))")
          valid = false
        }
      }
    }
    var attributes: [String: String] = [:]
    for (column, value) in values where !Self.knownColumns.contains(column) && !value.isEmpty {
      attributes[column] = value
    }
    if let wikidata = attributes["wikidata"], !Self.isWikidataID(wikidata) {
      error("wikidata id '\(wikidata)' is not of the form Q123")
      valid = false
    }
    guard valid else { return }
    let entry = GazetteerEntry(
      id: id, label: label, name: name, aliases: aliases, inflection: inflection, flags: flags,
      attributes: attributes, file: file, line: line)
    merge(entry, file: file, line: line)
  }

  /// Adds `entry`, or folds its names into the entry with the same id; each
  /// name keeps the options of its own line.
  private mutating func merge(_ entry: GazetteerEntry, file: String, line: Int) {
    guard let index = indexByID[entry.id] else {
      indexByID[entry.id] = entries.count
      entries.append(entry)
      return
    }
    var existing = entries[index]
    let first = "\(existing.file):\(existing.line)"
    if existing.label != entry.label {
      diagnostics.append(
        .init(
          .error, file: file, line: line,
          "id '\(entry.id)' has label \(entry.label) here but \(existing.label) at \(first)"))
      return
    }
    for name in entry.names {
      if let earlier = existing.names.first(where: { $0.text == name.text }) {
        diagnostics.append(
          .init(
            .warning, file: file, line: line,
            "'\(name.text)' is already a name of '\(entry.id)' (\(earlier.file):\(earlier.line))"))
      } else {
        existing.names.append(name)
      }
    }
    for (key, value) in entry.attributes {
      if let old = existing.attributes[key], old != value {
        diagnostics.append(
          .init(
            .error, file: file, line: line,
            "id '\(entry.id)' has \(key) '\(value)' here but '\(old)' at \(first)"))
      } else {
        existing.attributes[key] = value
      }
    }
    entries[index] = existing
  }

  static func isValidLabel(_ label: String) -> Bool {
    guard let first = label.unicodeScalars.first, first.properties.isAlphabetic else {
      return false
    }
    return label.unicodeScalars.allSatisfy {
      ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_"
    }
  }

  static func isWikidataID(_ value: String) -> Bool {
    value.count >= 2 && value.first == "Q"
      && value.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
      && value.dropFirst().first != "0"
  }
}

extension Substring {
  func trimmingSpaces() -> String {
    var slice = self[...]
    while let first = slice.first, first == " " { slice = slice.dropFirst() }
    while let last = slice.last, last == " " { slice = slice.dropLast() }
    return String(slice)
  }
}
