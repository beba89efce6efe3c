/// What a token looks like, for the matcher's case checks.
public struct TokenShape: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let hasUpper = TokenShape(rawValue: 1 << 0)
  public static let hasLower = TokenShape(rawValue: 1 << 1)
  /// The first letter is upper case (`Киев`, `САЩ`, `ТРЪМП`).
  public static let startsUpper = TokenShape(rawValue: 1 << 2)
  public static let hasDigit = TokenShape(rawValue: 1 << 3)
  /// Opens a sentence: only spaces and quotes since `. ! ? : …`, a line break or the start.
  public static let sentenceInitial = TokenShape(rawValue: 1 << 4)
  /// On a line whose words are all in capitals (a headline such as `ТРЪМП И ПУТИН`).
  public static let inAllCapsLine = TokenShape(rawValue: 1 << 5)
  /// An acronym whose hyphenated article was absorbed (`БДЖ-то`).
  public static let hasArticleSuffix = TokenShape(rawValue: 1 << 6)
  /// A capital after the first letter (`САЩ`, `bTV`, `McCain`): acronym-like.
  public static let upperAfterFirst = TokenShape(rawValue: 1 << 7)

  /// Has letters, and all of them are capitals.
  public var isAllCaps: Bool { contains(.hasUpper) && !contains(.hasLower) }
}

/// A word of the matching text: a run of letters, digits and marks.
///
/// Offsets are UTF-8 byte offsets into ``NormalizedText/string``; the key is a
/// byte range of ``TokenList/keys`` holding the token's lowercase form.
public struct Token: Sendable, Equatable {
  public var start: Int32
  /// End of the token, including an absorbed acronym article (`БДЖ-то`).
  public var end: Int32
  /// End of the word itself, before an absorbed article.
  public var wordEnd: Int32
  public var keyStart: Int32
  public var keyEnd: Int32
  /// ``hashKey(_:)`` of the key, computed once for every stage that looks tokens up.
  public var keyHash: UInt64
  public var shape: TokenShape
}

/// The tokens of one document and the arena their lowercase keys live in.
public struct TokenList: Sendable {
  public var tokens: [Token]
  /// Lowercase UTF-8 keys of all tokens, back to back.
  public var keys: [UInt8]

  public init(tokens: [Token] = [], keys: [UInt8] = []) {
    self.tokens = tokens
    self.keys = keys
  }

  /// The lowercase key of token `index`, as a String (for diagnostics and tests).
  public func key(_ index: Int) -> String {
    let token = tokens[index]
    return String(decoding: keys[Int(token.keyStart)..<Int(token.keyEnd)], as: UTF8.self)
  }
}
