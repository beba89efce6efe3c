/// Looks every token up once for several term tables, so that stages which
/// each match against their own table (the gazetteer's names, the topic
/// lexicons' terms) do not each hash-probe every token.
///
/// It probes one table holding the union of the tables' keys, then reads each
/// table's id from a translation array. Later stages find their ids with
/// ``TermTable/ids(of:)-(Document)``; without this stage they look them up
/// themselves, with the same result.
///
/// - Complexity: O(n) for n tokens, expected one probe each.
public struct TermLookup: Stage {
  public var name: String { "lookup" }
  public var requires: Set<Artifact> { [.tokens] }
  public var produces: Set<Artifact> { [.termIDs] }

  private let union: TermTable
  private let tables: [TermTable.Identity]
  /// Each table's id for each union id (-1 where it lacks the key), table
  /// by table within a union id, after a first row of -1 for tokens in no
  /// table: `translation[(unionID + 1) * tables.count + table]`. Reading
  /// that row instead of testing for -1 spares a branch that half of all
  /// tokens go one way and half the other.
  private let translation: [Int32]

  public init(tables: [TermTable]) {
    // The first table's terms keep their ids; each later table's new keys
    // (distinct within a table) are numbered on.
    var union = tables.first ?? TermTable(keys: [])
    var unionIDsByTable: [[Int32]] = [Array(0..<Int32(union.count))]
    for table in tables.dropFirst() {
      var added: [[UInt8]] = []
      let unionIDs = (0..<Int32(table.count)).map { id -> Int32 in
        let key = table.key(id)
        let existing = key.withUnsafeBytes { union.id(of: $0) }
        if existing >= 0 { return existing }
        added.append(Array(key))
        return Int32(union.count + added.count - 1)
      }
      if !added.isEmpty { union = TermTable(extending: union, with: added) }
      unionIDsByTable.append(unionIDs)
    }
    var translation = [Int32](repeating: -1, count: (union.count + 1) * tables.count)
    for (table, unionIDs) in unionIDsByTable.enumerated() {
      for (id, unionID) in unionIDs.enumerated() {
        translation[(Int(unionID) + 1) * tables.count + table] = Int32(id)
      }
    }
    self.union = union
    self.tables = tables.map(\.identity)
    self.translation = translation
  }

  public func process(_ document: inout Document) {
    guard let list = document.tokens else { return }
    let unionIDs = union.ids(of: list)
    let count = unionIDs.count
    let stride = tables.count
    document.termIDs = tables.indices.map { table in
      let ids = [Int32](unsafeUninitializedCapacity: count) { output, initialized in
        translation.withUnsafeBufferPointer { translation in
          unionIDs.withUnsafeBufferPointer { unionIDs in
            for index in 0..<count {
              output[index] = translation[(Int(unionIDs[index]) + 1) &* stride &+ table]
            }
          }
        }
        initialized = count
      }
      return TokenTermIDs(table: tables[table], ids: ids)
    }
  }
}

/// The ids of a document's tokens in one term table (-1 where it lacks the key).
public struct TokenTermIDs: Sendable {
  let table: TermTable.Identity
  let ids: [Int32]
}

/// A stage that matches token keys against a term table of its own.
public protocol MatchesTerms: Stage {
  var terms: TermTable { get }
}

extension TermLookup {
  /// `stages` with one lookup inserted before the first stage that matches
  /// terms, when two or more do; otherwise `stages` unchanged.
  public static func shared(by stages: [any Stage]) -> [any Stage] {
    let matching = stages.compactMap { $0 as? any MatchesTerms }
    guard matching.count >= 2,
      let first = stages.firstIndex(where: { $0 is any MatchesTerms })
    else { return stages }
    var shared = stages
    shared.insert(TermLookup(tables: matching.map(\.terms)), at: first)
    return shared
  }
}
