import Testing

@testable import NewsTag

@Suite struct PipelineTests {
  @Test func rejectsAStageWhoseInputsNoEarlierStageProduces() {
    #expect(throws: PipelineError.unmetRequirement(stage: "tokenize", missing: ["normalizedText"]))
    {
      try Pipeline([Tokenizer()])
    }
    #expect(throws: PipelineError.unmetRequirement(stage: "entities", missing: ["tokens"])) {
      try Pipeline([Normalizer(), EntityMatcher(gazetteer: CompiledGazetteer([]))])
    }
  }

  struct Failing: Stage {
    struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }
    let name = "failing"
    let requires: Set<Artifact> = []
    let produces: Set<Artifact> = []
    func process(_ document: inout Document) throws { throw Boom() }
  }

  @Test func wrapsStageErrorsWithStageAndDocument() {
    var document = Document(id: "doc-7", text: "")
    #expect(
      throws: PipelineError.stageFailed(stage: "failing", documentID: "doc-7", reason: "boom")
    ) {
      try Pipeline([Failing()]).process(&document)
    }
  }

  @Test func everyStageKeepsTheDocumentInvariants() throws {
    let stages: [any Stage] = [
      Normalizer(), Tokenizer(), EntityMatcher(gazetteer: DefaultData.gazetteer),
    ]
    var document = Document(
      id: "d", text: "„CAЩ“ и Украйна: Конгресът на САЩ, Зеленски и БДЖ-то.\nКИЕВ И МОСКВА")
    for count in 1...stages.count {
      var partial = document
      try Pipeline(Array(stages.prefix(count))).process(&partial)
      try DocumentInvariants.check(partial)
    }
    try Pipeline(stages).process(&document)
    #expect(document.mentions.map(\.entityID).contains("org/us-congress"))
  }
}

@Suite struct LabelFilterTests {
  static let mentions = [
    Mention(start: 0, end: 1, label: "COUNTRY", entityID: "c", name: "C"),
    Mention(start: 2, end: 3, label: "COUNTRY_ADJ", entityID: "a", name: "A"),
    Mention(start: 4, end: 5, label: "PERSON", entityID: "p", name: "P"),
  ]

  @Test(arguments: [
    (Set(["PERSON", "COUNTRY"]) as Set<String>?, Set<String>(), ["c", "p"]),
    (nil, Set(["COUNTRY_ADJ"]), ["c", "p"]),
    (Set(["COUNTRY", "COUNTRY_ADJ"]), Set(["COUNTRY_ADJ"]), ["c"]),
  ])
  func keepsAndDropsLabels(included: Set<String>?, excluded: Set<String>, expected: [String]) {
    var document = Document(id: "d", text: "a b c")
    document.mentions = Self.mentions
    LabelFilter(included: included, excluded: excluded).process(&document)
    #expect(document.mentions.map(\.entityID) == expected)
  }
}
