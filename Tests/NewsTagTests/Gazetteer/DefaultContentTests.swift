import Testing

@testable import NewsTag

/// The default gazetteers cover world and Bulgarian news at the promised size.
@Suite struct DefaultContentTests {
  static let entries = DefaultData.entries

  @Test(arguments: [
    ("COUNTRY", 249), ("LOCATION", 1_000), ("PERSON", 800), ("ORGANIZATION", 400),
    ("WEAPON", 250), ("COUNTRY_ADJ", 60),
  ])
  func hasAtLeastThisManyEntities(label: String, minimum: Int) {
    let count = Self.entries.filter { $0.label == label }.count
    #expect(count >= minimum, "\(label): \(count)")
  }

  @Test func everyCountryHasADistinctISOCode() {
    let codes = Self.entries.filter { $0.label == "COUNTRY" }.compactMap { $0.attributes["iso"] }
    #expect(codes.count == Self.entries.filter { $0.label == "COUNTRY" }.count)
    #expect(Set(codes).count == codes.count)
    for code in [
      "BG", "UA", "RU", "US", "GB", "DE", "FR", "TR", "GR", "RO", "RS", "MK", "IL", "IR",
    ] {
      #expect(codes.contains(code), "no country with ISO code \(code)")
    }
  }

  @Test func everyCountryAdjectiveLinksToACountry() {
    let countries = Set(Self.entries.filter { $0.label == "COUNTRY" }.map(\.id))
    for adjective in Self.entries where adjective.label == "COUNTRY_ADJ" {
      #expect(countries.contains(adjective.attributes["country"] ?? ""), "\(adjective.id)")
    }
  }

  @Test func everyWeaponHasAKnownCategory() {
    let categories: Set<String> = [
      "missile", "air defence", "aircraft", "drone", "armour", "artillery", "naval", "small arms",
    ]
    for weapon in Self.entries where weapon.label == "WEAPON" {
      #expect(categories.contains(weapon.attributes["category"] ?? ""), "\(weapon.id)")
    }
  }

  @Test func topicEntityCuesNameExistingEntities() throws {
    _ = try #require(DefaultData.files.taxonomy)
    let lexicon = DefaultData.lexicon
    #expect(
      lexicon.unknownEntityCues(knownIDs: Set(Self.entries.map(\.id))).map(\.description) == [])
    #expect(
      lexicon.unknownEntityCues(knownIDs: []).count
        == lexicon.cues.filter { if case .entity = $0.kind { true } else { false } }.count)
  }
}
