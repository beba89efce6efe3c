import Testing

@testable import NewsTag

@Suite struct TermFormsTests {
  @Test(arguments: [
    (
      "военен", TermForms.PartOfSpeech.adjective,
      ["военна", "военно", "военни", "военния", "военният", "военната", "военното", "военните"]
    ),
    (
      "руски", .adjective, ["руска", "руско", "руския", "руският", "руската", "руското", "руските"]
    ),
    ("бял", .adjective, ["бяла", "бяло", "бели", "белия", "белият", "бялата", "бялото", "белите"]),
    (
      "преговарям", .verb,
      [
        "преговаря", "преговаряме", "преговарят", "преговаряха", "преговарял", "преговаряли",
        "преговарящи",
      ]
    ),
    ("атакувам", .verb, ["атакува", "атакуват", "атакуваха", "атакувал"]),
    ("инвазия", .noun, ["инвазията"]),
    ("обстрел", .noun, ["обстрела", "обстрелът"]),
    ("споразумение", .noun, ["споразумението"]),
  ])
  func generatesRegularForms(word: String, partOfSpeech: TermForms.PartOfSpeech, expected: [String])
  {
    let forms = Set(TermForms.forms(of: word, as: partOfSpeech))
    for form in expected { #expect(forms.contains(form), "missing \(form)") }
    #expect(forms.contains(word))
  }

  @Test(arguments: [
    ("война", TermForms.PartOfSpeech.noun, ["вой", "воин", "войник"]),
    ("преговарям", .verb, ["преговор", "преговори"]),
    ("военен", .adjective, ["воин", "войни"]),
  ])
  func neverReachesUnrelatedWords(
    word: String, partOfSpeech: TermForms.PartOfSpeech, unrelated: [String]
  ) {
    let forms = Set(TermForms.forms(of: word, as: partOfSpeech))
    for other in unrelated {
      #expect(!forms.contains(other), "\(other) should not be a form of \(word)")
    }
  }

  @Test func verbsOfOtherClassesAreLeftToTheLexicon() {
    #expect(TermForms.forms(of: "нападна", as: .verb) == ["нападна"])
  }

  @Test func listedFormsGetArticleFormsToo() throws {
    let phrases = TermForms.phrases(
      of: "преговори", forms: ["преговор"], partOfSpeech: nil, normalizer: Normalizer(),
      tokenizer: Tokenizer())
    #expect(
      Set(phrases.map { $0.joined(separator: " ") }).isSuperset(of: [
        "преговорите", "преговора", "преговорът",
      ]))
  }
}
