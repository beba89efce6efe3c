@testable import NewsTag

/// Checks the invariants ``Document`` promises, after any stage.
enum DocumentInvariants {
  struct Violation: Error, CustomStringConvertible {
    var description: String
  }

  static func check(_ document: Document) throws {
    let text = Array(document.text.utf8)
    func isBoundary(_ offset: Int) -> Bool {
      offset == text.count || (offset >= 0 && offset < text.count && text[offset] & 0xC0 != 0x80)
    }
    if let list = document.tokens {
      let matchLength = document.matchText.string.utf8.count
      var previousEnd: Int32 = 0
      for token in list.tokens {
        guard token.start >= previousEnd, token.start < token.end, token.wordEnd <= token.end,
          Int(token.end) <= matchLength, token.keyStart <= token.keyEnd,
          Int(token.keyEnd) <= list.keys.count
        else { throw Violation(description: "token out of order or range: \(token)") }
        previousEnd = token.end
      }
    }
    var previousEnd = 0
    for mention in document.mentions {
      guard mention.start >= previousEnd, mention.start < mention.end,
        isBoundary(mention.start), isBoundary(mention.end)
      else { throw Violation(description: "mention out of order or off a boundary: \(mention)") }
      previousEnd = mention.end
    }
    if Set(document.topics.map(\.id)).count != document.topics.count {
      throw Violation(description: "a topic appears twice")
    }
    for topic in document.topics where !(0...1).contains(topic.score) {
      throw Violation(description: "topic score out of 0...1: \(topic)")
    }
  }
}
