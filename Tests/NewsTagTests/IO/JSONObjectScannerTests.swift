import Testing

@testable import NewsTag

/// Scans `text` as one JSON line.
private func members(_ text: String) throws(JSONLineError) -> [JSONMember] {
  try Array(text.utf8).withUnsafeBufferPointer { bytes in
    Result { () throws(JSONLineError) in try JSONObjectScanner.members(of: bytes) }
  }.get()
}

/// Decodes the JSON string literal `text`.
private func decode(_ text: String) throws(JSONLineError) -> String {
  let bytes = Array(text.utf8)
  return try bytes.withUnsafeBufferPointer { buffer in
    Result { () throws(JSONLineError) in
      try JSONObjectScanner.decodeString(buffer, 0..<bytes.count)
    }
  }.get()
}

/// The raw value texts of `text`'s members, keyed in order.
private func rawMembers(_ text: String) throws -> [(String, String, JSONValueKind)] {
  let bytes = Array(text.utf8)
  return try members(text).map { member in
    (member.key, String(decoding: bytes[member.valueRange], as: UTF8.self), member.kind)
  }
}

@Suite("JSONObjectScanner")
struct JSONObjectScannerTests {
  @Test(
    "accepts valid objects",
    arguments: [
      #"{"a":1}"#,
      #"{"a":[1,{"b":null}],"c":"x\u00e9"}"#,
      "  {}  ",
      "{}",
      "\t{ }\r\n",
      #"{"":""}"#,
      #"{"a":-0,"b":0.5,"c":-12.25e+3,"d":1E-2,"e":123456789012345678901234567890}"#,
      #"{"t":true,"f":false,"n":null}"#,
      #"{"a":[],"b":{},"c":[[]],"d":[{}, {"x": [1, "2", null]}]}"#,
      #"{"esc":"\"\\\/\b\f\n\r\t\u0041\uD83D\uDE00"}"#,
      #"{"text":"Привет, мир 🌍","\u043a":"ключ"}"#,
      "{\"a\":\"\u{7F}\",\"b\":\"\\u007f\"}",
      #"{"a":1,"a":2}"#,
      "{ \"a\" : 1 , \"b\" : [ 1 , 2 ] }",
    ])
  func acceptsValidObject(_ line: String) throws {
    _ = try members(line)
  }

  @Test(
    "rejects malformed lines with a located message",
    arguments: [
      (#"{"a":}"#, "expected a value", 5),
      (#"{"a":1,}"#, "expected a string key after ','", 7),
      (#"{"a":01}"#, "leading zeros are not allowed in numbers", 6),
      (#"{"a":-}"#, "expected a digit in number", 6),
      (#"{"a":1.}"#, "expected a digit after '.' in number", 7),
      (#"{"a":1e}"#, "expected a digit in exponent", 7),
      (#"{"a":.5}"#, "expected a value", 5),
      (#"{"a":+1}"#, "expected a value", 5),
      (#"{"a":"\#u{01}"}"#, "control character U+0001 must be escaped in string", 6),
      ("{\"a\":\"line\nbreak\"}", "control character U+000A must be escaped in string", 10),
      (#"{"a":"\ud800"}"#, #"unpaired surrogate \uD800 in string"#, 6),
      (#"{"a":"\udc00\ud800"}"#, #"unpaired surrogate \uDC00 in string"#, 6),
      (#"{"a":"\ud800\u0041"}"#, #"unpaired surrogate \uD800 in string"#, 6),
      (#"{"a":"\x"}"#, #"invalid escape sequence '\x'"#, 6),
      (#"{"a":"\u12G4"}"#, #"invalid \u escape: expected 4 hex digits"#, 6),
      (#"{"a":1} x"#, "unexpected data after the JSON object", 8),
      (#"{"a":1}{}"#, "unexpected data after the JSON object", 7),
      ("[1]", "expected a JSON object", 0),
      (#""text""#, "expected a JSON object", 0),
      ("", "expected a JSON object", 0),
      ("   ", "expected a JSON object", 3),
      (#"{"a" 1}"#, "expected ':' after object key", 5),
      (#"{"a":1 "b":2}"#, "expected ',' or '}' after object member", 7),
      (#"{"a":[1 2]}"#, "expected ',' or ']' after array element", 8),
      (#"{"a":[1,]}"#, "expected a value", 8),
      (#"{a:1}"#, "expected a string key or '}'", 1),
      (#"{"a":tru}"#, "invalid literal, expected 'true'", 5),
      (#"{"a":nul}"#, "invalid literal, expected 'null'", 5),
      (#"{"a":False}"#, "expected a value", 5),
      (#"{'a':1}"#, "expected a string key or '}'", 1),
      // Truncated lines.
      ("{", "unexpected end of input", 1),
      (#"{"a""#, "unexpected end of input", 4),
      (#"{"a":"#, "unexpected end of input", 5),
      (#"{"a":1"#, "unexpected end of input", 6),
      (#"{"a":[1,"#, "unexpected end of input", 8),
      (#"{"a":-"#, "unexpected end of input", 6),
      (#"{"a":tr"#, "unexpected end of input", 7),
      (#"{"a":"abc"#, "unterminated string", 5),
      (#"{"a":"abc\"#, "unterminated string", 5),
      (#"{"a":"\u00"#, #"invalid \u escape: expected 4 hex digits"#, 6),
      (#"{"abc"#, "unterminated string", 1),
    ])
  func rejectsMalformedLine(_ line: String, message: String, offset: Int) {
    #expect(throws: JSONLineError(message: message, byteOffset: offset)) {
      try members(line)
    }
  }

  @Test("error description names the byte and the problem")
  func errorDescription() {
    let error = JSONLineError(message: "expected ':' after object key", byteOffset: 17)
    #expect(error.description == "malformed JSON at byte 17: expected ':' after object key")
  }

  @Test("members come in order with their raw value ranges and kinds")
  func memberRangesAndKinds() throws {
    let line =
      #" { "id" : "n-1", "n":-1.5e3 ,"tags":["a",{"b":[]}],"o":{"x":"}"},"#
      + #""t":true,"f":false,"z":null,"id":7 } "#
    let found = try rawMembers(line)
    let expected: [(String, String, JSONValueKind)] = [
      ("id", #""n-1""#, .string),
      ("n", "-1.5e3", .number),
      ("tags", #"["a",{"b":[]}]"#, .array),
      ("o", #"{"x":"}"}"#, .object),
      ("t", "true", .bool),
      ("f", "false", .bool),
      ("z", "null", .null),
      ("id", "7", .number),
    ]
    #expect(found.map(\.0) == expected.map(\.0))
    #expect(found.map(\.1) == expected.map(\.1))
    #expect(found.map(\.2) == expected.map(\.2))
  }

  @Test("value ranges are byte offsets, past multibyte text")
  func valueRangesAreByteOffsets() throws {
    let found = try members(#"{"заголовок":"Новости","n":1}"#)
    #expect(found.map(\.key) == ["заголовок", "n"])
    #expect(found[0].valueRange == 22..<38)
    #expect(found[1].valueRange == 43..<44)
  }

  @Test("escaped keys are decoded")
  func escapedKeysAreDecoded() throws {
    let found = try members(#"{"a\"b":1,"\u0442\u0435\u043a\u0441\u0442":2,"\ud83d\ude00":3}"#)
    #expect(found.map(\.key) == ["a\"b", "текст", "😀"])
  }

  @Test("an empty object has no members")
  func emptyObject() throws {
    #expect(try members(" { } ").isEmpty)
  }

  @Test("nesting is limited to 512 levels, the top-level object included")
  func nestingLimit() throws {
    let deepest =
      #"{"a":"# + String(repeating: "[", count: 511)
      + String(repeating: "]", count: 511) + "}"
    #expect(try members(deepest).count == 1)

    let tooDeep =
      #"{"a":"# + String(repeating: "[", count: 512)
      + String(repeating: "]", count: 512) + "}"
    #expect(throws: JSONLineError(message: "nesting deeper than 512 levels", byteOffset: 516)) {
      try members(tooDeep)
    }

    let objects =
      String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
    #expect(
      throws: JSONLineError(message: "nesting deeper than 512 levels", byteOffset: 5 * 512)
    ) {
      try members(objects)
    }
  }

  @Test("strings skip fast over long runs with a quote or backslash at every offset")
  func longStringsAtEveryAlignment() throws {
    for prefix in 0..<17 {
      let padding = String(repeating: "ж", count: prefix) + String(repeating: "x", count: prefix)
      let line = #"{"k":""# + padding + #"\"\\"# + padding + #"","n":1}"#
      let found = try members(line)
      #expect(found.map(\.key) == ["k", "n"])
      let value = try decode(String(decoding: Array(line.utf8)[found[0].valueRange], as: UTF8.self))
      #expect(value == padding + #""\"# + padding)
    }
  }

  @Test("invalid UTF-8 inside a string does not stop the scan")
  func invalidUTF8IsTolerated() throws {
    let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xFF, 0xC0, 0x80] + Array(#""}"#.utf8)
    let found = try bytes.withUnsafeBufferPointer { buffer in
      try JSONObjectScanner.members(of: buffer)
    }
    #expect(found.map(\.valueRange) == [5..<10])
  }

  @Test(
    "decodeString handles every escape",
    arguments: [
      (#""""#, ""),
      (#""plain""#, "plain"),
      (#""Привет""#, "Привет"),
      (#""a\"b""#, "a\"b"),
      (#""\\\/\b\f\n\r\t""#, "\\/\u{08}\u{0C}\n\r\t"),
      (#""\u0041\u00e9\u0416\u20AC""#, "AéЖ€"),
      (#""\u041f\u0440\u0438\u0432\u0435\u0442""#, "Привет"),
      (#""\ud83d\ude00 and \uD83C\uDF0D""#, "😀 and 🌍"),
      (#""\u0000""#, "\u{0}"),
      (#""x\u2028y""#, "x\u{2028}y"),
      (#""mixed: ж\nж \u0436""#, "mixed: ж\nж ж"),
    ])
  func decodesEscapes(_ literal: String, expected: String) throws {
    #expect(try decode(literal) == expected)
  }

  @Test(
    "decodeString rejects bad escapes and ranges",
    arguments: [
      (#""\ud800""#, #"unpaired surrogate \uD800 in string"#, 1),
      (#""ab\udfff""#, #"unpaired surrogate \uDFFF in string"#, 3),
      (#""\ud83d\u0041""#, #"unpaired surrogate \uD83D in string"#, 1),
      (#""\q""#, #"invalid escape sequence '\q'"#, 1),
      (#""\u12""#, #"invalid \u escape: expected 4 hex digits"#, 1),
      (#""\""#, "unterminated escape sequence", 1),
      ("abc", "expected a string", 0),
      (#"""#, "expected a string", 0),
    ])
  func decodeRejects(_ literal: String, message: String, offset: Int) {
    #expect(throws: JSONLineError(message: message, byteOffset: offset)) {
      try decode(literal)
    }
  }

  @Test("decodeString reads a member's range in place")
  func decodeMemberInPlace() throws {
    let bytes = Array(#"{"title":"A \"quoted\" \u0436","n":2}"#.utf8)
    let title = try bytes.withUnsafeBufferPointer { buffer in
      let found = try JSONObjectScanner.members(of: buffer)
      return try JSONObjectScanner.decodeString(buffer, found[0].valueRange)
    }
    #expect(title == #"A "quoted" ж"#)
  }

  @Test("decodeString refuses a range outside the bytes")
  func decodeRangeOutOfBounds() {
    let bytes = Array(#""ab""#.utf8)
    #expect(throws: JSONLineError(message: "expected a string", byteOffset: 2)) {
      try bytes.withUnsafeBufferPointer { buffer in
        try JSONObjectScanner.decodeString(buffer, 2..<9)
      }
    }
  }
}
