/// The data lines of a tab-separated text, as gazetteers and lexicons write
/// them: lines starting with `#` and blank lines are skipped, a final CR is
/// dropped, and fields lose their surrounding spaces.
///
/// - Complexity: O(n) in the text's bytes; works on UTF-8, not `Character`s.
enum TSVLines {
  static func parse(_ text: String) -> [(line: Int, fields: [String])] {
    text.withUTF8Bytes { bytes in
      var rows: [(line: Int, fields: [String])] = []
      var lineNumber = 0
      var start = 0
      while start < bytes.count {
        lineNumber += 1
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let next = end + 1
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let isBlank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if !isBlank && line.first != UInt8(ascii: "#") {
          rows.append((lineNumber, fields(of: line)))
        }
        start = next
      }
      return rows
    }
  }

  private static func fields(of line: UnsafeBufferPointer<UInt8>) -> [String] {
    var fields: [String] = []
    var start = 0
    while true {
      var end = start
      while end < line.count && line[end] != UInt8(ascii: "\t") { end += 1 }
      var low = start
      var high = end
      while low < high && line[low] == UInt8(ascii: " ") { low += 1 }
      while high > low && line[high - 1] == UInt8(ascii: " ") { high -= 1 }
      fields.append(
        String(decoding: UnsafeBufferPointer(rebasing: line[low..<high]), as: UTF8.self))
      if end == line.count { return fields }
      start = end + 1
    }
  }
}

/// A tab-separated table with a header row, as gazetteers and topic lexicons
/// are written: rows as values by (lowercased) column name, and the problems
/// of the header and of rows with too many fields, in line order.
enum TSVTable {
  enum Item {
    case row(line: Int, values: [String: String])
    case problem(Diagnostic)
  }

  /// The rows of `source`; nothing after a header that lacks a `required`
  /// column, repeats a column or has an empty one.
  static func items(of source: GazetteerSource, required: [String]) -> [Item] {
    var items: [Item] = []
    func problem(_ line: Int, _ message: String) {
      items.append(.problem(Diagnostic(.error, file: source.path, line: line, message)))
    }
    var columns: [String]? = nil
    for (line, fields) in TSVLines.parse(source.text) {
      guard let header = columns else {
        let names = fields.map { $0.lowercased() }
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
          problem(line, "duplicate column '\(name)'")
        }
        for column in required where !names.contains(column) {
          problem(line, "header lacks the required column '\(column)'")
        }
        if names.contains("") { problem(line, "empty column name in header") }
        if !items.isEmpty { return items }
        columns = names
        continue
      }
      guard fields.count <= header.count else {
        problem(line, "expected \(header.count) fields, found \(fields.count)")
        continue
      }
      var values: [String: String] = [:]
      for (column, value) in zip(header, fields) { values[column] = value }
      items.append(.row(line: line, values: values))
    }
    if columns == nil {
      problem(0, "no header row (expected columns \(required.joined(separator: ", ")))")
    }
    return items
  }
}
