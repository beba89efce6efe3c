#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Scores the topics a document is about, with the evidence for each.
///
/// Terms of the lexicons (and their article forms) are matched over token
/// keys, case-insensitively, longest first without overlap; entity cues count
/// the document's mentions by id or label. A topic's score is
///
///     raw   = Σ weight · tf·(k+1)/(tf+k) / (1 − b + b · tokens/L)
///     score = 1 − exp(−max(raw, 0) / τ)
///
/// with k = 1.2 (saturating term frequency), b = 0.5 and L = 400 tokens
/// (length normalisation), τ = 4 (calibration to 0…1). A child topic's score
/// raises its parent's to at least its own, and brings its evidence along.
/// Topics at or above `threshold` are kept, best first (on a tie, the more
/// specific), at most `maximumTopics`; a kept topic implies its ancestors,
/// which are left out (`brexit` stands for `eu-affairs` and `politics`, and
/// says so in its `parent` and IPTC code).
public struct TopicScorer: Stage, MatchesTerms {
  public let name = "topics"
  public let requires: Set<Artifact> = [.tokens]
  public let produces: Set<Artifact> = [.topics]

  public struct Options: Sendable {
    public var maximumTopics = 3
    public var threshold = 0.35
    public init(maximumTopics: Int = 3, threshold: Double = 0.35) {
      self.maximumTopics = maximumTopics
      self.threshold = threshold
    }
  }

  static let saturation = 1.2
  static let lengthWeight = 0.5
  static let typicalLength = 400.0
  static let calibration = 4.0

  public let lexicon: TopicLexicon
  public let options: Options
  /// Everything compiled from the lexicon, in one immutable object: copying
  /// the stage (as closures and existentials do) costs one reference count.
  private let model: Model

  public init(lexicon: TopicLexicon, options: Options = Options()) {
    self.lexicon = lexicon
    self.options = options
    self.model = Model(lexicon)
  }

  public var terms: TermTable { model.terms }

  public func process(_ document: inout Document) {
    guard let list = document.tokens else { return }
    var counts = CueCounts(cueCount: model.cueWeight.count)
    model.countTerms(model.terms.ids(of: document), into: &counts)
    for (index, mention) in document.mentions.enumerated() {
      for cue in model.entityCues.cues(for: mention.entityID) {
        counts.add(cue, mention: index)
      }
      for cue in model.labelCues.cues(for: mention.label) { counts.add(cue, mention: index) }
    }
    document.topics = model.score(
      counts: counts, tokenCount: list.tokens.count, mentions: document.mentions,
      options: options)
  }
}

extension TopicScorer {
  /// Cues by entity id or label, looked up by the bytes of the string (one
  /// hash and probe, not `String` hashing, for each of a document's mentions).
  fileprivate struct CueIndex: Sendable {
    private let keys: TermTable
    private let cues: [[Int]]

    init(_ cuesByKey: [String: [Int]]) {
      let entries = cuesByKey.sorted { $0.key < $1.key }
      keys = TermTable(keys: entries.map { Array($0.key.utf8) })
      cues = entries.map(\.value)
    }

    func cues(for key: String) -> [Int] {
      guard
        let id = key.utf8.withContiguousStorageIfAvailable({
          keys.id(of: UnsafeRawBufferPointer($0))
        }), id >= 0
      else { return [] }
      return cues[Int(id)]
    }
  }

  /// How often each cue occurred in a document, and which ones did.
  fileprivate struct CueCounts {
    var counts: [Int32]
    /// For entity and label cues: the first mention that matched, which names the evidence.
    var firstMention: [Int32]
    /// The cues with a non-zero count, in the order first seen.
    var seen: [Int] = []

    init(cueCount: Int) {
      counts = [Int32](repeating: 0, count: cueCount)
      firstMention = [Int32](repeating: -1, count: cueCount)
    }

    mutating func add(_ cue: Int, mention: Int = -1) {
      if counts[cue] == 0 {
        seen.append(cue)
        firstMention[cue] = Int32(mention)
      }
      counts[cue] += 1
    }
  }

  /// The lexicon compiled for scoring.
  fileprivate final class Model: Sendable {
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

    init(_ lexicon: TopicLexicon) {
      var topicIndexByID: [String: Int] = [:]
      for (index, topic) in lexicon.topics.enumerated() { topicIndexByID[topic.id] = index }
      let parentIndex = lexicon.topics.map { topicIndexByID[$0.parent] }
      self.topics = lexicon.topics
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
      self.cueTopic = lexicon.cues.map { topicIndexByID[$0.topic] ?? 0 }
      self.cueWeight = lexicon.cues.map(\.weight)
      self.cueName = lexicon.cues.map(\.cue)
      var textNumbers: [String: Int] = [:]
      self.cueText = lexicon.cues.map { cue in
        if let number = textNumbers[cue.cue] { return number }
        textNumbers[cue.cue] = textNumbers.count
        return textNumbers.count - 1
      }
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
      self.terms = termBuilder.build()
      self.phrases = phraseBuilder.build()
      self.entityCues = CueIndex(entityCues)
      self.labelCues = CueIndex(labelCues)
    }

    /// Counts every term occurrence, longest phrase first, without overlaps.
    func countTerms(_ termIDs: [Int32], into counts: inout CueCounts) {
      let count = termIDs.count
      var start = 0
      while start < count {
        var node = PhraseIndex.root
        var position = start
        var best: (end: Int, node: Int32)? = nil
        while position < count, termIDs[position] >= 0 {
          node = phrases.child(of: node, term: termIDs[position])
          if node < 0 { break }
          position += 1
          if !phrases.payloadRange(of: node).isEmpty { best = (position, node) }
        }
        guard let match = best else {
          start += 1
          continue
        }
        for slot in phrases.payloadRange(of: match.node) {
          counts.add(Int(phrases.payloads[slot]))
        }
        start = match.end
      }
    }

    func score(counts: CueCounts, tokenCount: Int, mentions: [Mention], options: Options)
      -> [TopicScore]
    {
      let lengthNorm =
        1 - TopicScorer.lengthWeight + TopicScorer.lengthWeight * Double(tokenCount)
        / TopicScorer.typicalLength
      let parentIndex = self.parentIndex
      let depth = self.depth
      let cueText = self.cueText
      var raw = [Double](repeating: 0, count: topics.count)
      // Evidence per topic as (cue index, count, contribution); strings are made only for output.
      var evidence = [[(cue: Int, count: Int, contribution: Double)]](
        repeating: [], count: topics.count)
      // In cue order, so evidence order does not depend on the text's order.
      for cue in counts.seen.sorted() {
        let count = Int(counts.counts[cue])
        let tf = Double(count)
        let saturation = TopicScorer.saturation
        let contribution = cueWeight[cue] * tf * (saturation + 1) / (tf + saturation) / lengthNorm
        let topic = cueTopic[cue]
        raw[topic] += contribution
        evidence[topic].append((cue, count, contribution))
      }
      var scores = raw.map { 1 - exp(-max($0, 0) / TopicScorer.calibration) }
      // A child implies its parent: its score raises the parent's, and its
      // evidence joins the parent's (a cue text already there is not repeated).
      for topic in scores.indices where scores[topic] > 0 {
        var ancestor = parentIndex[topic]
        while let parent = ancestor {
          if scores[parent] < scores[topic] { scores[parent] = scores[topic] }
          for item in evidence[topic]
          where !evidence[parent].contains(where: { cueText[$0.cue] == cueText[item.cue] }) {
            evidence[parent].append(item)
          }
          ancestor = parentIndex[parent]
        }
      }
      // A kept topic implies its ancestors, which are left out: `brexit` says
      // `eu-affairs` and `politics` (its `parent` and IPTC code name them), and
      // the slots go to other subjects. A topic cut by the slot limit implies
      // nothing, so its ancestors compete on their own scores.
      var pool = scores.indices.filter { scores[$0] >= options.threshold && scores[$0] > 0 }
      var ranked: [Int] = []
      while true {
        var implied = [Bool](repeating: false, count: topics.count)
        for topic in pool {
          var ancestor = parentIndex[topic]
          while let parent = ancestor {
            implied[parent] = true
            ancestor = parentIndex[parent]
          }
        }
        // Best first; on equal scores the more specific topic, then taxonomy order.
        let visible = pool.filter { !implied[$0] }.sorted {
          if scores[$0] != scores[$1] { return scores[$0] > scores[$1] }
          if depth[$0] != depth[$1] { return depth[$0] > depth[$1] }
          return $0 < $1
        }
        ranked = Array(visible.prefix(options.maximumTopics))
        let hiding = Set(visible.dropFirst(options.maximumTopics).filter { parentIndex[$0] != nil })
        if hiding.isEmpty { break }
        pool.removeAll { hiding.contains($0) }
      }
      return ranked.map { index in
        let topic = topics[index]
        return TopicScore(
          id: topic.id, label: topic.label, iptc: topic.iptc, parent: topic.parent,
          score: scores[index],
          evidence: evidence[index].sorted { $0.contribution > $1.contribution }.map { item in
            TopicScore.Evidence(
              cue: counts.firstMention[item.cue] >= 0
                ? mentions[Int(counts.firstMention[item.cue])].name : cueName[item.cue],
              count: item.count,
              contribution: item.contribution)
          })
      }
    }
  }
}
