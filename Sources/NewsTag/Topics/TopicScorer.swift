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
  public var name: String { "topics" }
  public var requires: Set<Artifact> { [.tokens] }
  public var produces: Set<Artifact> { [.topics] }

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

  public let options: Options
  /// Everything compiled from the lexicon, in one immutable object: copying
  /// the stage (as closures and existentials do) costs one reference count.
  let model: TopicModel

  /// Each entity's cues, when the scorer is linked to the gazetteer that
  /// makes the document's mentions.
  let linkedCues: LinkedCues?

  public init(model: TopicModel, options: Options = Options()) {
    self.init(model: model, options: options, linkedCues: nil)
  }

  private init(model: TopicModel, options: Options, linkedCues: LinkedCues?) {
    self.model = model
    self.options = options
    self.linkedCues = linkedCues
  }

  /// This scorer with the cues of every entity of `gazetteer` found in
  /// advance: a mention of that gazetteer then costs an index, not a hash of
  /// its id and label.
  public func linked(to gazetteer: CompiledGazetteer) -> TopicScorer {
    TopicScorer(model: model, options: options, linkedCues: LinkedCues(model, gazetteer))
  }

  final class LinkedCues: Sendable {
    let gazetteerSerial: UInt64
    /// Entity `e`'s cues are `cues[offsets[e]..<offsets[e + 1]]`.
    let offsets: [Int32]
    let cues: [Int32]

    init(_ model: TopicModel, _ gazetteer: CompiledGazetteer) {
      var offsets: [Int32] = [0]
      var cues: [Int32] = []
      for entity in gazetteer.entities {
        model.forEachCue(of: entity) { cues.append(Int32($0)) }
        offsets.append(Int32(cues.count))
      }
      self.gazetteerSerial = gazetteer.serial
      self.offsets = offsets
      self.cues = cues
    }
  }

  public init(lexicon: TopicLexicon, options: Options = Options()) {
    self.init(model: TopicModel(lexicon), options: options)
  }

  public var terms: TermTable { model.terms }

  public func process(_ document: inout Document) {
    guard let list = document.tokens else { return }
    let termIDs = model.terms.ids(of: document)
    let mentions = document.mentions
    document.topics = CueCounts.counting(cueCount: model.cueWeight.count) { counts in
      countTerms(termIDs, into: &counts)
      for (index, mention) in mentions.enumerated() {
        let entity = mention.entity
        if let linked = linkedCues, entity.gazetteerSerial == linked.gazetteerSerial {
          let position = Int(entity.index)
          for slot in Int(linked.offsets[position])..<Int(linked.offsets[position + 1]) {
            counts.add(Int(linked.cues[slot]), mention: index)
          }
          continue
        }
        model.forEachCue(of: entity) { counts.add($0, mention: index) }
      }
      return score(counts: counts, tokenCount: list.tokens.count, mentions: mentions)
    }
  }
}

extension TopicScorer {
  /// How often each cue occurred in a document, and which ones did.
  ///
  /// A bitset marks the cues seen; counts are kept only for those, in
  /// scratch memory lent for one document, so nothing the size of the
  /// lexicon is allocated or cleared per document.
  struct CueCounts {
    private let seenBits: UnsafeMutableBufferPointer<UInt64>
    /// Per cue: its count, then the first mention that matched it (for
    /// entity and label cues, whose evidence names the entity), or -1.
    /// Read only for cues marked in `seenBits`.
    private let tallies: UnsafeMutableBufferPointer<(count: Int32, firstMention: Int32)>
    /// How many cues have a non-zero count.
    private(set) var seenCount = 0

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
        seenCount += 1
        tallies[cue] = (0, Int32(mention))
      }
      tallies[cue].count += 1
    }

    /// Calls `body` with each cue that has a non-zero count, in lexicon order.
    func forEachSeenCue(_ body: (Int) -> Void) {
      for (word, bits) in seenBits.enumerated() {
        var rest = bits
        while rest != 0 {
          body(word << 6 | rest.trailingZeroBitCount)
          rest &= rest &- 1
        }
      }
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
}

extension TopicScorer {
  /// Counts every term occurrence, longest phrase first, without overlaps.
  func countTerms(_ termIDs: [Int32], into counts: inout CueCounts) {
    termIDs.withUnsafeBufferPointer { termIDs in
      model.phrases.withWalker { walker in
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
          for slot in model.phrases.payloadRange(of: match.node) {
            counts.add(Int(model.phrases.payloads[slot]))
          }
          start = match.end
        }
      }
    }
  }

  func score(counts: CueCounts, tokenCount: Int, mentions: [Mention]) -> [TopicScore] {
    let lengthNorm =
      1 - TopicScorer.lengthWeight + TopicScorer.lengthWeight * Double(tokenCount)
      / TopicScorer.typicalLength
    let parentIndex = model.parentIndex
    let depth = model.depth
    // In cue order, so evidence order does not depend on the text's order.
    var items: [(cue: Int, count: Int, contribution: Double)] = []
    items.reserveCapacity(counts.seenCount)
    counts.forEachSeenCue { cue in
      let count = Int(counts.count(of: cue))
      let tf = Double(count)
      let saturation = TopicScorer.saturation
      let contribution =
        model.cueWeight[cue] * tf * (saturation + 1) / (tf + saturation) / lengthNorm
      items.append((cue: cue, count: count, contribution: contribution))
    }
    let topicCount = model.topics.count
    // Raw scores, then calibrated in place; most topics have no cue in a
    // document, and need no exp (1 − e⁰ = 0).
    var ownScores = [Double](repeating: 0, count: topicCount)
    for item in items { ownScores[model.cueTopic[item.cue]] += item.contribution }
    for topic in 0..<topicCount {
      let raw = ownScores[topic]
      ownScores[topic] = raw <= 0 ? 0 : 1 - exp(-raw / TopicScorer.calibration)
    }
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
    var pool: [Int] = []
    pool.reserveCapacity(topicCount)
    for topic in 0..<topicCount where scores[topic] >= options.threshold && scores[topic] > 0 {
      pool.append(topic)
    }
    var ranked: [Int] = []
    var implied = [Bool](repeating: false, count: topicCount)
    var visible: [Int] = []
    visible.reserveCapacity(topicCount)
    while true {
      for index in implied.indices { implied[index] = false }
      for topic in pool {
        var ancestor = parentIndex[topic]
        while let parent = ancestor {
          implied[parent] = true
          ancestor = parentIndex[parent]
        }
      }
      // Best first; on equal scores the more specific topic, then taxonomy order.
      visible.removeAll(keepingCapacity: true)
      for topic in pool where !implied[topic] { visible.append(topic) }
      visible.sort {
        if scores[$0] != scores[$1] { return scores[$0] > scores[$1] }
        if depth[$0] != depth[$1] { return depth[$0] > depth[$1] }
        return $0 < $1
      }
      ranked = Array(visible.prefix(options.maximumTopics))
      let hiding = visible.dropFirst(options.maximumTopics).filter { parentIndex[$0] != nil }
      if hiding.isEmpty { break }
      pool.removeAll { hiding.contains($0) }
    }
    // Evidence, only for the topics shown: the topic's own cues, then those
    // of each scoring descendant (taxonomy order, parents first), a cue
    // text already there not repeated.
    func evidence(for shown: Int) -> [(cue: Int, count: Int, contribution: Double)] {
      var evidence: [(cue: Int, count: Int, contribution: Double)] = []
      evidence.reserveCapacity(items.count)
      for item in items where model.cueTopic[item.cue] == shown { evidence.append(item) }
      for topic in 0..<topicCount where topic != shown && ownScores[topic] > 0 {
        guard model.isDescendant(topic, of: shown) else { continue }
        for item in items where model.cueTopic[item.cue] == topic {
          if !evidence.contains(where: { model.cueText[$0.cue] == model.cueText[item.cue] }) {
            evidence.append(item)
          }
        }
      }
      return evidence
    }
    return ranked.map { index in
      let topic = model.topics[index]
      return TopicScore(
        id: topic.id, label: topic.label, iptc: topic.iptc, parent: topic.parent,
        score: scores[index],
        evidence: evidence(for: index).sorted { $0.contribution > $1.contribution }.map { item in
          TopicScore.Evidence(
            cue: counts.firstMention(of: item.cue).map { mentions[$0].name }
              ?? model.cueName[item.cue],
            count: item.count,
            contribution: item.contribution)
        })
    }
  }
}
