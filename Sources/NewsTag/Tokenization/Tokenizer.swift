/// Splits the matching text into word tokens with lowercase keys and shapes.
///
/// - A token is a maximal run of letters (with their combining marks) or of
///   digits: `ЕС27` is `ЕС` `27`, so `F16` matches `F-16`. Format characters
///   such as a soft hyphen stay inside and vanish from the key.
/// - `+` and `&` right after a word stay in it (`Днес+`, `С&Д`, `AT&T`), since
///   they tell a name from a common word.
/// - Hyphens, dashes, quotes and all other punctuation separate, so
///   `Северен поток-2` and `„Северен поток“ 2` give the same tokens.
/// - An all-caps word followed by a hyphen and a lowercase article (`БДЖ-то`)
///   absorbs the article; the key is the acronym's.
/// - A token is sentence-initial when only spaces, quotes and dashes stand
///   between it and `. ! ? : …`, a line break, or the start of the text.
///
/// Entries of a gazetteer are tokenized by the same code, so text and names agree.
///
/// - Complexity: O(n) in the text's bytes; one table read per scalar.
public struct Tokenizer: Stage {
  public var name: String { "tokenize" }
  public var requires: Set<Artifact> { [.normalizedText] }
  public var produces: Set<Artifact> { [.tokens] }

  private let table = ScalarTable.shared

  public init() {}

  public func process(_ document: inout Document) {
    document.tokens = tokenize(document.matchText.string)
  }

  public func tokenize(_ text: String) -> TokenList {
    text.withUTF8Bytes { tokenize($0) }
  }

  /// Articles an acronym may carry after a hyphen.
  private static let acronymArticles: [[UInt8]] = ["то", "ът", "а", "та", "те", "ят", "я"].map {
    Array($0.utf8)
  }

  public func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> TokenList {
    var tokens: [Token] = []
    // A short word and its space (`в `, `на `) take three to five bytes; a
    // quarter of the text is room for the tokens of typical news without growing.
    tokens.reserveCapacity(bytes.count / 4 + 4)
    // Lowercasing grows a scalar's UTF-8 by at most one byte (Ⱥ → ⱥ), so
    // twice the text is always room enough for the keys.
    let capacity = bytes.count * 2 + 8
    let keys = [UInt8](unsafeUninitializedCapacity: capacity) { keyBuffer, initialized in
      initialized = 0
      guard let keyBase = keyBuffer.baseAddress else { return }
      table.classes.withUnsafeBufferPointer { classes in
        table.lowercase.withUnsafeBufferPointer { lowercase in
          initialized = scan(
            bytes, classes: classes, lowercase: lowercase, keys: keyBase, tokens: &tokens)
        }
      }
    }
    return TokenList(tokens: tokens, keys: keys)
  }

  /// The tokenizer's loop over raw buffers; returns the number of key bytes written.
  private func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<ScalarClass>,
    lowercase: UnsafeBufferPointer<UInt32>, keys: UnsafeMutablePointer<UInt8>,
    tokens: inout [Token]
  ) -> Int {
    let limit = UInt32(classes.count)
    @inline(__always) func classOf(_ value: UInt32) -> ScalarClass {
      value < limit ? classes[Int(value)] : ScalarTable.classify(value)
    }
    @inline(__always) func lowered(_ value: UInt32) -> UInt32 {
      value < limit ? lowercase[Int(value)] : ScalarTable.shared.lowercased(value)
    }
    var keyCount = 0
    @inline(__always) func put(_ value: UInt32) {
      keyCount &+= writeUTF8(value, to: keys + keyCount)
    }

    var atSentenceStart = true
    var lineFirstToken = 0
    var lineHasLower = false
    var lineLetterTokens = 0
    func endLine() {
      if lineLetterTokens >= 2 && !lineHasLower {
        for index in lineFirstToken..<tokens.count { tokens[index].shape.insert(.inAllCapsLine) }
      }
      lineFirstToken = tokens.count
      lineHasLower = false
      lineLetterTokens = 0
    }

    var index = 0
    while index < bytes.count {
      // Most separators are one space, which changes nothing.
      if bytes[index] == 0x20 {
        index += 1
        continue
      }
      let (value, length) = decodeScalar(bytes, at: index)
      let scalarClass = classOf(value)
      guard scalarClass.isWordPart && scalarClass != .ignorable else {
        switch scalarClass {
        case .newline:
          atSentenceStart = true
          endLine()
        case .sentenceEnd: atSentenceStart = true
        case .space, .quote, .dash, .ignorable: break
        default: atSentenceStart = false
        }
        index += length
        continue
      }
      var token = Token(
        start: Int32(index), end: 0, wordEnd: 0, keyStart: Int32(keyCount), keyEnd: 0,
        keyHash: 0, shape: atSentenceStart ? .sentenceInitial : [])
      var sawLetter = false
      var previousWasDigit: Bool? = nil
      var position = index
      // Where the last visible character ends: trailing format characters
      // (a byte order mark, direction marks) stay outside the token.
      var visibleEnd = index
      scan: while position < bytes.count {
        // Fast path for the bulk of a word: lowercase letters (two-byte
        // Cyrillic or ASCII) are their own key bytes, and a letter after
        // anything but a digit continues the token.
        if previousWasDigit != true {
          // Wrapping arithmetic: offsets stay below the buffer's count.
          var run = position
          // Two Cyrillic lowercase letters at a time: а…я and ѐ…џ
          // (U+0430–U+045F) are the byte pairs D0 B0 … D1 9F.
          @inline(__always) func isLowercasePair(_ bits: UInt32) -> Bool {
            UInt16(truncatingIfNeeded: bits).byteSwapped &- 0xD0B0 <= 0xD19F - 0xD0B0
          }
          if let base = bytes.baseAddress {
            while run &+ 4 <= bytes.count {
              let quad = UnsafeRawPointer(base + run).loadUnaligned(as: UInt32.self)
              guard isLowercasePair(quad), isLowercasePair(quad >> 16) else { break }
              UnsafeMutableRawPointer(keys + keyCount).storeBytes(of: quad, as: UInt32.self)
              keyCount &+= 4
              run &+= 4
            }
          }
          while run < bytes.count {
            let lead = bytes[run]
            if lead &- 0x61 < 26 {
              keys[keyCount] = lead
              keyCount &+= 1
              run &+= 1
            } else if (lead == 0xD0 || lead == 0xD1) && run &+ 1 < bytes.count,
              classes[Int(((UInt32(lead) & 0x1F) << 6) | (UInt32(bytes[run &+ 1]) & 0x3F))]
                == .lowerLetter
            {
              keys[keyCount] = lead
              keys[keyCount &+ 1] = bytes[run &+ 1]
              keyCount &+= 2
              run &+= 2
            } else {
              break
            }
          }
          if run > position {
            token.shape.insert(.hasLower)
            sawLetter = true
            previousWasDigit = false
            position = run
            visibleEnd = run
            // An ASCII space or punctuation mark ends the token.
            if run < bytes.count, bytes[run] < 0x80 {
              let next = classes[Int(bytes[run])]
              if !next.isWordPart && next != .joiner { break scan }
            }
            continue scan
          }
        }
        let (scalar, scalarLength) = decodeScalar(bytes, at: position)
        let kind = classOf(scalar)
        if kind.isLetter || kind == .digit {
          // Letters and digits meet at a token boundary: `ЕС27` reads as `ЕС 27`, `F16` as `F-16`.
          let isDigit = kind == .digit
          if let previous = previousWasDigit, previous != isDigit { break scan }
          previousWasDigit = isDigit
        }
        switch kind {
        case .upperLetter:
          token.shape.insert(.hasUpper)
          token.shape.insert(sawLetter ? .upperAfterFirst : .startsUpper)
          sawLetter = true
        case .lowerLetter:
          token.shape.insert(.hasLower)
          sawLetter = true
        case .caselessLetter, .mark: sawLetter = true
        case .digit: token.shape.insert(.hasDigit)
        case .ignorable:
          position += scalarLength
          continue scan
        case .joiner:
          put(scalar)
          position += scalarLength
          visibleEnd = position
          guard position < bytes.count, classOf(decodeScalar(bytes, at: position).value).isWordPart
          else { break scan }
          continue scan
        default: break scan
        }
        put(lowered(scalar))
        position += scalarLength
        visibleEnd = position
      }
      position = visibleEnd
      token.wordEnd = Int32(position)
      token.end = Int32(position)
      token.keyEnd = Int32(keyCount)
      token.keyHash = hashKey(
        UnsafeRawBufferPointer(
          start: keys + Int(token.keyStart), count: keyCount - Int(token.keyStart)))
      if token.shape.isAllCaps, let suffixEnd = acronymArticleEnd(bytes, hyphenAt: position) {
        token.end = Int32(suffixEnd)
        token.shape.insert(.hasArticleSuffix)
        position = suffixEnd
      }
      if sawLetter {
        lineLetterTokens += 1
        if token.shape.contains(.hasLower) { lineHasLower = true }
      }
      tokens.append(token)
      atSentenceStart = false
      index = position
    }
    endLine()
    return keyCount
  }

  /// Where `-то`, `-ът`, ... ends when one follows at `hyphen` and closes the word.
  private func acronymArticleEnd(_ bytes: UnsafeBufferPointer<UInt8>, hyphenAt hyphen: Int) -> Int?
  {
    guard hyphen < bytes.count, bytes[hyphen] == UInt8(ascii: "-") else { return nil }
    let start = hyphen + 1
    for article in Self.acronymArticles {
      let end = start + article.count
      guard end <= bytes.count,
        UnsafeBufferPointer(rebasing: bytes[start..<end]).elementsEqual(article)
      else { continue }
      if end == bytes.count || !table.scalarClass(decodeScalar(bytes, at: end).value).isWordPart {
        return end
      }
    }
    return nil
  }
}
