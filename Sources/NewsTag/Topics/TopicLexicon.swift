/// A topic of the taxonomy (`Gazetteers/topics/taxonomy.tsv`).
public struct Topic: Sendable, Equatable {
  public var id: String
  /// The parent topic's id; empty for a top-level subject.
  public var parent: String
  /// IPTC Media Topic code, such as `medtop:16000000`.
  public var iptc: String
  public var label: String
  public var bulgarianLabel: String
}

/// One line of a term lexicon: a cue and what it adds to a topic.
public struct TopicCue: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// A word or phrase in dictionary form, with explicit inflected forms and,
    /// for one word, the part of speech whose regular forms are generated.
    case term(forms: [String], partOfSpeech: TermForms.PartOfSpeech?)
    /// Any mention of the entity with this id.
    case entity(id: String)
    /// Any mention with this label (`WEAPON`).
    case label(String)
  }

  public var topic: String
  public var weight: Double
  /// The cue as written in the lexicon: the term, `entity:ID` or `label:LABEL`.
  public var cue: String
  public var kind: Kind
  public var file: String
  public var line: Int
}

/// The taxonomy and term lexicons, parsed with every problem collected.
///
/// Formats (specified in `Gazetteers/README.md`):
/// - `taxonomy.tsv`: `id`, `parent`, `iptc`, `label`, `label_bg`;
/// - any other `.tsv` in `topics/`: `topic`, `weight`, `cue`, and optional
///   `forms` and `pos` (`noun`, `adj`, `verb`).
public struct TopicLexicon: Sendable {
  public private(set) var topics: [Topic] = []
  public private(set) var cues: [TopicCue] = []
  public private(set) var diagnostics: [Diagnostic] = []

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// Warnings for `entity:ID` cues whose id no loaded gazetteer defines.
  public func unknownEntityCues(knownIDs: Set<String>) -> [Diagnostic] {
    cues.compactMap { cue in
      guard case .entity(let id) = cue.kind, !knownIDs.contains(id) else { return nil }
      return Diagnostic(
        .warning, file: cue.file, line: cue.line, "no entity '\(id)' in the gazetteers")
    }
  }

  public init(taxonomy: GazetteerSource, lexicons: [GazetteerSource]) {
    parseTaxonomy(taxonomy)
    for lexicon in lexicons { parseLexicon(lexicon) }
  }

  /// The rows of `source`, its table problems recorded as they come.
  private mutating func rows(_ source: GazetteerSource, columns required: [String])
    -> [(line: Int, values: [String: String])]
  {
    var rows: [(line: Int, values: [String: String])] = []
    for item in TSVTable.items(of: source, required: required) {
      switch item {
      case .problem(let diagnostic): diagnostics.append(diagnostic)
      case .row(let line, let values): rows.append((line, values))
      }
    }
    return rows
  }

  private mutating func parseTaxonomy(_ source: GazetteerSource) {
    var seen: [String: Int] = [:]
    var parents: [(parent: String, line: Int)] = []
    for (line, values) in rows(source, columns: ["id", "parent", "iptc", "label"]) {
      let topic = Topic(
        id: values["id", default: ""], parent: values["parent", default: ""],
        iptc: values["iptc", default: ""], label: values["label", default: ""],
        bulgarianLabel: values["label_bg", default: ""])
      if topic.id.isEmpty || topic.label.isEmpty {
        diagnostics.append(.init(.error, file: source.path, line: line, "empty id or label"))
        continue
      }
      if let first = seen[topic.id] {
        diagnostics.append(
          .init(
            .error, file: source.path, line: line,
            "duplicate topic '\(topic.id)' (first at line \(first))"))
        continue
      }
      if !topic.iptc.isEmpty && !topic.iptc.hasPrefix("medtop:") {
        diagnostics.append(
          .init(.error, file: source.path, line: line, "IPTC code '\(topic.iptc)' lacks 'medtop:'"))
      }
      seen[topic.id] = line
      if !topic.parent.isEmpty { parents.append((topic.parent, line)) }
      topics.append(topic)
    }
    for (parent, line) in parents where seen[parent] == nil {
      diagnostics.append(
        .init(.error, file: source.path, line: line, "unknown parent topic '\(parent)'"))
    }
  }

  private mutating func parseLexicon(_ source: GazetteerSource) {
    let known = Set(topics.map(\.id))
    for (line, values) in rows(source, columns: ["topic", "weight", "cue"]) {
      func error(_ message: String) {
        diagnostics.append(.init(.error, file: source.path, line: line, message))
      }
      let topic = values["topic", default: ""]
      let cue = values["cue", default: ""]
      guard known.contains(topic) else {
        error("unknown topic '\(topic)'")
        continue
      }
      guard let weight = Double(values["weight", default: ""]), weight.isFinite, weight != 0 else {
        error("weight '\(values["weight", default: ""])' is not a non-zero number")
        continue
      }
      guard !cue.isEmpty else {
        error("empty cue")
        continue
      }
      let kind: TopicCue.Kind
      if cue.hasPrefix("entity:") {
        kind = .entity(id: String(cue.dropFirst("entity:".count)))
      } else if cue.hasPrefix("label:") {
        kind = .label(String(cue.dropFirst("label:".count)))
      } else {
        let forms = values["forms", default: ""].split(separator: "|").map { $0.trimmingSpaces() }
          .filter { !$0.isEmpty }
        var partOfSpeech: TermForms.PartOfSpeech? = nil
        if let pos = values["pos"], !pos.isEmpty {
          guard let parsed = TermForms.PartOfSpeech(rawValue: pos) else {
            let known = TermForms.PartOfSpeech.allCases.map(\.rawValue).joined(separator: ", ")
            error("unknown pos '\(pos)' (expected \(known))")
            continue
          }
          guard !cue.contains(" ") else {
            error("pos applies to one-word terms; list the forms of '\(cue)' instead")
            continue
          }
          partOfSpeech = parsed
        }
        kind = .term(forms: forms, partOfSpeech: partOfSpeech)
      }
      cues.append(
        TopicCue(topic: topic, weight: weight, cue: cue, kind: kind, file: source.path, line: line))
    }
  }
}
