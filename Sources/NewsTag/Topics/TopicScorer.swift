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
    let termIDs = model.terms.ids(of: document)
    let mentions = document.mentions
    document.topics = CueCounts.counting(cueCount: model.cueWeight.count) { counts in
      model.countTerms(termIDs, into: &counts)
      for (index, mention) in mentions.enumerated() {
        for cue in model.entityCues.cues(for: mention.entityID) {
          counts.add(cue, mention: index)
        }
        for cue in model.labelCues.cues(for: mention.label) { counts.add(cue, mention: index) }
      }
      return model.score(
        counts: counts, tokenCount: list.tokens.count, mentions: mentions, options: options)
    }
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
  ///
  /// A bitset marks the cues seen; counts are kept only for those, in
  /// scratch memory lent for one document, so nothing the size of the
  /// lexicon is allocated or cleared per document.
  fileprivate struct CueCounts {
    private let seenBits: UnsafeMutableBufferPointer<UInt64>
    /// Per cue: its count, then the first mention that matched it (for
    /// entity and label cues, whose evidence names the entity), or -1.
    /// Read only for cues marked in `seenBits`.
    private let tallies: UnsafeMutableBufferPointer<(count: Int32, firstMention: Int32)>
    /// The cues with a non-zero count, in the order first seen.
    private(set) var seen: [Int] = []

    /// Runs `body` with counts for a lexicon of `cueCount` cues.
    static func counting<Result>(cueCount: Int, _ body: (inout CueCounts) -> Result) -> Result {
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (cueCount + 63) / 64) { bits in
        bits.initialize(repeating: 0)
        return withUnsafeTemporaryAllocation(
          of: (count: Int32, firstMention: Int32).self, capacity: cueCount
        ) { tallies in
          var counts = CueCounts(seenBits: bits, tallies: tallies)
          return body(&counts)
        }
      }
    }

    private init(
      seenBits: UnsafeMutableBufferPointer<UInt64>,
      tallies: UnsafeMutableBufferPointer<(count: Int32, firstMention: Int32)>
    ) {
      self.seenBits = seenBits
      self.tallies = tallies
    }

    mutating func add(_ cue: Int, mention: Int = -1) {
      let bit: UInt64 = 1 << UInt64(cue & 63)
      if seenBits[cue >> 6] & bit == 0 {
        seenBits[cue >> 6] |= bit
        seen.append(cue)
        tallies[cue] = (0, Int32(mention))
      }
      tallies[cue].count += 1
    }

    func count(of cue: Int) -> Int32 {
      seenBits[cue >> 6] & (1 << UInt64(cue & 63)) == 0 ? 0 : tallies[cue].count
    }

    /// The first mention that matched `cue`, for entity and label cues.
    func firstMention(of cue: Int) -> Int? {
      guard seenBits[cue >> 6] & (1 << UInt64(cue & 63)) != 0 else { return nil }
      let mention = tallies[cue].firstMention
      return mention >= 0 ? Int(mention) : nil
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

    /// Whether `topic` lies below `ancestor` in the taxonomy.
    func isDescendant(_ topic: Int, of ancestor: Int) -> Bool {
      var current = parentIndex[topic]
      while let parent = current {
        if parent == ancestor { return true }
        current = parentIndex[parent]
      }
      return false
    }

    /// Counts every term occurrence, longest phrase first, without overlaps.
    func countTerms(_ termIDs: [Int32], into counts: inout CueCounts) {
      termIDs.withUnsafeBufferPointer { termIDs in
        phrases.withWalker { walker in
          let count = termIDs.count
          var start = 0
          while start < count {
            var node = PhraseIndex.root
            var position = start
            var best: (end: Int, node: Int32)? = nil
            while position < count, termIDs[position] >= 0 {
              node = walker.child(of: node, term: termIDs[position])
              if node < 0 { break }
              position += 1
              if walker.hasPayload(node) { best = (position, node) }
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
      // In cue order, so evidence order does not depend on the text's order.
      let items = counts.seen.sorted().map { cue in
        let count = Int(counts.count(of: cue))
        let tf = Double(count)
        let saturation = TopicScorer.saturation
        let contribution = cueWeight[cue] * tf * (saturation + 1) / (tf + saturation) / lengthNorm
        return (cue: cue, count: count, contribution: contribution)
      }
      var raw = [Double](repeating: 0, count: topics.count)
      for item in items { raw[cueTopic[item.cue]] += item.contribution }
      // Most topics have no cue in a document: no exp for them (1 − e⁰ = 0).
      let ownScores = raw.map { $0 <= 0 ? 0 : 1 - exp(-$0 / TopicScorer.calibration) }
      // A child implies its parent: its score raises the parent's.
      var scores = ownScores
      for topic in scores.indices where ownScores[topic] > 0 {
        var ancestor = parentIndex[topic]
        while let parent = ancestor {
          if scores[parent] < scores[topic] { scores[parent] = scores[topic] }
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
      // Evidence, only for the topics shown: the topic's own cues, then those
      // of each scoring descendant (taxonomy order, parents first), a cue
      // text already there not repeated.
      func evidence(for shown: Int) -> [(cue: Int, count: Int, contribution: Double)] {
        var evidence = items.filter { cueTopic[$0.cue] == shown }
        for topic in topics.indices where topic != shown && ownScores[topic] > 0 {
          guard isDescendant(topic, of: shown) else { continue }
          for item in items where cueTopic[item.cue] == topic {
            if !evidence.contains(where: { cueText[$0.cue] == cueText[item.cue] }) {
              evidence.append(item)
            }
          }
        }
        return evidence
      }
      return ranked.map { index in
        let topic = topics[index]
        return TopicScore(
          id: topic.id, label: topic.label, iptc: topic.iptc, parent: topic.parent,
          score: scores[index],
          evidence: evidence(for: index).sorted { $0.contribution > $1.contribution }.map { item in
            TopicScore.Evidence(
              cue: counts.firstMention(of: item.cue).map { mentions[$0].name } ?? cueName[item.cue],
              count: item.count,
              contribution: item.contribution)
          })
      }
    }
  }
}
