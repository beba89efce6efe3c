import Testing

@testable import NewsTag

@Suite struct RecordDecoderTests {
  func decode(_ line: [UInt8], decoder: RecordDecoder = RecordDecoder()) -> Result<
    Document, RecordDecoder.Failure
  > {
    line.withUnsafeBufferPointer { bytes in
      Result { () throws(RecordDecoder.Failure) in
        try decoder.document(fromJSONLine: bytes, fallbackID: "in:3")
      }
    }
  }

  func failure(_ line: String) -> RecordDecoder.Failure? {
    if case .failure(let failure) = decode(Array(line.utf8)) { return failure }
    return nil
  }

  @Test(arguments: [
    ("", RecordDecoder.Failure(id: nil, message: "empty line")),
    ("{\"id\":\"a\"}", RecordDecoder.Failure(id: "a", message: "no \"text\" field")),
    (
      "{\"id\":\"a\",\"text\":5}",
      RecordDecoder.Failure(id: "a", message: "field \"text\" is not a string")
    ),
    (
      "{\"id\":[1],\"text\":\"x\"}",
      RecordDecoder.Failure(id: nil, message: "field \"id\" is not a string or number")
    ),
  ])
  func explainsWhyALineIsNotADocument(line: String, expected: RecordDecoder.Failure) {
    #expect(failure(line) == expected)
  }

  @Test func rejectsMalformedJSONAndInvalidUTF8() {
    #expect(failure("{\"text\": }")?.message.hasPrefix("malformed JSON at byte") == true)
    let invalid: [UInt8] = Array("{\"text\":\"a".utf8) + [0xFF] + Array("\"}".utf8)
    guard case .failure(let failure) = decode(invalid) else {
      Issue.record("invalid UTF-8 accepted")
      return
    }
    #expect(failure.message == "invalid UTF-8 at byte 10")
  }

  @Test func rejectsInvalidUTF8InAKey() {
    let line: [UInt8] = Array("{\"".utf8) + [0xFF] + Array("\":1,\"text\":\"a\"}".utf8)
    guard case .failure(let failure) = decode(line) else {
      Issue.record("invalid UTF-8 in a key accepted")
      return
    }
    #expect(failure.message == "invalid UTF-8 at byte 2")
  }

  @Test func keepsOtherFieldsVerbatimInOrder() throws {
    let line = #"{"topic":"brexit","id":7,"text":"Мей\n","meta":{"a":[1, 2]},"entities":[]}"#
    let document = try decode(Array(line.utf8)).get()
    #expect(document.id == "7")
    #expect(document.text == "Мей\n")
    #expect(
      document.passthrough == [
        PassthroughField(key: "topic", rawJSONValue: "\"brexit\""),
        PassthroughField(key: "meta", rawJSONValue: "{\"a\":[1, 2]}"),
        PassthroughField(key: "input_entities", rawJSONValue: "[]"),
      ])
  }

  @Test func usesTheConfiguredFieldsAndAFallbackID() throws {
    let decoder = RecordDecoder(textField: "body", idField: "doc", keepText: true)
    let document = try decode(Array(#"{"body":"Киев"}"#.utf8), decoder: decoder).get()
    #expect(document.id == "in:3")
    #expect(document.passthrough == [PassthroughField(key: "body", rawJSONValue: "\"Киев\"")])
  }
}

@Suite struct DocumentRendererTests {
  @Test func writesCodePointOffsetsAndTheSchema() {
    var document = Document(
      id: "d\"1", text: "😀 Киев", passthrough: [.init(key: "n", rawJSONValue: "1")])
    document.mentions = [
      Mention(start: 5, end: 13, label: "LOCATION", entityID: "location/kyiv", name: "Киев")
    ]
    document.topics = [
      TopicScore(
        id: "war-in-ukraine", label: "war", iptc: "medtop:16000000", parent: "conflict",
        score: 0.8765,
        evidence: [.init(cue: "война", count: 2, contribution: 1.25)])
    ]
    var writer = JSONWriter()
    DocumentRenderer().render(document, into: &writer)
    #expect(
      String(decoding: writer.bytes, as: UTF8.self)
        == #"{"id":"d\"1","n":1,"entities":[{"start":2,"end":6,"text":"Киев","label":"LOCATION","#
        + #""id":"location/kyiv","name":"Киев"}],"topics":[{"id":"war-in-ukraine","label":"war","#
        + #""iptc":"medtop:16000000","parent":"conflict","score":0.877,"evidence":["война"]}]}"#)
  }

  @Test func explainsEvidenceWhenAsked() {
    var document = Document(id: "d", text: "")
    document.topics = [
      TopicScore(
        id: "t", label: "l", iptc: "", score: 0.5,
        evidence: [.init(cue: "война", count: 2, contribution: 1.25)])
    ]
    var writer = JSONWriter()
    DocumentRenderer(includeEntities: false, explainTopics: true).render(document, into: &writer)
    #expect(
      String(decoding: writer.bytes, as: UTF8.self)
        == #"{"id":"d","topics":[{"id":"t","label":"l","iptc":"","parent":"","score":0.500,"#
        + #""evidence":[{"cue":"война","count":2,"contribution":1.250}]}]}"#)
  }
}
