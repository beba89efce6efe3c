import Testing

@testable import NewsTag

private func written(_ body: (inout JSONWriter) -> Void) -> String {
  var writer = JSONWriter()
  body(&writer)
  return String(decoding: writer.bytes, as: UTF8.self)
}

/// Strings that exercise every escaping rule, alone and among plain text.
private let trickyStrings: [String] = [
  "",
  "plain ASCII",
  #"a "quoted" word"#,
  #"back\slash and \\ double \"#,
  "new\nline, return\r, tab\t, backspace\u{08}, form feed\u{0C}",
  "controls \u{0}\u{1}\u{1B}\u{1F} and delete \u{7F}",
  "Москва — столица России",
  "emoji 😀🇷🇺 and 👩‍👩‍👧",
  "separators \u{2028} and \u{2029} in text",
  "lookalikes – — “ ” … ₽ € ‰ ‱",
  "\u{E2}\u{2028}",
  String(repeating: "ж\"x\\\u{2028}\n", count: 40),
]

@Suite("JSONWriter")
struct JSONWriterTests {
  @Test(
    "appendString escapes what JSON and JavaScript need",
    arguments: [
      ("", #""""#),
      ("abc", #""abc""#),
      (#"a"b"#, #""a\"b""#),
      (#"a\b"#, #""a\\b""#),
      ("\n\r\t\u{08}\u{0C}", #""\n\r\t\b\f""#),
      ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
      ("\u{7F}/", "\"\u{7F}/\""),
      ("x\u{2028}y\u{2029}z", #""x\u2028y\u2029z""#),
      ("Привет, мир", #""Привет, мир""#),
      ("–—“”…\u{2027}\u{202A}", "\"–—“”…\u{2027}\u{202A}\""),
      ("😀", #""😀""#),
      ("12345678\"12345678", #""12345678\"12345678""#),
    ])
  func escapes(_ text: String, expected: String) {
    #expect(written { $0.appendString(text) } == expected)
  }

  @Test("escaping works at every position of a long string")
  func escapesAtEveryOffset() {
    for prefix in 0..<20 {
      let padding = String(repeating: "a", count: prefix)
      let text = padding + "\"" + padding + "\u{2028}" + padding + "\u{1}"
      let expected = "\"" + padding + #"\""# + padding + #"\u2028"# + padding + #"\u0001""#
      #expect(written { $0.appendString(text) } == expected)
    }
  }

  @Test("written strings read back unchanged through the scanner", arguments: trickyStrings)
  func roundTrips(_ text: String) throws {
    var writer = JSONWriter()
    writer.appendRaw(#"{"k":"#)
    writer.appendString(text)
    writer.appendRaw(UInt8(ascii: "}"))
    let decoded = try writer.bytes.withUnsafeBufferPointer { buffer in
      let members = try JSONObjectScanner.members(of: buffer)
      try #require(members.count == 1)
      return try JSONObjectScanner.decodeString(buffer, members[0].valueRange)
    }
    #expect(decoded == text)
    #expect(!writer.bytes.contains(0x0A))
  }

  @Test("appendString(utf8:) writes what appendString writes", arguments: trickyStrings)
  func utf8BytesMatchString(_ text: String) {
    let fromBytes = written { writer in
      Array(text.utf8).withUnsafeBufferPointer { writer.appendString(utf8: $0) }
    }
    #expect(fromBytes == written { $0.appendString(text) })
  }

  @Test("appendRaw copies text, bytes and buffers as they are")
  func appendRaw() {
    let text = written { writer in
      writer.appendRaw("{\"a\":")
      writer.appendRaw(string: "\"b\"")
      [UInt8]("[1, \"ж\"]".utf8).withUnsafeBufferPointer { writer.appendRaw(bytes: $0) }
      writer.appendRaw(UInt8(ascii: "}"))
      writer.appendRaw(UInt8(ascii: "\n"))
    }
    #expect(text == "{\"a\":\"b\"[1, \"ж\"]}\n")
  }

  @Test(
    "appendInt writes decimal integers",
    arguments: [
      (0, "0"),
      (7, "7"),
      (-7, "-7"),
      (10, "10"),
      (1_234_567_890, "1234567890"),
      (Int.max, "9223372036854775807"),
      (Int.min, "-9223372036854775808"),
    ])
  func appendsInt(_ value: Int, expected: String) {
    #expect(written { $0.appendInt(value) } == expected)
  }

  @Test(
    "appendDouble writes fixed-point, rounding half away from zero",
    arguments: [
      (0.873, 3, "0.873"),
      (0.8734, 3, "0.873"),
      (0.8735, 3, "0.874"),
      (0.0625, 3, "0.063"),
      (-0.0625, 3, "-0.063"),
      (2.5, 0, "3"),
      (-2.5, 0, "-3"),
      (0.5, 0, "1"),
      (42, 0, "42"),
      (1, 2, "1.00"),
      (0.3, 1, "0.3"),
      (12.5, 3, "12.500"),
      (9.999, 2, "10.00"),
      (-3.14159, 1, "-3.1"),
      (123456.789, 2, "123456.79"),
      (2.675, 2, "2.68"),
      (1.005, 2, "1.00"),
      (0, 3, "0.000"),
      (-0.0, 3, "0.000"),
      (-0.0004, 3, "0.000"),
      (-0.0005, 3, "-0.001"),
      (-1.5e-10, 5, "0.00000"),
      (0.1, 18, "0.100000000000000000"),
      (1e20, 2, "100000000000000000000.00"),
      (-1e22, 1, "-10000000000000000000000.0"),
      (1e15 + 0.5, 5, "1000000000000000.50000"),
      (.infinity, 2, "null"),
      (-.infinity, 2, "null"),
      (.nan, 2, "null"),
    ])
  func appendsDouble(_ value: Double, digits: Int, expected: String) {
    #expect(written { $0.appendDouble(value, fractionDigits: digits) } == expected)
  }

  @Test("appendDouble prints huge values exactly, without an exponent")
  func appendsHugeDouble() {
    #expect(
      written { $0.appendDouble(1e300, fractionDigits: 0) }
        == "1000000000000000052504760255204420248704468581108159154915854115511802457988908195"
        + "7863713750804478640437044438328838781769425232353604305756447921847867069828483872"
        + "0092657580373783023379478809005936895323497079994508111903896764088007465274278014"
        + "2494579258788820056842838115669472196386865459400540160")
    #expect(
      written { $0.appendDouble(-.greatestFiniteMagnitude, fractionDigits: 1) }
        == "-179769313486231570814527423731704356798070567525844996598917476803157260780028538"
        + "7605895586327668781715404589535143824642343213268894641827684675467035375169860499"
        + "1057655128207624549009038932894407586850845513394230458323690322294816580855933212"
        + "3348274797826204144723168738177180919299881250404026184124858368.0")
  }
}
