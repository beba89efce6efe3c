/// Finds gazetteer names in a document's tokens and links them to entities.
///
/// Matching is exact over token keys; inflection was handled when the
/// gazetteer was compiled. For each token the matcher walks the phrase trie
/// as far as the text allows and keeps, from the longest phrase down, the
/// first that passes the case rules (§5.5) and guards (§5.8):
/// - an acronym-like name token needs an all-caps or identical text token
///   (`сащ`, `сто` are not `САЩ`, `СТО`);
/// - a capitalised name token needs a capitalised text token, unless the
///   entry is `lowercase-ok`;
/// - a `common-word` entry must be capitalised, must not stand in an
///   all-caps line, and must not open a sentence unless it is an acronym.
///
/// A span holding an odd number of quotes takes in the quote next to it
/// (`„Северен поток“ 2`).
///
/// Overlap policy: the longest span wins; between equally long spans, the
/// earlier one. Among entities sharing the winning span, a name as written
/// beats a generated article form, then more capitalised tokens, then the
/// entity loaded first.
///
/// - Complexity: O(n · d) for n tokens and trie depth d (in practice O(n):
///   most tokens are in no name at all).
public struct EntityMatcher: Stage, MatchesTerms {
  public var name: String { "entities" }
  public var requires: Set<Artifact> { [.tokens] }
  public var produces: Set<Artifact> { [.mentions] }

  public let gazetteer: CompiledGazetteer

  public init(gazetteer: CompiledGazetteer) {
    self.gazetteer = gazetteer
  }

  public var terms: TermTable { gazetteer.terms }

  private struct Match {
    var start: Int
    var end: Int
    var candidate: Int
  }

  public func process(_ document: inout Document) {
    guard let list = document.tokens else { return }
    let text = document.matchText
    document.mentions = text.string.withUTF8Bytes { bytes in
      let matches = findMatches(list, termIDs: gazetteer.terms.ids(of: document), bytes: bytes)
      return matches.map { match in
        let candidate = gazetteer.candidates[match.candidate]
        let entity = gazetteer.entities[Int(candidate.entity)]
        var start = Int(list.tokens[match.start].start)
        var end = Int(list.tokens[match.end - 1].end)
        balanceQuotes(start: &start, end: &end, in: bytes)
        return Mention(
          start: text.originalOffset(start), end: text.originalOffset(end), entity: entity)
      }
    }
  }

  private func findMatches(
    _ list: TokenList, termIDs: [Int32], bytes: UnsafeBufferPointer<UInt8>
  ) -> [Match] {
    let tokens = list.tokens
    var matches: [Match] = []
    // About one token in six starts a name in news text; growing costs more than a spare slot.
    matches.reserveCapacity(tokens.count / 4 + 8)
    var ends: [(end: Int, node: Int32)] = []
    termIDs.withUnsafeBufferPointer { termIDs in
      gazetteer.phrases.withWalker { phrases in
        for start in termIDs.indices where termIDs[start] >= 0 {
          // Most tokens in the table start no name: one array read says so.
          var node = phrases.child(of: PhraseIndex.root, term: termIDs[start])
          if node < 0 { continue }
          ends.removeAll(keepingCapacity: true)
          var position = start + 1
          while true {
            if phrases.hasPayload(node) { ends.append((position, node)) }
            guard position < termIDs.count, termIDs[position] >= 0 else { break }
            node = phrases.child(of: node, term: termIDs[position])
            if node < 0 { break }
            position += 1
          }
          for (end, node) in ends.reversed() {
            if let candidate = bestCandidate(at: node, tokens: tokens, start: start, bytes: bytes) {
              matches.append(Match(start: start, end: end, candidate: candidate))
              break
            }
          }
        }
      }
    }
    return resolveOverlaps(matches)
  }

  /// The candidate of `node` that fits the text best, or nil when none passes the case rules.
  private func bestCandidate(
    at node: Int32, tokens: [Token], start: Int, bytes: UnsafeBufferPointer<UInt8>
  ) -> Int? {
    var best: Int? = nil
    for slot in gazetteer.phrases.payloadRange(of: node) {
      let index = Int(gazetteer.phrases.payloads[slot])
      let candidate = gazetteer.candidates[index]
      guard accepts(candidate, tokens: tokens, start: start, bytes: bytes) else { continue }
      if let current = best {
        let other = gazetteer.candidates[current]
        let isBetter =
          (other.isGenerated && !candidate.isGenerated)
          || (other.isGenerated == candidate.isGenerated
            && candidate.capitalCount > other.capitalCount)
        if isBetter { best = index }
      } else {
        best = index
      }
    }
    return best
  }

  private func accepts(
    _ candidate: CompiledGazetteer.Candidate, tokens: [Token], start: Int,
    bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let flags = candidate.flags
    let isCommonWord = flags.contains(.commonWord)
    let capitalsOptional = flags.contains(.lowercaseOK) && !isCommonWord
    if isCommonWord {
      // A capital at a sentence start says nothing, but an acronym's capitals
      // do (`ГЕРБ спечели`); in an all-caps line neither does.
      let first = tokens[start].shape
      let isAcronym = gazetteer.rules[Int(candidate.rulesStart)].kind == .acronym
      if first.contains(.inAllCapsLine) || (first.contains(.sentenceInitial) && !isAcronym) {
        return false
      }
    }
    for offset in 0..<Int(candidate.length) {
      let token = tokens[start + offset]
      let rule = gazetteer.rules[Int(candidate.rulesStart) + offset]
      switch rule.kind {
      case .any: continue
      case .capital:
        if !capitalsOptional && !token.shape.contains(.startsUpper) { return false }
      case .acronym:
        if token.shape.isAllCaps { continue }
        let written = UnsafeBufferPointer(
          rebasing: bytes[Int(token.start)..<Int(token.wordEnd)])
        let expected = gazetteer.surfaces[Int(rule.surfaceStart)..<Int(rule.surfaceEnd)]
        if !written.elementsEqual(expected) { return false }
      }
    }
    return true
  }

  /// Widens a span that holds an odd number of quotes by the quote next to
  /// it, so `„Северен поток“ 2` and `Агенция "Фокус"` come out whole.
  private func balanceQuotes(start: inout Int, end: inout Int, in bytes: UnsafeBufferPointer<UInt8>)
  {
    var quotes = 0
    var index = start
    while index < end {
      let (value, length) = decodeScalar(bytes, at: index)
      if ScalarTable.shared.scalarClass(value) == .quote { quotes += 1 }
      index += length
    }
    guard quotes % 2 == 1 else { return }
    if let opening = quote(before: start, in: bytes) {
      start = opening
    } else if let closing = quote(after: end, in: bytes) {
      end = closing
    }
  }

  /// Where a quote character ending right at `offset` starts, if there is one.
  private func quote(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var start = offset - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    guard start >= 0 else { return nil }
    let isQuote = ScalarTable.shared.scalarClass(decodeScalar(bytes, at: start).value) == .quote
    return isQuote ? start : nil
  }

  /// Where a quote character starting right at `offset` ends, if there is one.
  private func quote(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard offset < bytes.count else { return nil }
    let (value, length) = decodeScalar(bytes, at: offset)
    return ScalarTable.shared.scalarClass(value) == .quote ? offset + length : nil
  }

  /// Keeps the longest of overlapping matches (the earlier one on a tie), in text order.
  private func resolveOverlaps(_ matches: [Match]) -> [Match] {
    guard matches.count > 1 else { return matches }
    var hasOverlap = false
    for index in 1..<matches.count where matches[index].start < matches[index - 1].end {
      hasOverlap = true
      break
    }
    guard hasOverlap else { return matches }
    let byPreference = matches.indices.sorted {
      let a = matches[$0]
      let b = matches[$1]
      let lengthA = a.end - a.start
      let lengthB = b.end - b.start
      return lengthA != lengthB ? lengthA > lengthB : a.start < b.start
    }
    // Tokens already covered by a kept match: O(total match length), however many matches.
    var taken = [Bool](repeating: false, count: (matches.map(\.end).max() ?? 0))
    var kept: [Match] = []
    kept.reserveCapacity(matches.count)
    for index in byPreference {
      let match = matches[index]
      if taken[match.start..<match.end].contains(true) { continue }
      for token in match.start..<match.end { taken[token] = true }
      kept.append(match)
    }
    return kept.sorted { $0.start < $1.start }
  }
}
