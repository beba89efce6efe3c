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

@Suite struct TermTableAtScaleTests {
  /// Keys of every length from 0 to 300 bytes, many sharing their first
  /// eight bytes, and sharing lengths past the 255 a slot records.
  static let keys: [[UInt8]] = {
    var keys: [[UInt8]] = []
    var seen: Set<[UInt8]> = []
    let stems = ["конгрес", "на", "сащ", "великобритания", "a", "ab", "abcdefgh", "ес"]
    for stem in stems {
      for length in [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 254, 255, 256, 300] {
        let bytes = Array(String(repeating: stem, count: length / max(stem.utf8.count, 1) + 1).utf8)
        for variant in 0..<12 {
          var key = Array(bytes.prefix(length))
          if !key.isEmpty { key[key.count - 1 - variant % key.count] ^= UInt8(variant) }
          if seen.insert(key).inserted { keys.append(key) }
        }
      }
    }
    return keys
  }()
  static let table = TermTable(keys: keys)

  @Test func findsEveryKeyAndNoNearMiss() {
    #expect(Self.keys.count > 500)
    let present = Set(Self.keys)
    for (id, key) in Self.keys.enumerated() {
      #expect(key.withUnsafeBytes { Self.table.id(of: $0) } == Int32(id))
      for nearMiss in [key + [0x61], Array(key.dropLast()), [0x62] + key.dropFirst()]
      where !present.contains(nearMiss) {
        #expect(nearMiss.withUnsafeBytes { Self.table.id(of: $0) } == -1)
      }
    }
  }
}
