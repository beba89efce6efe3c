/// How the tokenizer reads one Unicode scalar.
///
/// Typographic variants are folded here: every quote character reads as
/// `.quote`, every hyphen, dash and minus as `.dash`, every line break as
/// `.newline`. That is what lets `„Северен поток“ 2` and `"Северен поток" 2`
/// tokenize identically without rewriting the text.
public enum ScalarClass: UInt8, Sendable {
  case other
  case space
  case newline
  case upperLetter
  case lowerLetter
  /// A letter without case (modifier letters, scripts without case).
  case caselessLetter
  case digit
  /// A combining mark: part of the token it follows.
  case mark
  /// A format character such as a soft hyphen: inside a token, invisible to matching.
  case ignorable
  /// `. ! ? : …` — what opens a new sentence after it.
  case sentenceEnd
  case quote
  case dash
  /// `+` and `&`, kept inside names (`Днес+`, `С&Д`).
  case joiner

  public var isLetter: Bool {
    self == .upperLetter || self == .lowerLetter || self == .caselessLetter
  }

  /// Letters, digits and marks: what tokens are made of.
  public var isWordPart: Bool {
    rawValue >= ScalarClass.upperLetter.rawValue && rawValue <= ScalarClass.ignorable.rawValue
  }
}

/// Per-scalar class and lowercase mapping, from ICU, cached in a flat table
/// for the scalars news text is made of (Latin, Greek, Cyrillic, general
/// punctuation); ICU answers directly for the rest.
///
/// - Complexity: O(1) per scalar; a table read below U+2100.
public struct ScalarTable: Sendable {
  /// Scalars below this are answered from the table.
  static let tableLimit: UInt32 = 0x2100

  let classes: [ScalarClass]
  let lowercase: [UInt32]

  /// The shared table, built once from ICU.
  public static let shared = ScalarTable()

  private init() {
    var classes = [ScalarClass](repeating: .other, count: Int(Self.tableLimit))
    var lowercase = [UInt32](repeating: 0, count: Int(Self.tableLimit))
    for value in 0..<Self.tableLimit {
      classes[Int(value)] = Self.classify(value)
      lowercase[Int(value)] = ICU.lowercase(value)
    }
    self.classes = classes
    self.lowercase = lowercase
  }

  public func scalarClass(_ value: UInt32) -> ScalarClass {
    value < Self.tableLimit ? classes[Int(value)] : Self.classify(value)
  }

  public func lowercased(_ value: UInt32) -> UInt32 {
    value < Self.tableLimit ? lowercase[Int(value)] : ICU.lowercase(value)
  }

  static func classify(_ value: UInt32) -> ScalarClass {
    switch value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return .newline
    case 0x2E, 0x21, 0x3F, 0x3A, 0x2026: return .sentenceEnd
    case 0x2B, 0x26: return .joiner
    case 0x22, 0x27, 0x60, 0xAB, 0xB4, 0xBB, 0x2018...0x201F, 0x2039, 0x203A: return .quote
    case 0x2212: return .dash
    // A zero-width space separates words, as in Unicode's word-break rules.
    case 0x200B: return .space
    default: break
    }
    switch ICU.generalCategory(value) {
    case 1, 3: return .upperLetter
    case 2: return .lowerLetter
    case 4, 5: return .caselessLetter
    case 6, 7, 8: return .mark
    case 9, 10, 11: return .digit
    case 12, 15: return .space
    case 13, 14: return .newline
    case 16: return .ignorable
    case 19: return .dash
    default: return .other
    }
  }
}

/// Latin letters that look like Cyrillic ones, as typed by mistake inside
/// Cyrillic words (`CAЩ` with a Latin C and A).
public enum Homoglyphs {
  /// The Cyrillic letter a Latin look-alike stands for, or nil.
  public static func cyrillic(forLatin value: UInt32) -> UInt32? {
    switch value {
    case 0x61: 0x0430  // a
    case 0x63: 0x0441  // c
    case 0x65: 0x0435  // e
    case 0x6F: 0x043E  // o
    case 0x70: 0x0440  // p
    case 0x78: 0x0445  // x
    case 0x79: 0x0443  // y
    case 0x41: 0x0410  // A
    case 0x42: 0x0412  // B
    case 0x43: 0x0421  // C
    case 0x45: 0x0415  // E
    case 0x48: 0x041D  // H
    case 0x4B: 0x041A  // K
    case 0x4D: 0x041C  // M
    case 0x4F: 0x041E  // O
    case 0x50: 0x0420  // P
    case 0x54: 0x0422  // T
    case 0x58: 0x0425  // X
    default: nil
    }
  }

  public static func isCyrillic(_ value: UInt32) -> Bool {
    value >= 0x0400 && value <= 0x052F
  }
}
