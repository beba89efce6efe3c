/// The taxonomy and lexicons compiled for scoring: topics, cue weights, and
/// the phrase index of every term form. Immutable, shared by all threads.
public final class TopicModel: Sendable {
  let topics: [Topic]
  let terms: TermTable
  let phrases: PhraseIndex
  let parentIndex: [Int?]
  /// Distance from the top-level subject (0 for a subject).
  let depth: [Int]
  let cueTopic: [Int]
  let cueWeight: [Double]
  let cueName: [String]
  /// Cues with the same text share a number, so evidence merges without comparing strings.
  let cueText: [Int]
  let entityCues: CueIndex
  let labelCues: CueIndex

  /// A model from its parts; the taxonomy's links and the cue text numbers
  /// are derived here.
  init(
    topics: [Topic], terms: TermTable, phrases: PhraseIndex, cueTopic: [Int],
    cueWeight: [Double], cueName: [String], entityCues: CueIndex, labelCues: CueIndex
  ) {
    let parentIndex = Self.parentIndex(topics)
    self.topics = topics
    self.terms = terms
    self.phrases = phrases
    self.parentIndex = parentIndex
    self.depth = parentIndex.indices.map { topic in
      var depth = 0
      var ancestor = parentIndex[topic]
      while let parent = ancestor {
        depth += 1
        ancestor = parentIndex[parent]
      }
      return depth
    }
    self.cueTopic = cueTopic
    self.cueWeight = cueWeight
    self.cueName = cueName
    var textNumbers: [String: Int] = [:]
    self.cueText = cueName.map { name in
      if let number = textNumbers[name] { return number }
      textNumbers[name] = textNumbers.count
      return textNumbers.count - 1
    }
    self.entityCues = entityCues
    self.labelCues = labelCues
  }

  /// Each topic's parent, as an index into `topics`.
  static func parentIndex(_ topics: [Topic]) -> [Int?] {
    let indexByID = Self.indexByID(topics)
    return topics.map { indexByID[$0.parent] }
  }

  private static func indexByID(_ topics: [Topic]) -> [String: Int] {
    var indexByID: [String: Int] = [:]
    for (index, topic) in topics.enumerated() { indexByID[topic.id] = index }
    return indexByID
  }

  public convenience init(_ lexicon: TopicLexicon) {
    let topicIndexByID = Self.indexByID(lexicon.topics)
    var termBuilder = TermTableBuilder()
    var phraseBuilder = PhraseIndexBuilder()
    var entityCues: [String: [Int]] = [:]
    var labelCues: [String: [Int]] = [:]
    let normalizer = Normalizer()
    let tokenizer = Tokenizer()
    for (index, cue) in lexicon.cues.enumerated() {
      switch cue.kind {
      case .entity(let id): entityCues[id, default: []].append(index)
      case .label(let label): labelCues[label, default: []].append(index)
      case .term(let forms, let partOfSpeech):
        let phrases = TermForms.phrases(
          of: cue.cue, forms: forms, partOfSpeech: partOfSpeech, normalizer: normalizer,
          tokenizer: tokenizer)
        for phrase in phrases {
          phraseBuilder.insert(
            phrase.map { termBuilder.intern(Array($0.utf8)) }, payload: Int32(index))
        }
      }
    }
    self.init(
      topics: lexicon.topics, terms: termBuilder.build(), phrases: phraseBuilder.build(),
      cueTopic: lexicon.cues.map { topicIndexByID[$0.topic] ?? 0 },
      cueWeight: lexicon.cues.map(\.weight), cueName: lexicon.cues.map(\.cue),
      entityCues: CueIndex(entityCues), labelCues: CueIndex(labelCues))
  }

  /// Calls `body` with each cue a mention of `entity` adds: those naming the
  /// entity, then those naming its label. The order decides which mention
  /// a cue's evidence names.
  func forEachCue(of entity: LinkedEntity, _ body: (Int) -> Void) {
    for cue in entityCues.cues(for: entity.id) { body(cue) }
    for cue in labelCues.cues(for: entity.label) { body(cue) }
  }

  /// Whether `topic` lies below `ancestor` in the taxonomy.
  func isDescendant(_ topic: Int, of ancestor: Int) -> Bool {
    var current = parentIndex[topic]
    while let parent = current {
      if parent == ancestor { return true }
      current = parentIndex[parent]
    }
    return false
  }
}

/// Cues by entity id or label, looked up by the bytes of the string (one
/// hash and probe, not `String` hashing, for each of a document's mentions).
struct CueIndex: Sendable {
  let keys: TermTable
  /// Per key id, the cues it stands for.
  let cues: [[Int]]

  init(keys: TermTable, cues: [[Int]]) {
    self.keys = keys
    self.cues = cues
  }

  init(_ cuesByKey: [String: [Int]]) {
    let entries = cuesByKey.sorted { $0.key < $1.key }
    keys = TermTable(keys: entries.map { Array($0.key.utf8) })
    cues = entries.map(\.value)
  }

  func cues(for key: String) -> [Int] {
    let id = key.withUTF8Bytes { keys.id(of: UnsafeRawBufferPointer($0)) }
    return id >= 0 ? cues[Int(id)] : []
  }
}
