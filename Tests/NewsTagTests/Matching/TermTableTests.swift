import Testing

@testable import NewsTag

@Suite struct TermTableTests {
  static let words = ["конгрес", "на", "сащ", "a", "", "ес"]
  static let table = TermTable(keys: words.map { Array($0.utf8) })

  @Test func findsEveryKeyByItsOwnID() {
    for (id, word) in Self.words.enumerated() {
      let found = Array(word.utf8).withUnsafeBytes { Self.table.id(of: $0) }
      #expect(found == Int32(id), "\(word)")
      #expect(Array(Self.table.key(Int32(id))) == Array(word.utf8))
    }
    #expect(Self.table.count == Self.words.count)
  }

  @Test func missesKeysItDoesNotHold() {
    for word in ["конгресът", "сащ ", "b", "е"] {
      #expect(Array(word.utf8).withUnsafeBytes { Self.table.id(of: $0) } == -1, "\(word)")
    }
  }

  @Test func looksUpAWholeTokenListAsOneByOne() {
    let list = Tokenizer().tokenize("Конгресът на САЩ и ЕС, не ес-а")
    let ids = Self.table.ids(of: list)
    #expect(ids.count == list.tokens.count)
    for index in list.tokens.indices {
      let single = Array(list.key(index).utf8).withUnsafeBytes { Self.table.id(of: $0) }
      #expect(ids[index] == single, "\(list.key(index))")
    }
    #expect(ids.map { $0 >= 0 } == [false, true, true, false, true, false, true, false])
  }
}
